using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TalentPass.Modules.Partners.ApiSecurity;

/// <summary>
/// The partner-API request signature, version 1 (docs/partner-api.md). The canonical string is seven lines joined by
/// a single <c>\n</c> (no trailing newline):
/// <code>
/// TP1-HMAC-SHA256
/// {key id}
/// {timestamp: Unix seconds, decimal}
/// {nonce}
/// {HTTP method, upper case}
/// {path and query exactly as sent, e.g. /api/v1/cards/applications?page=2}
/// {lower-case hex SHA-256 of the request body; of the empty string when there is none}
/// </code>
/// The signature is Base64(HMAC-SHA256(key = UTF-8 bytes of the secret, message = UTF-8 bytes of the canonical string)).
/// </summary>
internal static class RequestSigning
{
    public const string Algorithm = "TP1-HMAC-SHA256";
    public const string KeyHeader = "X-TalentPass-Key";
    public const string TimestampHeader = "X-TalentPass-Timestamp";
    public const string NonceHeader = "X-TalentPass-Nonce";
    public const string SignatureHeader = "X-TalentPass-Signature";

    public const int NonceMin = 16;
    public const int NonceMax = 64;
    public const int KeyIdMax = 64;

    /// <summary>SHA-256 of the empty body, lower-case hex.</summary>
    public static readonly string EmptyBodySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    public static string CanonicalString(string keyId, long timestamp, string nonce, string method, string pathAndQuery, string bodySha256Hex) =>
        string.Join(
            '\n',
            Algorithm,
            keyId,
            timestamp.ToString(CultureInfo.InvariantCulture),
            nonce,
            method.ToUpperInvariant(),
            pathAndQuery,
            bodySha256Hex);

    public static string Sign(string secret, string canonicalString) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonicalString)));

    /// <summary>Constant-time comparison of a presented Base64 signature with the expected one.</summary>
    public static bool Matches(string secret, string canonicalString, string presented)
    {
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(presented, given, out var written) || written != 32)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonicalString));
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    public static bool IsValidNonce(string? nonce) =>
        nonce is { Length: >= NonceMin and <= NonceMax } && nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool IsValidKeyId(string? keyId) =>
        keyId is { Length: > 0 and <= KeyIdMax } && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool TryParseTimestamp(string? value, out long seconds) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds > 0;
}
