using System.Buffers;
using System.Security.Cryptography;
using TalentPass.Verifier.Wire;

namespace TalentPass.Verifier;

/// <summary>
/// Encodes and checks the TC1 text: <c>TC1:</c> + Base45(COSE_Sign1 tagged 18), format in docs/talent-code-format.md.
/// </summary>
public static class TalentCode
{
    public const string Prefix = "TC1:";

    /// <summary>Longest text accepted before any parsing (a v10-M QR holds 311 alphanumeric characters).</summary>
    public const int MaxLength = 512;

    /// <summary>Longest text <see cref="Encode"/> produces: the alphanumeric capacity of a version 10 QR code at ECC level M.</summary>
    public const int MaxEncodedLength = 311;

    [ThreadStatic]
    private static CborWriter? s_writer;

    /// <summary>Signs the claims; throws <see cref="ArgumentException"/> when a claim is out of the format's bounds.</summary>
    public static string Encode(TalentCodeClaims claims, ICodeSigner signer)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(signer);
        var writer = s_writer ??= new CborWriter(256);
        writer.Reset();
        ClaimsCodec.Write(writer, claims);
        var cose = CoseSign1.Sign(signer, CoseSign1.ProtectedHeader(signer.Profile, signer.KeyId.Span), writer.Written);
        var length = Prefix.Length + Base45.EncodedLength(cose.Length);
        if (length > MaxEncodedLength)
        {
            throw new ArgumentException($"The code would have {length} characters, more than a version 10-M QR code holds ({MaxEncodedLength}): shorten the issuer, category or name.", nameof(claims));
        }

        return string.Create(length, cose, static (chars, bytes) =>
        {
            Prefix.CopyTo(chars);
            Base45.Encode(bytes, chars[Prefix.Length..]);
        });
    }

    /// <summary>
    /// Parses and checks signature and time window (not status). <paramref name="tolerance"/> is the clock tolerance
    /// (one refresh step for dynamic codes). Never throws on any input.
    /// </summary>
    public static VerificationResult Verify(string? code, IKeyResolver keys, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (code is null)
        {
            return new VerificationResult(VerificationOutcome.Malformed, null, "no code", ReadOnlyMemory<byte>.Empty);
        }

        var hash = Hash(code);
        if (code.Length > MaxLength)
        {
            return Malformed("the code is too long", hash);
        }

        if (!code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Malformed("the code does not start with TC1:", hash);
        }

        Span<byte> bytes = stackalloc byte[MaxLength];
        if (!Base45.TryDecode(code.AsSpan(Prefix.Length), bytes, out var length))
        {
            return Malformed("the code is not Base45", hash);
        }

        return Verify(bytes[..length], keys, now, tolerance, hash);
    }

    internal static VerificationResult Verify(ReadOnlySpan<byte> cose, IKeyResolver keys, DateTimeOffset now, TimeSpan tolerance, byte[] hash)
    {
        CoseSign1View view;
        try
        {
            view = CoseSign1View.Parse(cose);
        }
        catch (CborException e)
        {
            return Malformed(e.Message, hash);
        }

        var profile = CoseSign1.ProfileOf(view.Alg);
        if (profile is null)
        {
            return Malformed("unsupported signature algorithm", hash);
        }

        var key = keys.Find(view.KeyId);
        if (key is null)
        {
            return new VerificationResult(VerificationOutcome.UnknownKey, null, "the signing key is not known", hash);
        }

        bool signed;
        try
        {
            signed = key.Profile == profile && CoseSign1.Verify(view, key);
        }
        catch (CryptographicException)
        {
            signed = false;
        }

        if (!signed)
        {
            return new VerificationResult(VerificationOutcome.InvalidSignature, null, "the signature does not verify", hash);
        }

        TalentCodeClaims claims;
        try
        {
            claims = ClaimsCodec.Read(view.Payload);
        }
        catch (CborException e)
        {
            return Malformed(e.Message, hash);
        }

        if (claims.IssuedAt < key.NotBefore || claims.ExpiresAt > key.NotAfter)
        {
            return new VerificationResult(VerificationOutcome.InvalidSignature, claims, "the code lies outside its signing key's validity", hash);
        }

        if (now < claims.IssuedAt - tolerance)
        {
            return new VerificationResult(VerificationOutcome.Expired, claims, "the code is not valid yet (issued in the future)", hash);
        }

        if (now > claims.ExpiresAt + tolerance)
        {
            return new VerificationResult(VerificationOutcome.Expired, claims, "the code has expired", hash);
        }

        return new VerificationResult(VerificationOutcome.Valid, claims, "valid", hash);
    }

    /// <summary>SHA-256 over the UTF-8 bytes of the code text (what scan logs keep instead of the code).</summary>
    public static byte[] Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = new byte[SHA256.HashSizeInBytes];
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(code.Length);
        var rented = max > 1536 ? ArrayPool<byte>.Shared.Rent(max) : null;
        var buffer = rented ?? stackalloc byte[1536];
        try
        {
            var written = System.Text.Encoding.UTF8.GetBytes(code, buffer);
            SHA256.HashData(buffer[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return hash;
    }

    private static VerificationResult Malformed(string reason, byte[] hash) =>
        new(VerificationOutcome.Malformed, null, "malformed: " + reason, hash);
}
