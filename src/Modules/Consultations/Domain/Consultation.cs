using System.Text.RegularExpressions;

namespace TalentPass.Modules.Consultations.Domain;

internal static class ConsultationStatus
{
    public const string Open = "open";
    public const string Answered = "answered";

    public static IReadOnlyList<string> All { get; } = [Open, Answered];
}

/// <summary>
/// One question (政策咨询) a talent asked: about a right of the catalogue (routed to the right's provider) or a named
/// matter (routed to the talent office); answered by the recipient organisation within a working-day deadline; an
/// answer may be published as an anonymised FAQ entry (its own text, checked for personal data).
/// </summary>
internal sealed class Consultation
{
    public Guid Id { get; set; }

    public Guid TalentId { get; set; }

    public Guid AskerAccountId { get; set; }

    public Guid? RightId { get; set; }

    public string Topic { get; set; } = string.Empty;

    public string Question { get; set; } = string.Empty;

    public Guid ProviderOrganisationId { get; set; }

    public string Status { get; set; } = ConsultationStatus.Open;

    public DateTimeOffset AskedAt { get; set; }

    public DateOnly AskedOn { get; set; }

    /// <summary>Null when the calendar of the year was not loaded (shown as "deadline unknown", never guessed).</summary>
    public DateOnly? DueOn { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public Guid? AnsweredBy { get; set; }

    public string? Answer { get; set; }

    public bool FaqPublished { get; set; }

    public string? FaqQuestion { get; set; }

    public string? FaqAnswer { get; set; }

    public DateTimeOffset? FaqPublishedAt { get; set; }

    public Guid? FaqPublishedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>Anonymising question and answer texts before they become FAQ entries.</summary>
internal static partial class FaqText
{
    /// <summary>Masks resident ID numbers (15/18 characters), mobile numbers and e-mail addresses.</summary>
    public static string Anonymise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = IdNumber().Replace(text, "[身份证号]");
        masked = Mobile().Replace(masked, "[手机号]");
        return Email().Replace(masked, "[邮箱]");
    }

    /// <summary>True when the text still contains something that looks like an ID number, mobile number or e-mail.</summary>
    public static bool ContainsPersonalData(string? text) =>
        text is not null && (IdNumber().IsMatch(text) || Mobile().IsMatch(text) || Email().IsMatch(text));

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])|(?<![0-9])[1-9][0-9]{14}(?![0-9])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
