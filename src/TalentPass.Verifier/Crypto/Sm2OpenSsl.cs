using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TalentPass.Verifier.Crypto;

/// <summary>
/// SM2 signatures with SM3 and the default user id (GM/T 0003/0004) through OpenSSL 3's libcrypto.so.3, which .NET
/// on Linux already loads: EVP_DigestSign/EVP_DigestVerify with EVP_sm3 and EVP_PKEY_CTX_set1_id. Managed SM2 is
/// about 3× slower. Where libcrypto.so.3 is missing the sm2 profile fails with a clear
/// <see cref="PlatformNotSupportedException"/>.
/// </summary>
internal static unsafe partial class Sm2
{
    private const string Lib = "libcrypto.so.3";

    /// <summary>The default distinguishing identifier of GM/T 0009 used in Z_A.</summary>
    public static ReadOnlySpan<byte> DefaultUserId => "1234567812345678"u8;

    private static nint s_sm3;

    private static readonly Lazy<bool> Available = new(() => NativeLibrary.TryLoad(Lib, out _));

    public static bool IsAvailable => Available.Value;

    public static void EnsureAvailable()
    {
        if (!IsAvailable)
        {
            throw new PlatformNotSupportedException(
                "The sm2 code profile needs OpenSSL 3 (libcrypto.so.3) on this machine; install the openssl 3 library (Debian: libssl3).");
        }
    }

    public static byte[] GeneratePrivateKey()
    {
        EnsureAvailable();
        var context = EVP_PKEY_CTX_new_from_name(0, "SM2", null);
        if (context == 0)
        {
            throw Error("EVP_PKEY_CTX_new_from_name(SM2)");
        }

        try
        {
            nint key = 0;
            if (EVP_PKEY_keygen_init(context) != 1 || EVP_PKEY_generate(context, &key) != 1)
            {
                throw Error("SM2 key generation");
            }

            using var handle = new Sm2KeyHandle(key);
            return ExportPkcs8(handle);
        }
        finally
        {
            EVP_PKEY_CTX_free(context);
        }
    }

    public static Sm2KeyHandle ImportPrivate(ReadOnlySpan<byte> pkcs8) => Decode(pkcs8, isPrivate: true);

    public static Sm2KeyHandle ImportPublic(ReadOnlySpan<byte> spki) => Decode(spki, isPrivate: false);

    /// <summary>d2i of a whole PKCS#8 or SubjectPublicKeyInfo DER (trailing bytes refused), checked to be an SM2 key.</summary>
    private static Sm2KeyHandle Decode(ReadOnlySpan<byte> der, bool isPrivate)
    {
        EnsureAvailable();
        nint key;
        fixed (byte* p = der)
        {
            var cursor = p;
            key = isPrivate ? d2i_AutoPrivateKey(0, &cursor, der.Length) : d2i_PUBKEY(0, &cursor, der.Length);
            if (key != 0 && cursor != p + der.Length)
            {
                EVP_PKEY_free(key);
                key = 0;
            }
        }

        return Checked(key, isPrivate ? "an SM2 PKCS#8 private key" : "an SM2 SubjectPublicKeyInfo");
    }

    public static byte[] ExportPublicKey(Sm2KeyHandle key)
    {
        var length = i2d_PUBKEY(key, null);
        if (length <= 0)
        {
            throw Error("i2d_PUBKEY");
        }

        var spki = new byte[length];
        fixed (byte* p = spki)
        {
            var cursor = p;
            if (i2d_PUBKEY(key, &cursor) != length)
            {
                throw Error("i2d_PUBKEY");
            }
        }

        return spki;
    }

    public static byte[] ExportPkcs8(Sm2KeyHandle key)
    {
        var info = EVP_PKEY2PKCS8(key);
        if (info == 0)
        {
            throw Error("EVP_PKEY2PKCS8");
        }

        try
        {
            var length = i2d_PKCS8_PRIV_KEY_INFO(info, null);
            var der = new byte[length > 0 ? length : throw Error("i2d_PKCS8_PRIV_KEY_INFO")];
            fixed (byte* p = der)
            {
                var cursor = p;
                if (i2d_PKCS8_PRIV_KEY_INFO(info, &cursor) != length)
                {
                    throw Error("i2d_PKCS8_PRIV_KEY_INFO");
                }
            }

            return der;
        }
        finally
        {
            PKCS8_PRIV_KEY_INFO_free(info);
        }
    }

