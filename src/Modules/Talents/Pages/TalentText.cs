using TalentPass.Modules.Talents.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Talents.Pages;

/// <summary>Display texts of the Talents pages in the current UI language.</summary>
internal static class TalentText
{
    public static string Level(string code) => TalentLevel.Label(code, Loc.IsEnglish);

    public static string LevelShort(string code) => TalentLevel.Short(code, Loc.IsEnglish);

    public static string Category(string code) => TalentCategory.Label(code, Loc.IsEnglish);

    public static string Status(string code) => TalentStatus.Label(code, Loc.IsEnglish);

    public static string Field(string key) => ProfileFields.Label(key, Loc.IsEnglish);

    public static string Degree(string? code) => ProfileFields.DegreeLabel(code, Loc.IsEnglish);

    public static string Gender(string code) => code == "male" ? Loc.T("男", "Male") : Loc.T("女", "Female");

    public static string StatusBadge(string code) => code switch
    {
        TalentStatus.Active => "badge badge-ok",
        TalentStatus.Suspended => "badge badge-warn",
        _ => "badge badge-err",
    };

    public static string ChangeRequestStatus(string code) => code switch
    {
        Domain.ChangeRequestStatus.Pending => Loc.T("待审核", "Pending"),
        Domain.ChangeRequestStatus.Approved => Loc.T("已通过", "Approved"),
        Domain.ChangeRequestStatus.Rejected => Loc.T("已驳回", "Rejected"),
        _ => code,
    };

    public static string Source(string source) => source switch
    {
        DataSources.Manual => Loc.T("人工核验", "manual check"),
        DataSources.SelfService => Loc.T("本人填报", "self-service"),
        DataSources.ChangeRequest => Loc.T("变更审核", "change review"),
        DataSources.HouseholdRegistry => Loc.T("户籍数据", "household registry"),
        _ => source,
    };

    /// <summary>Money in fen as yuan with two decimals.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// An error for display in the current language: bilingual "中文 / English" texts are cut to one language and
    /// per-field messages are prefixed with the field's label.
    /// </summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Fields is not { Count: > 0 } fields)
        {
            return error with { Message = Message(error.Message) };
        }

        return error with
        {
            Message = Loc.T("请检查以下各项。", "Please check the following."),
            Fields = fields.ToDictionary(
                f => f.Key,
                f => f.Value.Select(m => $"{FieldLabel(f.Key)}: {Message(m)}").ToArray(),
                StringComparer.Ordinal),
        };
    }

    private static string FieldLabel(string key)
    {
        var snake = string.Concat(key.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
        return ProfileFields.Find(snake) is not null ? Field(snake) : key;
    }

    /// <summary>Localises the message of an error that carries "中文 / English".</summary>
    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }
}
