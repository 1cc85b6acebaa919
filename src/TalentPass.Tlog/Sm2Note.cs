using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace TalentPass.Tlog;

/// <summary>
/// EXPERIMENTAL SM2 note signer (type <see cref="SignatureTypes.Sm2Prefix"/>): an extra signature line on checkpoints
/// for 密评. Ordinary signed-note verifiers ignore it (unknown key); TalentPass verifiers can require it.
/// </summary>
public sealed class Sm2NoteSigner : NoteSigner
{
    internal static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    internal static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H, Curve.GetSeed());
    internal static readonly byte[] UserId = "1234567812345678"u8.ToArray();

    private readonly ECPrivateKeyParameters _key;
    private readonly byte[] _publicKey;

    private Sm2NoteSigner(string name, ECPrivateKeyParameters key)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException("Key names must be non-empty, without spaces or '+'.", nameof(name));
        }
        Name = name;
        _key = key;
        _publicKey = Domain.G.Multiply(key.D).Normalize().GetEncoded(false);
        KeyId = SignatureTypes.KeyId(name, [.. SignatureTypes.Sm2PrefixBytes, .. _publicKey]);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override uint KeyId { get; }

    /// <inheritdoc />
    public override string VerifierKey => FormatKey(Name, KeyId, [.. SignatureTypes.Sm2PrefixBytes, .. _publicKey]);

    /// <summary>Private key text (same shape as Ed25519, the 32-byte scalar after the type prefix). Keep it secret.</summary>
    public string PrivateKey => "PRIVATE+KEY+" + FormatKey(Name, KeyId, [.. SignatureTypes.Sm2PrefixBytes, .. _key.D.ToByteArrayUnsigned().PadLeft32()]);

    internal static Sm2NoteSigner Generate(string name)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new Sm2NoteSigner(name, (ECPrivateKeyParameters)pair.Private);
    }

    internal static Sm2NoteSigner FromScalar(string name, byte[] scalar)
    {
        var d = new BigInteger(1, scalar);
        if (d.SignValue <= 0 || d.CompareTo(Domain.N) >= 0)
        {
            throw new FormatException("SM2 private key out of range.");
        }
        return new Sm2NoteSigner(name, new ECPrivateKeyParameters(d, Domain));
    }

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(_key, new SecureRandom()), UserId));
        var bytes = text.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }
}

/// <summary>EXPERIMENTAL SM2 note verifier (see <see cref="Sm2NoteSigner"/>).</summary>
public sealed class Sm2NoteVerifier : NoteVerifier
{
    private readonly ECPublicKeyParameters _key;
    private readonly byte[] _publicKey;

    private Sm2NoteVerifier(string name, byte[] publicKey, ECPublicKeyParameters key)
    {
        Name = name;
        _publicKey = publicKey;
        _key = key;
        KeyId = SignatureTypes.KeyId(name, [.. SignatureTypes.Sm2PrefixBytes, .. publicKey]);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override uint KeyId { get; }

    /// <inheritdoc />
    public override byte SignatureType => 0xFF;

    /// <inheritdoc />
    public override string VerifierKey => NoteSigner.FormatKey(Name, KeyId, [.. SignatureTypes.Sm2PrefixBytes, .. _publicKey]);

    internal static bool TryCreate(string name, byte[] publicKey, out NoteVerifier verifier)
    {
        verifier = null!;
        try
        {
            var point = Sm2NoteSigner.Curve.Curve.DecodePoint(publicKey);
            if (!point.IsValid() || point.IsInfinity)
            {
                return false;
            }
            verifier = new Sm2NoteVerifier(name, publicKey, new ECPublicKeyParameters(point, Sm2NoteSigner.Domain));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }
        var verifier = new SM2Signer(PlainDsaEncoding.Instance);
        verifier.Init(false, new ParametersWithID(_key, Sm2NoteSigner.UserId));
        var bytes = text.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        try
        {
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (CryptoException)
        {
            return false;
        }
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] PadLeft32(this byte[] bytes)
    {
        if (bytes.Length >= 32)
        {
            return bytes[^32..];
        }
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }
}
