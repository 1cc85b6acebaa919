using System.Globalization;
using System.Text.Json;

namespace TalentPass.Tlog;

/// <summary>
/// The fields of a TalentPass evidence entry (ledger entry format v1, canonical JSON, defined by the Ledger module)
/// that an offline verifier needs: the document digest <c>"digest":"sha256:&lt;hex&gt;"</c> (or <c>sm3:</c>), the kind,
/// the parties and the time. Reading is tolerant (unknown fields ignored); the log commits to the exact bytes.
/// </summary>
public sealed record EvidenceEntry(string DigestAlgorithm, Hash Digest, string Kind, IReadOnlyList<string> Parties, DateTimeOffset? Time, int Version)
{
    /// <summary>Reads an entry's canonical bytes; false if they are not a v1 evidence entry.</summary>
    public static bool TryParse(ReadOnlySpan<byte> entry, out EvidenceEntry evidence)
    {
        evidence = null!;
        try
        {
            var reader = new Utf8JsonReader(entry);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object ||
                !root.TryGetProperty("digest", out var digestElement) || digestElement.ValueKind != JsonValueKind.String ||
                !root.TryGetProperty("kind", out var kindElement) || kindElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            var digest = digestElement.GetString()!;
            var colon = digest.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !HashProfile.TryGet(digest[..colon], out var profile) || !Hash.TryParseHex(digest[(colon + 1)..], out var hash))
            {
                return false;
            }
            var parties = root.TryGetProperty("parties", out var partiesElement) && partiesElement.ValueKind == JsonValueKind.Array
                ? partiesElement.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList()
                : [];
            DateTimeOffset? time = root.TryGetProperty("time", out var timeElement) && timeElement.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(timeElement.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                ? t.ToUniversalTime()
                : null;
            var version = root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
            evidence = new EvidenceEntry(profile.Name, hash, kindElement.GetString()!, parties, time, version);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Digest of a document with this entry's algorithm, and whether it matches.</summary>
    public bool Matches(Stream document) => HashProfile.Get(DigestAlgorithm).Digest(document) == Digest;
}
