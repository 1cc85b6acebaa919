using System.Security.Claims;

namespace TalentPass.Modules.Codes.Contracts;

/// <summary>
/// The result of an online verification for another module (e.g. redemption at a service point).
/// <paramref name="Outcome"/> is one of <c>valid|expired|invalid_signature|unknown_key|suspended|terminated|malformed</c>
/// (as <c>POST /api/v1/codes/verify</c>). <paramref name="TalentId"/> is set only when the code's signature verified
/// and its subject is known; <paramref name="Mode"/> is <c>dynamic</c> or <c>static</c>.
/// </summary>
public sealed record CodeCheck(
    string Outcome,
    string Reason,
    Guid? TalentId,
    string? Level,
    string? Category,
    string? MaskedName,
    string? Mode,
    Guid ScanId,
    DateTimeOffset ScannedAt);

/// <summary>
/// Online verification of a scanned talent code on behalf of another module: the same checks and the same scan log
/// as <c>POST /api/v1/codes/verify</c> (the scan is logged for <paramref name="user"/>'s organisation), plus the
/// talent the code belongs to. The talent id never leaves the server.
/// </summary>
public interface ICodeVerification
{
    Task<CodeCheck> VerifyAsync(string code, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>One logged scan (no code text: only who scanned, where, when, and whose code it was when known).</summary>
public sealed record ScanRecord(
    Guid ScanId,
    DateTimeOffset ScannedAt,
    Guid? TalentId,
    Guid? OrganisationId,
    Guid? AccountId,
    string Outcome,
    string? Mode);

/// <summary>
/// Read access to the scan log for governance (misuse signals) and personal-data rights. Scans are written by a
/// background writer a little after they happen, so a follower should read only up to a short lag behind "now".
/// </summary>
public interface IScanFeed
{
    /// <summary>Scans with (ScannedAt, ScanId) strictly after the cursor and ScannedAt before <paramref name="until"/>, oldest first.</summary>
    Task<IReadOnlyList<ScanRecord>> ReadAsync(DateTimeOffset afterAt, Guid afterId, DateTimeOffset until, int max, CancellationToken cancellationToken = default);

    /// <summary>The scans of one talent's codes, newest first (the talent's own view).</summary>
    Task<IReadOnlyList<ScanRecord>> ListForTalentAsync(Guid talentId, int max, CancellationToken cancellationToken = default);
}
