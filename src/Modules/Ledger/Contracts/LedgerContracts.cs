using System.Security.Cryptography;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger.Contracts;

/// <summary>
/// What other modules record in the evidence ledger: the digest of a document kept elsewhere, its kind, the
/// parties (organisation codes or opaque ids — never personal data), the time of the fact and an optional
/// opaque reference. The same draft (same fields, same <see cref="Time"/>) is recorded once.
/// </summary>
/// <param name="Kind">One of <see cref="LedgerKinds"/>.</param>
/// <param name="DocumentDigest"><c>sha256:&lt;64 hex&gt;</c> or <c>sm3:&lt;64 hex&gt;</c>; see <see cref="LedgerDigest"/>.</param>
/// <param name="Parties">1–16 codes of <c>[A-Za-z0-9][A-Za-z0-9._:-]{0,63}</c>; order does not matter.</param>
/// <param name="Source">Who records it, e.g. <c>talents</c> (a module name); becomes <c>submitter = talentpass:&lt;source&gt;</c>.</param>
/// <param name="Time">When the fact happened (UTC, whole seconds kept). Give it for idempotent retries; default: now.</param>
/// <param name="Reference">Optional opaque reference, <c>[A-Za-z0-9._:/-]{1,128}</c> (e.g. <c>talent:&lt;uuid&gt;</c>).</param>
public sealed record LedgerEntryDraft(
    string Kind,
    string DocumentDigest,
    IReadOnlyList<string> Parties,
    string Source,
    DateTimeOffset? Time = null,
    string? Reference = null);

/// <summary>The entry's position in the log once it is durable. <see cref="AlreadyRecorded"/>: the same entry was there before.</summary>
public sealed record LedgerAppended(long Index, string EntryHash, bool AlreadyRecorded);

/// <summary>
/// Appends to the evidence ledger. <see cref="AppendAsync"/> returns only once the entry is durably sequenced
/// (committed with its index); appending the same canonical entry again returns its existing index.
/// Fails with a validation error (<c>ledger.*</c>) for a malformed draft; nothing is appended then.
/// </summary>
public interface ILedger
{
    Task<Result<LedgerAppended>> AppendAsync(LedgerEntryDraft draft, CancellationToken cancellationToken = default);
}

/// <summary>The kinds of evidence the ledger records (stable codes).</summary>
public static class LedgerKinds
{
    public const string Agreement = "agreement";
    public const string PerformanceReport = "performance_report";
    public const string Violation = "violation";
    public const string HostBankCommitment = "host_bank_commitment";
    public const string SuspensionDecision = "suspension_decision";
    public const string TerminationDecision = "termination_decision";
    public const string Reward = "reward";
    public const string PolicyApproval = "policy_approval";
    public const string ReinstatementDecision = "reinstatement_decision";
    public const string AppealDecision = "appeal_decision";

    public static IReadOnlyList<string> All { get; } =
        [Agreement, PerformanceReport, Violation, HostBankCommitment, SuspensionDecision, TerminationDecision, Reward, PolicyApproval, ReinstatementDecision, AppealDecision];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}

/// <summary>Document digests in the ledger's text form (<c>sha256:&lt;hex&gt;</c>).</summary>
public static class LedgerDigest
{
    public static string Sha256(ReadOnlySpan<byte> document) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(document));

    public static string Sha256(Stream document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(document));
    }
}