    /// <summary>Signs with SM3 and the default user id; returns the 64-byte r‖s signature.</summary>
    public static byte[] Sign(Sm2Context context, ReadOnlySpan<byte> data)
    {
        Span<byte> der = stackalloc byte[80];
        var derLength = (nuint)der.Length;
        fixed (byte* d = data)
        fixed (byte* s = der)
        {
            if (EVP_DigestSignInit(context.MdContext, 0, Sm3, 0, context.Key) != 1 ||
                EVP_DigestSign(context.MdContext, s, &derLength, d, (nuint)data.Length) != 1)
            {
                throw Error("SM2 signing");
            }
        }

        var signature = new byte[CodeKeys.SignatureLength];
        return DerSignature.TryToRaw(der[..(int)derLength], signature)
            ? signature
            : throw new CryptographicException("OpenSSL returned an unexpected SM2 signature.");
    }

    public static bool Verify(Sm2Context context, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != CodeKeys.SignatureLength)
        {
            return false;
        }

        Span<byte> der = stackalloc byte[80];
        var derLength = DerSignature.FromRaw(signature, der);
        fixed (byte* d = data)
        fixed (byte* s = der)
        {
            if (EVP_DigestVerifyInit(context.MdContext, 0, Sm3, 0, context.Key) == 1 &&
                EVP_DigestVerify(context.MdContext, s, (nuint)derLength, d, (nuint)data.Length) == 1)
            {
                return true;
            }
        }

