using TalentPass.Modules.Recognition.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Recognition.Pages;

/// <summary>UI text of the Recognition pages (levels, paths, states, localised errors).</summary>
internal static class RecognitionText
{
    public static string Level(string? level) => RecognitionLevels.Label(level, Loc.IsEnglish);

    public static string Path(string path) => RecognitionPaths.Label(path, Loc.IsEnglish);

    public static string Status(string status) => RecognitionStatus.Label(status, Loc.IsEnglish);

    public static string StatusBadge(string status) => status switch
    {
        RecognitionStatus.Approved => "badge badge-ok",
        RecognitionStatus.Refused or RecognitionStatus.Revoked => "badge badge-err",
        _ => "badge badge-warn",
    };

    public static string Criterion(string code) =>
        CriteriaCatalogue.Current.Find(code) is { } c ? c.Title(Loc.IsEnglish) : code;

    public static string Matched(bool? matched) => matched switch
    {
        true => Loc.T("符合", "Met"),
        false => Loc.T("不符合", "Not met"),
        null => Loc.T("待人工核验", "To be checked by a clerk"),
    };

    /// <summary>Localises an error message of the form "中文 / English" (and its field messages).</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray(), StringComparer.Ordinal),
        };
    }

    public static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }
}
