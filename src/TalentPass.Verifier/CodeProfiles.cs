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
}

/// <summary>Creates signers and verification keys for both profiles (SM2 through OpenSSL's libcrypto when present).</summary>
public static class CodeKeys
{
    /// <summary>Generates a new key pair; returns the PKCS#8 private key DER (to be stored encrypted by the caller).</summary>
    public static byte[] GeneratePrivateKey(string profile) => throw new NotImplementedException();

    public static ICodeSigner CreateSigner(string profile, ReadOnlySpan<byte> pkcs8PrivateKey) => throw new NotImplementedException();

    public static ICodeVerificationKey CreateVerificationKey(string profile, ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        throw new NotImplementedException();

    /// <summary>The SubjectPublicKeyInfo DER of the public half of a PKCS#8 private key.</summary>
    public static byte[] ExportPublicKey(string profile, ReadOnlySpan<byte> pkcs8PrivateKey) => throw new NotImplementedException();

    public static byte[] ComputeKeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) => throw new NotImplementedException();
}