        // Leave no error on this thread's OpenSSL queue: .NET's own crypto shares the library.
        ERR_clear_error();
        return false;
    }

    /// <summary>
    /// A digest context for SM3 with the default user id bound to <paramref name="key"/> (the SM2(7) manual's
    /// sequence), created once per key and thread and re-initialised per operation as `openssl speed` does: creating
    /// contexts costs as much as the verification itself in OpenSSL 3.
    /// </summary>
    public static Sm2Context CreateContext(Sm2KeyHandle key)
    {
        var context = new Sm2Context(key);
        var keyContext = EVP_PKEY_CTX_new(context.Key, 0);
        context.SetKeyContext(keyContext);
        var mdContext = EVP_MD_CTX_new();
        context.SetMdContext(mdContext);
        if (keyContext == 0 || mdContext == 0)
        {
            context.Dispose();
            throw Error("SM2 context");
        }

        fixed (byte* id = DefaultUserId)
        {
            if (EVP_PKEY_CTX_set1_id(keyContext, id, DefaultUserId.Length) != 1)
            {
                context.Dispose();
                throw Error("EVP_PKEY_CTX_set1_id");
            }
        }

        EVP_MD_CTX_set_pkey_ctx(mdContext, keyContext);
        return context;
    }

    internal static void FreeContexts(nint mdContext, nint keyContext)
    {
        if (mdContext != 0)
        {
            EVP_MD_CTX_free(mdContext);
        }

        if (keyContext != 0)
        {
            EVP_PKEY_CTX_free(keyContext);
        }
    }

    private static nint Sm3 => s_sm3 != 0 ? s_sm3 : s_sm3 = EVP_sm3();

    private static Sm2KeyHandle Checked(nint key, string what)
    {
        if (key == 0)
        {
            throw Error($"Not {what}");
        }

        var handle = new Sm2KeyHandle(key);
        if (EVP_PKEY_is_a(key, "SM2") != 1)
        {
            handle.Dispose();
            throw new CryptographicException($"Not {what}: the key is not on the SM2 curve.");
        }

        return handle;
    }

    private static CryptographicException Error(string what)
    {
        ERR_clear_error();
        return new CryptographicException($"{what} failed (OpenSSL).");
    }

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint EVP_PKEY_CTX_new_from_name(nint libraryContext, string name, string? properties);

    [LibraryImport(Lib)]
    private static partial int EVP_PKEY_keygen_init(nint context);

    [LibraryImport(Lib)]
    private static partial int EVP_PKEY_generate(nint context, nint* key);

    [LibraryImport(Lib)]
    private static partial nint EVP_PKEY_CTX_new(nint key, nint engine);

    [LibraryImport(Lib)]
    private static partial void EVP_PKEY_CTX_free(nint context);

    [LibraryImport(Lib)]
    private static partial int EVP_PKEY_CTX_set1_id(nint context, byte* id, int length);

    [LibraryImport(Lib)]
    internal static partial void EVP_PKEY_free(nint key);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int EVP_PKEY_is_a(nint key, string name);

    [LibraryImport(Lib)]
    private static partial nint d2i_AutoPrivateKey(nint existing, byte** cursor, nint length);

    [LibraryImport(Lib)]
    private static partial nint d2i_PUBKEY(nint existing, byte** cursor, nint length);

    [LibraryImport(Lib)]
    private static partial int i2d_PUBKEY(Sm2KeyHandle key, byte** cursor);

    [LibraryImport(Lib)]
    private static partial nint EVP_PKEY2PKCS8(Sm2KeyHandle key);

    [LibraryImport(Lib)]
    private static partial int i2d_PKCS8_PRIV_KEY_INFO(nint info, byte** cursor);

    [LibraryImport(Lib)]
    private static partial void PKCS8_PRIV_KEY_INFO_free(nint info);

    [LibraryImport(Lib)]
    private static partial nint EVP_MD_CTX_new();

    [LibraryImport(Lib)]
    private static partial void EVP_MD_CTX_free(nint context);

    [LibraryImport(Lib)]
    private static partial void EVP_MD_CTX_set_pkey_ctx(nint context, nint keyContext);

    [LibraryImport(Lib)]
    private static partial nint EVP_sm3();

    [LibraryImport(Lib)]
    private static partial int EVP_DigestSignInit(nint context, nint keyContextOut, nint digest, nint engine, nint key);

    [LibraryImport(Lib)]
    private static partial int EVP_DigestVerifyInit(nint context, nint keyContextOut, nint digest, nint engine, nint key);

    [LibraryImport(Lib)]
    private static partial int EVP_DigestSign(nint context, byte* signature, nuint* signatureLength, byte* data, nuint dataLength);

    [LibraryImport(Lib)]
    private static partial int EVP_DigestVerify(nint context, byte* signature, nuint signatureLength, byte* data, nuint dataLength);

    [LibraryImport(Lib)]
    private static partial void ERR_clear_error();
}

/// <summary>An OpenSSL EVP_PKEY holding an SM2 key.</summary>
internal sealed class Sm2KeyHandle : SafeHandle
{
    public Sm2KeyHandle()
        : base(0, ownsHandle: true)
    {
    }

    public Sm2KeyHandle(nint key)
        : base(0, ownsHandle: true) => SetHandle(key);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Sm2.EVP_PKEY_free(handle);
        return true;
    }
}

/// <summary>
/// One thread's EVP_MD_CTX (handle) with its EVP_PKEY_CTX for one SM2 key; holds a reference on the key so the key
/// outlives it. Freed by its finalizer when the thread's slot is dropped.
/// </summary>
internal sealed class Sm2Context : SafeHandle
{
    private readonly Sm2KeyHandle _key;
    private nint _keyContext;
    private bool _keyReferenced;

    public Sm2Context(Sm2KeyHandle key)
        : base(0, ownsHandle: true)
    {
        _key = key;
        key.DangerousAddRef(ref _keyReferenced);
        Key = key.DangerousGetHandle();
    }

    public nint Key { get; }

    public nint MdContext => handle;

    public override bool IsInvalid => handle == 0 && _keyContext == 0 && !_keyReferenced;

    public void SetKeyContext(nint keyContext) => _keyContext = keyContext;

    public void SetMdContext(nint mdContext) => SetHandle(mdContext);

