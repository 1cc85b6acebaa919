using System.Security.Cryptography;

namespace TalentPass.Verifier.Crypto;

/// <summary>
/// ECDSA P-256 / SHA-256 through .NET's <see cref="ECDsa"/> (OpenSSL on Linux). One key object per thread: the .NET
/// type does not promise thread safety, and a per-thread instance costs nothing per call.
/// </summary>
internal static class Es256
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static byte[] GeneratePrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKey();
    }

    public static ECDsa ImportPrivate(ReadOnlySpan<byte> pkcs8) => Import(pkcs8, isPrivate: true);

    public static ECDsa ImportPublic(ReadOnlySpan<byte> spki) => Import(spki, isPrivate: false);

    /// <summary>Imports a whole PKCS#8 or SubjectPublicKeyInfo DER (trailing bytes refused) of a P-256 key.</summary>
    private static ECDsa Import(ReadOnlySpan<byte> der, bool isPrivate)
    {
        var key = ECDsa.Create();
        try
        {
            int read;
            if (isPrivate)
            {
                key.ImportPkcs8PrivateKey(der, out read);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(der, out read);
            }

            if (read != der.Length)
            {
                throw new CryptographicException("Trailing bytes after the key.");
            }

            EnsureP256(key);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static byte[] ExportPublicKey(ReadOnlySpan<byte> pkcs8)
    {
        using var key = ImportPrivate(pkcs8);
        return key.ExportSubjectPublicKeyInfo();
    }

    private static void EnsureP256(ECDsa key)
    {
        if (key.ExportParameters(false).Curve.Oid?.Value != P256Oid)
        {
            throw new CryptographicException("An es256 key must be on the P-256 curve.");
        }
    }
}

internal sealed class Es256Signer : ICodeSigner, IDisposable
{
    private readonly byte[] _pkcs8;
    private readonly ThreadLocal<ECDsa> _keys;

    public Es256Signer(ReadOnlySpan<byte> pkcs8)
    {
        _pkcs8 = pkcs8.ToArray();
        var first = Es256.ImportPrivate(_pkcs8);
        SubjectPublicKeyInfo = first.ExportSubjectPublicKeyInfo();
        KeyId = CodeKeys.ComputeKeyId(SubjectPublicKeyInfo);
        var handedOut = 0;
        _keys = new ThreadLocal<ECDsa>(() => Interlocked.Exchange(ref handedOut, 1) == 0 ? first : Es256.ImportPrivate(_pkcs8), trackAllValues: true);
    }

    public string Profile => CodeProfiles.Es256;

    public ReadOnlyMemory<byte> KeyId { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public byte[] Sign(ReadOnlySpan<byte> toBeSigned)
    {
        var signature = new byte[CodeKeys.SignatureLength];
        return _keys.Value!.TrySignData(toBeSigned, signature, HashAlgorithmName.SHA256, out var written) && written == signature.Length
            ? signature
            : throw new CryptographicException("ECDSA signing failed.");
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Dispose();
    }
}

internal sealed class Es256VerificationKey : ICodeVerificationKey
{
    private readonly byte[] _spki;
    private readonly ThreadLocal<ECDsa> _keys;

    public Es256VerificationKey(ReadOnlySpan<byte> spki)
    {
        _spki = spki.ToArray();
        var first = Es256.ImportPublic(_spki);
        KeyId = CodeKeys.ComputeKeyId(_spki);
        var handedOut = 0;
        _keys = new ThreadLocal<ECDsa>(() => Interlocked.Exchange(ref handedOut, 1) == 0 ? first : Es256.ImportPublic(_spki));
    }

    public string Profile => CodeProfiles.Es256;

    public ReadOnlyMemory<byte> KeyId { get; }

    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _spki;

    public bool Verify(ReadOnlySpan<byte> toBeSigned, ReadOnlySpan<byte> signature) =>
        signature.Length == CodeKeys.SignatureLength && _keys.Value!.VerifyData(toBeSigned, signature, HashAlgorithmName.SHA256);
}
