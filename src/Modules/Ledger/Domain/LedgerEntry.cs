using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TalentPass.Modules.Ledger.Contracts;
using TalentPass.SharedKernel;

namespace TalentPass.Modules.Ledger.Domain;

/// <summary>A partner's signature over the entry's statement (see <see cref="LedgerEntry.SignedMessage"/>).</summary>
internal sealed record SubmitterSignature(string Algorithm, string KeyId, string Value);

/// <summary>
/// The canonical, versioned ledger entry (format v1). Its canonical bytes are the log leaf: a JSON object
/// with keys in ordinal order, no white space, every value restricted to printable ASCII without quotes or
/// backslashes (so no escaping is ever needed):
/// <code>{"digest":"sha256:…","kind":"agreement","parties":["a","b"],"ref":"…","sig":{"alg":"ed25519","key":"…","value":"…"},"submitter":"…","time":"2026-11-21T06:00:00Z","v":1}</code>
/// <c>ref</c> and <c>sig</c> are omitted when absent; <c>parties</c> are sorted (ordinal) and distinct; <c>time</c>
/// is UTC to the second. The <em>statement</em> is the same object without <c>sig</c>; its SHA-256 identifies the
/// entry (idempotency) and a partner signs <c>"talentpass-ledger-entry-v1\n" || statement</c>.
/// </summary>
internal sealed partial record LedgerEntry
{
    public const int FormatVersion = 1;
    public const string SignatureContext = "talentpass-ledger-entry-v1\n";
    public const int MaxParties = 16;

    private LedgerEntry(string kind, string digest, IReadOnlyList<string> parties, string submitter, DateTimeOffset time, string? reference, SubmitterSignature? signature)
    {
        Kind = kind;
        Digest = digest;
        Parties = parties;
        Submitter = submitter;
        Time = time;
        Reference = reference;
        Signature = signature;
        Statement = Encoding.ASCII.GetBytes(Serialise(includeSignature: false));
        Canonical = signature is null ? Statement : Encoding.ASCII.GetBytes(Serialise(includeSignature: true));
        EntryHash = SHA256.HashData(Statement);
    }

    public string Kind { get; }

    public string Digest { get; }

    public IReadOnlyList<string> Parties { get; }

    public string Submitter { get; }

    public DateTimeOffset Time { get; }

    public string? Reference { get; }

    public SubmitterSignature? Signature { get; }

    /// <summary>The canonical bytes without the signature.</summary>
    public byte[] Statement { get; }

    /// <summary>The canonical bytes: the log leaf.</summary>
    public byte[] Canonical { get; }

    /// <summary>SHA-256 of <see cref="Statement"/>: the same statement is recorded once.</summary>
    public byte[] EntryHash { get; }

    /// <summary>Parties as stored for search: <c>,a,b,</c>.</summary>
    public string PartiesColumn => "," + string.Join(',', Parties) + ",";

    /// <summary>What a partner signs.</summary>
    public byte[] SignedMessage => [.. Encoding.ASCII.GetBytes(SignatureContext), .. Statement];

    public static Result<LedgerEntry> Create(
        string? kind,
        string? digest,
        IReadOnlyList<string>? parties,
        string? submitter,
        DateTimeOffset time,
        string? reference,
        SubmitterSignature? signature = null)
    {
        if (!LedgerKinds.IsKnown(kind))
        {
            return LedgerErrors.KindUnknown;
        }

        if (digest is null || !DigestPattern().IsMatch(digest))
        {
            return LedgerErrors.DigestInvalid;
        }

        if (parties is null || parties.Count is 0 or > MaxParties || parties.Any(p => p is null || !PartyPattern().IsMatch(p)))
        {
            return LedgerErrors.PartiesInvalid;
        }

        if (reference is not null && !ReferencePattern().IsMatch(reference))
        {
            return LedgerErrors.ReferenceInvalid;
        }

        if (submitter is null || !SubmitterPattern().IsMatch(submitter))
        {
            return LedgerErrors.SourceInvalid;
        }

        if (signature is not null && (!TokenPattern().IsMatch(signature.Algorithm) || !TokenPattern().IsMatch(signature.KeyId) || !Base64Pattern().IsMatch(signature.Value)))
        {
            return LedgerErrors.SignatureInvalid;
        }

        var utc = time.ToUniversalTime();
        var seconds = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (seconds.Year is < 2000 or > 9999)
        {
            return LedgerErrors.TimeInvalid;
        }

        var sorted = parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new LedgerEntry(kind!, digest.ToLowerInvariant(), sorted, submitter, seconds, reference, signature);
    }

    public LedgerEntry WithSignature(SubmitterSignature signature) =>
        new(Kind, Digest, Parties, Submitter, Time, Reference, signature);

    private string Serialise(bool includeSignature)
    {
        var json = new StringBuilder(256);
        json.Append("{\"digest\":\"").Append(Digest)
            .Append("\",\"kind\":\"").Append(Kind)
            .Append("\",\"parties\":[")
            .AppendJoin(',', Parties.Select(p => "\"" + p + "\""))
            .Append(']');
        if (Reference is not null)
        {
            json.Append(",\"ref\":\"").Append(Reference).Append('"');
        }

        if (includeSignature && Signature is not null)
        {
            json.Append(",\"sig\":{\"alg\":\"").Append(Signature.Algorithm)
                .Append("\",\"key\":\"").Append(Signature.KeyId)
                .Append("\",\"value\":\"").Append(Signature.Value).Append("\"}");
        }

        json.Append(",\"submitter\":\"").Append(Submitter)
            .Append("\",\"time\":\"").Append(Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append("\",\"v\":").Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append('}');
        return json.ToString();
    }

    [GeneratedRegex("^(sha256|sm3):[0-9a-fA-F]{64}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex PartyPattern();

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex SubmitterPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9+/=]{1,200}$")]
    private static partial Regex Base64Pattern();
}
