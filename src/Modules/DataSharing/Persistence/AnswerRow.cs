namespace TalentPass.Modules.DataSharing.Persistence;

/// <summary>One kept data-sharing answer (table <c>datasharing_answers</c>): evidence of what a source said, when and why.</summary>
internal sealed class AnswerRow
{
    public Guid Id { get; set; }

    public string Source { get; set; } = "";

    public Guid TalentId { get; set; }

    /// <summary>Why it was asked, e.g. <c>services:application:{id}</c> (never personal data).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The signed-in account that caused the look-up; null for the system (background jobs).</summary>
    public Guid? RequestedBy { get; set; }

    /// <summary>The <c>X-Request-Id</c> sent to the source (its own log can be matched against it).</summary>
    public Guid RequestId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public int DurationMs { get; set; }

    /// <summary>found | not_found | unavailable | invalid.</summary>
    public string Outcome { get; set; } = "";

    public int? HttpStatus { get; set; }

    /// <summary>Lower-case hex SHA-256 of the raw answer body as received (of nothing when there was no answer).</summary>
    public string AnswerSha256 { get; set; } = "";

    public int AnswerBytes { get; set; }

    /// <summary>The parsed record fields as JSON, encrypted with the field protector (they are personal data).</summary>
    public string? FieldsCipher { get; set; }

    /// <summary>Why the answer was not a fact (e.g. <c>timeout</c>, <c>http_503</c>, <c>record.degree is missing</c>).</summary>
    public string? Problem { get; set; }
}
