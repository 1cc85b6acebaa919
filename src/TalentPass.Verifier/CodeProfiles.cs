using System.Buffers.Binary;
using System.Security.Cryptography;
using TalentPass.Verifier.Crypto;

namespace TalentPass.Verifier;

/// <summary>
/// Crypto profiles of the talent code (DESIGN.md): <c>es256</c> = ECDSA P-256 with SHA-256 (COSE alg -7), <c>sm2</c> =
/// SM2 signature with SM3 and the default user id 1234567812345678 (GM/T 0003/0004; COSE alg from the private-use
/// range, see docs/talent-code-format.md). Signatures are always the 64-byte r‖s form in the code.
/// </summary>
public static class CodeProfiles
{
    public const string Es256 = "es256";
    public const string Sm2 = "sm2";

    public static IReadOnlyList<string> All { get; } = [Es256, Sm2];

    public static bool IsKnown(string? profile) => profile is Es256 or Sm2;
}

/// <summary>A private signing key of one profile with its key id. Thread-safe.</summary>
public interface ICodeSigner
{
    string Profile { get; }

    /// <summary>8-byte key id: the first 8 bytes of SHA-256 over the public key's SubjectPublicKeyInfo DER.</summary>
    ReadOnlyMemory<byte> KeyId { get; }

    /// <summary>Signs the COSE Sig_structure bytes; returns the 64-byte r‖s signature.</summary>
    byte[] Sign(ReadOnlySpan<byte> toBeSigned);
}

/// <summary>A public key of one profile with its key id. Thread-safe.</summary>
public interface ICodeVerificationKey
{
    string Profile { get; }

    ReadOnlyMemory<byte> KeyId { get; }

    /// <summary>The SubjectPublicKeyInfo DER of the key (what the trust list carries).</summary>
    ReadOnlyMemory<byte> SubjectPublicKeyInfo { get; }

    bool Verify(ReadOnlySpan<byte> toBeSigned, ReadOnlySpan<byte> signature);

    /// <summary>Start of the key's validity: codes issued (iat) before it are refused. Unbounded unless set.</summary>
    DateTimeOffset NotBefore => DateTimeOffset.MinValue;

    /// <summary>End of the key's validity: codes expiring (exp) after it are refused. Unbounded unless set.</summary>
    DateTimeOffset NotAfter => DateTimeOffset.MaxValue;
}

/// <summary>Creates signers and verification keys for both profiles (SM2 through OpenSSL's libcrypto when present).</summary>
public static class CodeKeys
{
    internal const int SignatureLength = 64;

    /// <summary>Generates a new key pair; returns the PKCS#8 private key DER (to be stored encrypted by the caller).</summary>
    public static byte[] GeneratePrivateKey(string profile) => profile switch
    {
        CodeProfiles.Es256 => Es256.GeneratePrivateKey(),
        CodeProfiles.Sm2 => Sm2.GeneratePrivateKey(),
        _ => throw UnknownProfile(profile),
    };

    /// <summary>A thread-safe signer; throws <see cref="CryptographicException"/> when the key is not of the profile.</summary>
    public static ICodeSigner CreateSigner(string profile, ReadOnlySpan<byte> pkcs8PrivateKey) => profile switch
    {
        CodeProfiles.Es256 => new Es256Signer(pkcs8PrivateKey),
        CodeProfiles.Sm2 => new Sm2Signer(pkcs8PrivateKey),
        _ => throw UnknownProfile(profile),
    };

    /// <summary>A thread-safe verification key; throws <see cref="CryptographicException"/> when the key is not of the profile.</summary>
    public static ICodeVerificationKey CreateVerificationKey(string profile, ReadOnlySpan<byte> subjectPublicKeyInfo) => profile switch
    {
        CodeProfiles.Es256 => new Es256VerificationKey(subjectPublicKeyInfo),
        CodeProfiles.Sm2 => new Sm2VerificationKey(subjectPublicKeyInfo),
        _ => throw UnknownProfile(profile),
    };

    /// <summary>The same key with a validity period (codes with iat before or exp after it are refused).</summary>
    public static ICodeVerificationKey WithValidity(ICodeVerificationKey key, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new BoundedKey(key is BoundedKey bounded ? bounded.Inner : key, notBefore, notAfter);
    }

    /// <summary>The SubjectPublicKeyInfo DER of the public half of a PKCS#8 private key.</summary>
    public static byte[] ExportPublicKey(string profile, ReadOnlySpan<byte> pkcs8PrivateKey)
    {
        switch (profile)
        {
            case CodeProfiles.Es256:
                return Es256.ExportPublicKey(pkcs8PrivateKey);
            case CodeProfiles.Sm2:
                using (var key = Sm2.ImportPrivate(pkcs8PrivateKey))
                {
                    return Sm2.ExportPublicKey(key);
                }

            default:
                throw UnknownProfile(profile);
        }
    }

    /// <summary>The 8-byte key id: the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo DER.</summary>
    public static byte[] ComputeKeyId(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(subjectPublicKeyInfo, hash);
        return hash[..8].ToArray();
    }

    /// <summary>True when the sm2 profile can run here (OpenSSL 3's libcrypto.so.3 is loadable).</summary>
    public static bool IsSm2Available => Sm2.IsAvailable;

    private static ArgumentException UnknownProfile(string profile) =>
        new($"Unknown code profile '{profile}' (expected {string.Join(" or ", CodeProfiles.All)}).", nameof(profile));

    private sealed class BoundedKey(ICodeVerificationKey inner, DateTimeOffset notBefore, DateTimeOffset notAfter) : ICodeVerificationKey
    {
        public ICodeVerificationKey Inner => inner;

        public string Profile => inner.Profile;

        public ReadOnlyMemory<byte> KeyId => inner.KeyId;

        public ReadOnlyMemory<byte> SubjectPublicKeyInfo => inner.SubjectPublicKeyInfo;

        public DateTimeOffset NotBefore => notBefore;

        public DateTimeOffset NotAfter => notAfter;

        public bool Verify(ReadOnlySpan<byte> toBeSigned, ReadOnlySpan<byte> signature) => inner.Verify(toBeSigned, signature);
    }
}

/// <summary>
/// An immutable set of verification keys looked up by key id without allocating (what the server builds from its key
/// store, and the offline verifier from a trust list).
/// </summary>
public sealed class CodeKeyRing : IKeyResolver
{
    private readonly Dictionary<ulong, ICodeVerificationKey> _keys = [];

    public CodeKeyRing(IEnumerable<ICodeVerificationKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _keys[IdOf(key.KeyId.Span)] = key;
        }
    }

    public int Count => _keys.Count;

    public ICodeVerificationKey? Find(ReadOnlySpan<byte> keyId) =>
        keyId.Length == 8 && _keys.TryGetValue(IdOf(keyId), out var key) && key.KeyId.Span.SequenceEqual(keyId) ? key : null;

    private static ulong IdOf(ReadOnlySpan<byte> keyId) =>
        keyId.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(keyId) : throw new ArgumentException("A key id has 8 bytes.", nameof(keyId));
}
