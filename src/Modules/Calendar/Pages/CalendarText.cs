using TalentPass.Modules.Calendar.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Calendar.Pages;

/// <summary>UI words of the calendar pages.</summary>
internal static class CalendarText
{
    public static string Kind(string kind) => kind == DayKind.Holiday ? Loc.T("休", "Holiday") : Loc.T("班", "Make-up workday");

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Loc.T("一", "Mo"),
        DayOfWeek.Tuesday => Loc.T("二", "Tu"),
        DayOfWeek.Wednesday => Loc.T("三", "We"),
        DayOfWeek.Thursday => Loc.T("四", "Th"),
        DayOfWeek.Friday => Loc.T("五", "Fr"),
        DayOfWeek.Saturday => Loc.T("六", "Sa"),
        _ => Loc.T("日", "Su"),
    };

    /// <summary>Keeps the language of the UI from a "中文 / English" message; field keys like <c>line 3</c> prefix their messages.</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(m => $"{Where(f.Key)}{Message(m)}").ToArray()),
        };
    }

    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }

    private static string Where(string key) =>
        key.StartsWith("line ", StringComparison.Ordinal) ? Loc.T($"第{key[5..]}行：", $"Line {key[5..]}: ")
        : key == "schedule" ? string.Empty
        : $"{key}: ";
}