    protected override bool ReleaseHandle()
    {
        Sm2.FreeContexts(handle, _keyContext);
        _keyContext = 0;
        if (_keyReferenced)
        {
            _key.DangerousRelease();
            _keyReferenced = false;
        }

        return true;
    }
}

/// <summary>Converts between the DER ECDSA-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) and 64-byte r‖s.</summary>
internal static class DerSignature
{
    /// <summary>Writes the DER form of r‖s into <paramref name="destination"/> (≥ 72 bytes); -1 when malformed.</summary>
    public static int FromRaw(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (raw.Length != 64)
        {
            return -1;
        }

        Span<byte> body = stackalloc byte[70];
        var length = WriteInteger(raw[..32], body);
        length += WriteInteger(raw[32..], body[length..]);
        destination[0] = 0x30;
        destination[1] = (byte)length;
        body[..length].CopyTo(destination[2..]);
        return length + 2;
    }

    /// <summary>Reads a DER SEQUENCE of two INTEGERs of at most 32 bytes each into 64-byte r‖s.</summary>
    public static bool TryToRaw(ReadOnlySpan<byte> der, Span<byte> raw)
    {
        if (der.Length < 8 || der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }

        var rest = der[2..];
        return ReadInteger(ref rest, raw[..32]) && ReadInteger(ref rest, raw[32..]) && rest.IsEmpty;
    }

    private static int WriteInteger(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var trimmed = value.TrimStart((byte)0);
        if (trimmed.IsEmpty)
        {
            trimmed = value[^1..];
        }

        var pad = (trimmed[0] & 0x80) != 0 ? 1 : 0;
        destination[0] = 0x02;
        destination[1] = (byte)(trimmed.Length + pad);
        if (pad == 1)
        {
            destination[2] = 0;
        }

        trimmed.CopyTo(destination[(2 + pad)..]);
        return 2 + pad + trimmed.Length;
    }

    private static bool ReadInteger(ref ReadOnlySpan<byte> input, Span<byte> destination)
    {
        if (input.Length < 3 || input[0] != 0x02 || input[1] == 0 || input[1] > input.Length - 2)
        {
            return false;
        }

        var value = input.Slice(2, input[1]);
        input = input[(2 + value.Length)..];
        value = value.TrimStart((byte)0);
        if (value.Length > destination.Length)
        {
            return false;
        }

        destination.Clear();
        value.CopyTo(destination[(destination.Length - value.Length)..]);
        return true;
    }
}

internal sealed class Sm2Signer : ICodeSigner
{
    private readonly Sm2KeyHandle _key;
    private readonly ThreadLocal<Sm2Context> _contexts;

    public Sm2Signer(ReadOnlySpan<byte> pkcs8)
    {
        _key = Sm2.ImportPrivate(pkcs8);
        _contexts = new ThreadLocal<Sm2Context>(() => Sm2.CreateContext(_key));
        SubjectPublicKeyInfo = Sm2.ExportPublicKey(_key);
        KeyId = CodeKeys.ComputeKeyId(SubjectPublicKeyInfo);
    }

    public string Profile => CodeProfiles.Sm2;

    public ReadOnlyMemory<byte> KeyId { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    public byte[] Sign(ReadOnlySpan<byte> toBeSigned) => Sm2.Sign(_contexts.Value!, toBeSigned);
}

internal sealed class Sm2VerificationKey : ICodeVerificationKey
{
    private readonly Sm2KeyHandle _key;
    private readonly ThreadLocal<Sm2Context> _contexts;
    private readonly byte[] _spki;

    public Sm2VerificationKey(ReadOnlySpan<byte> spki)
    {
        _key = Sm2.ImportPublic(spki);
        _contexts = new ThreadLocal<Sm2Context>(() => Sm2.CreateContext(_key));
        _spki = spki.ToArray();
        KeyId = CodeKeys.ComputeKeyId(_spki);
    }

    public string Profile => CodeProfiles.Sm2;

    public ReadOnlyMemory<byte> KeyId { get; }

    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _spki;

    public bool Verify(ReadOnlySpan<byte> toBeSigned, ReadOnlySpan<byte> signature) => Sm2.Verify(_contexts.Value!, toBeSigned, signature);
}
