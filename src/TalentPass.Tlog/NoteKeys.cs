using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace TalentPass.Tlog;

/// <summary>Signature type identifier bytes of C2SP signed-note used here.</summary>
public static class SignatureTypes
{
    /// <summary><c>0x01</c>: Ed25519 over the note text (C2SP signed-note; Go <c>sumdb/note</c>).</summary>
    public const byte Ed25519 = 0x01;

    /// <summary><c>0x04</c>: timestamped Ed25519 witness cosignature (C2SP tlog-cosignature v1).</summary>
    public const byte Cosignature = 0x04;

    /// <summary>
    /// EXPERIMENTAL, TalentPass-specific: <c>0xFF</c> followed by the ASCII identifier <c>talentpass.cn/sm2-sm3/v1</c>
    /// (0xFF is the signed-note value reserved for signature types without an assigned byte). SM2 (GM/T 0003) with
    /// SM3 and the default user ID <c>1234567812345678</c> (GM/T 0009) over the note text; signature is r || s,
    /// 32 bytes each, big-endian; public key is the 65-byte uncompressed point.
    /// </summary>
    public static ReadOnlySpan<byte> Sm2Prefix => Sm2PrefixBytes;

    internal static readonly byte[] Sm2PrefixBytes = [0xFF, .. "talentpass.cn/sm2-sm3/v1"u8];

    /// <summary>Key ID = SHA-256(name || 0x0A || type || public key)[:4] as a big-endian uint32.</summary>
    public static uint KeyId(string name, ReadOnlySpan<byte> typeAndPublicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[nameBytes.Length + 1 + typeAndPublicKey.Length];
        nameBytes.CopyTo(buffer, 0);
        buffer[nameBytes.Length] = 0x0A;
        typeAndPublicKey.CopyTo(buffer.AsSpan(nameBytes.Length + 1));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buffer));
    }
}

/// <summary>A key that signs note text (log key, witness key).</summary>
public abstract class NoteSigner
{
    /// <summary>Key name (signature line name).</summary>
    public abstract string Name { get; }

    /// <summary>Key ID (first 4 bytes of every signature).</summary>
    public abstract uint KeyId { get; }

    /// <summary>The matching public verifier key text <c>&lt;name&gt;+&lt;hex8 key ID&gt;+&lt;base64(type || public key)&gt;</c>.</summary>
    public abstract string VerifierKey { get; }

    /// <summary>The matching verifier.</summary>
    public NoteVerifier Verifier => NoteVerifier.Parse(VerifierKey);

    /// <summary>Signs the note text (UTF-8 bytes), returning the signature without the key ID.</summary>
    public abstract byte[] Sign(ReadOnlySpan<byte> text);

    /// <summary>A new Ed25519 (type 0x01) log key named <paramref name="name"/>.</summary>
    public static Ed25519NoteSigner GenerateEd25519(string name) => new(name, RandomNumberGenerator.GetBytes(32), SignatureTypes.Ed25519);

    /// <summary>A new Ed25519 witness cosigner key (type 0x04).</summary>
    public static CosignatureSigner GenerateCosigner(string name, TimeProvider timeProvider) =>
        new(name, RandomNumberGenerator.GetBytes(32), timeProvider);

    /// <summary>A new experimental SM2 key.</summary>
    public static Sm2NoteSigner GenerateSm2(string name) => Sm2NoteSigner.Generate(name);

    /// <summary>
    /// Reads a private key text <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex8&gt;+&lt;base64(type || private key)&gt;</c> (Go <c>sumdb/note</c>
    /// format for type 0x01; the same shape for 0x04 cosigners with a 32-byte Ed25519 seed and for SM2 with a 32-byte scalar).
    /// </summary>
    public static NoteSigner FromPrivateKey(string privateKey, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var parts = privateKey.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY" || !SignedNote.IsValidKeyName(parts[2]) ||
            parts[3].Length != 8 || !uint.TryParse(parts[3], System.Globalization.NumberStyles.AllowHexSpecifier, null, out var keyId))
        {
            throw new FormatException("Malformed private note key.");
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException e)
        {
            throw new FormatException("Malformed private note key.", e);
        }
        NoteSigner signer;
        if (key.Length == 33 && key[0] == SignatureTypes.Ed25519)
        {
            signer = new Ed25519NoteSigner(parts[2], key[1..], SignatureTypes.Ed25519);
        }
        else if (key.Length == 33 && key[0] == SignatureTypes.Cosignature)
        {
            signer = new CosignatureSigner(parts[2], key[1..], timeProvider ?? TimeProvider.System);
        }
        else if (key.AsSpan().StartsWith(SignatureTypes.Sm2PrefixBytes) && key.Length == SignatureTypes.Sm2PrefixBytes.Length + 32)
        {
            signer = Sm2NoteSigner.FromScalar(parts[2], key[SignatureTypes.Sm2PrefixBytes.Length..]);
        }
        else
        {
            throw new FormatException("Unknown private note key type.");
        }
        if (signer.KeyId != keyId)
        {
            throw new FormatException("Private note key ID does not match the key.");
        }
        return signer;
    }

    internal static string FormatKey(string name, uint keyId, ReadOnlySpan<byte> typeAndKey) =>
        $"{name}+{SignedNote.KeyIdHex(keyId)}+{Convert.ToBase64String(typeAndKey)}";
}

/// <summary>A trusted public key that checks note signatures.</summary>
public abstract class NoteVerifier
{
    /// <summary>Key name.</summary>
    public abstract string Name { get; }

