using TalentPass.Modules.Reviews.Domain;
using TalentPass.Ui;

namespace TalentPass.Modules.Reviews.Pages;

/// <summary>UI text of the Reviews pages.</summary>
internal static class ReviewsText
{
    public static string Status(string status) => ReviewStatus.Label(status, Loc.IsEnglish);

    public static string Reverification(string? value) => Domain.Reverification.Label(value, Loc.IsEnglish);

    public static string Campaign(string status) => CampaignStatus.Label(status, Loc.IsEnglish);

    public static string Badge(string status) => status switch
    {
        ReviewStatus.Reverified or ReviewStatus.Confirmed or ReviewStatus.Updated => "badge badge-ok",
        ReviewStatus.Overdue or ReviewStatus.Failed => "badge badge-err",
        _ => "badge badge-warn",
    };

    public static string Levels(IReadOnlyList<string> levels) =>
        levels.Count == 0 ? Loc.T("指定人才", "Named talents") : string.Join(", ", levels.Select(l => l.Length == 1 ? l.ToUpperInvariant() : l));

    /// <summary>Localises an error message of the form "中文 / English".</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var split = error.Message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? error : error with { Message = Loc.IsEnglish ? error.Message[(split + 3)..] : error.Message[..split] };
    }
}