    /// <summary>Key ID.</summary>
    public abstract uint KeyId { get; }

    /// <summary>Verifier key text <c>&lt;name&gt;+&lt;hex8&gt;+&lt;base64(type || public key)&gt;</c>.</summary>
    public abstract string VerifierKey { get; }

    /// <summary>Signature type byte (0x01, 0x04, 0xFF).</summary>
    public abstract byte SignatureType { get; }

    /// <summary>Checks <paramref name="signature"/> (without key ID) over the note <paramref name="text"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);

    /// <inheritdoc />
    public override string ToString() => VerifierKey;

    /// <summary>Parses a verifier key; types 0x01 (Ed25519), 0x04 (cosignature) and the experimental SM2 type.</summary>
    public static bool TryParse(string? verifierKey, out NoteVerifier verifier)
    {
        verifier = null!;
        if (verifierKey is null)
        {
            return false;
        }
        var parts = verifierKey.Trim().Split('+', 3);
        if (parts.Length != 3 || !SignedNote.IsValidKeyName(parts[0]) || parts[1].Length != 8 ||
            !parts[1].All(Uri.IsHexDigit) || !uint.TryParse(parts[1], System.Globalization.NumberStyles.AllowHexSpecifier, null, out var keyId))
        {
            return false;
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }
        if (key.Length == 0 || Convert.ToBase64String(key) != parts[2] || SignatureTypes.KeyId(parts[0], key) != keyId)
        {
            return false;
        }
        var name = parts[0];
        if (key.Length == 33 && key[0] == SignatureTypes.Ed25519)
        {
            verifier = new Ed25519NoteVerifier(name, key[1..], SignatureTypes.Ed25519);
            return true;
        }
        if (key.Length == 33 && key[0] == SignatureTypes.Cosignature)
        {
            verifier = new CosignatureVerifier(name, key[1..]);
            return true;
        }
        if (key.AsSpan().StartsWith(SignatureTypes.Sm2PrefixBytes) && key.Length == SignatureTypes.Sm2PrefixBytes.Length + 65)
        {
            return Sm2NoteVerifier.TryCreate(name, key[SignatureTypes.Sm2PrefixBytes.Length..], out verifier);
        }
        return false;
    }

    /// <summary>Verifier key text for a raw 32-byte Ed25519 public key (type 0x01; Go: <c>NewEd25519VerifierKey</c>).</summary>
    public static string NewEd25519VerifierKey(string name, ReadOnlySpan<byte> publicKey) =>
        NewKey(name, SignatureTypes.Ed25519, publicKey);

    /// <summary>Verifier key text for a raw 32-byte Ed25519 witness cosigner public key (type 0x04).</summary>
    public static string NewCosignatureVerifierKey(string name, ReadOnlySpan<byte> publicKey) =>
        NewKey(name, SignatureTypes.Cosignature, publicKey);

    private static string NewKey(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        if (!SignedNote.IsValidKeyName(name) || publicKey.Length != 32)
        {
            throw new ArgumentException("Invalid key name or Ed25519 public key.");
        }
        byte[] key = [type, .. publicKey];
        return NoteSigner.FormatKey(name, SignatureTypes.KeyId(name, key), key);
    }

    /// <summary>Parses a verifier key or throws <see cref="FormatException"/>.</summary>
    public static NoteVerifier Parse(string verifierKey) =>
        TryParse(verifierKey, out var verifier) ? verifier : throw new FormatException("Malformed or unsupported verifier key.");
}

/// <summary>Ed25519 note signer (type 0x01), interoperable with Go <c>sumdb/note</c>.</summary>
public class Ed25519NoteSigner : NoteSigner
{
    private readonly Ed25519PrivateKeyParameters _key;
    private readonly byte[] _seed;
    private readonly byte _type;

    internal Ed25519NoteSigner(string name, byte[] seed, byte type)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException("Key names must be non-empty, without spaces or '+'.", nameof(name));
        }
        Name = name;
        _seed = seed;
        _type = type;
        _key = new Ed25519PrivateKeyParameters(seed, 0);
        PublicKey = _key.GeneratePublicKey().GetEncoded();
        KeyId = SignatureTypes.KeyId(name, [type, .. PublicKey]);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey { get; }

    /// <inheritdoc />
    public override string VerifierKey => FormatKey(Name, KeyId, [_type, .. PublicKey]);

    /// <summary>Private key text <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex8&gt;+&lt;base64(type || seed)&gt;</c>. Keep it secret.</summary>
    public string PrivateKey => "PRIVATE+KEY+" + FormatKey(Name, KeyId, [_type, .. _seed]);

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> text) => SignRaw(text);

    private protected byte[] SignRaw(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }
}

/// <summary>Ed25519 note verifier (type 0x01).</summary>
public class Ed25519NoteVerifier : NoteVerifier
{
    private readonly Ed25519PublicKeyParameters _key;
    private readonly byte _type;

    internal Ed25519NoteVerifier(string name, byte[] publicKey, byte type)
    {
        Name = name;
        PublicKey = publicKey;
        _type = type;
        _key = new Ed25519PublicKeyParameters(publicKey, 0);
        KeyId = SignatureTypes.KeyId(name, [type, .. publicKey]);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public byte[] PublicKey { get; }

    /// <inheritdoc />
    public override byte SignatureType => _type;

    /// <inheritdoc />
    public override string VerifierKey => NoteSigner.FormatKey(Name, KeyId, [_type, .. PublicKey]);

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && VerifyRaw(text, signature);

    private protected bool VerifyRaw(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        var bytes = message.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }
}
