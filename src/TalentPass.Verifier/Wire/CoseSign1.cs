using System.Buffers;

namespace TalentPass.Verifier.Wire;

/// <summary>
/// The COSE_Sign1 profile of the TC1 formats (RFC 9052 §4.2): tag 18, protected header exactly {1: alg, 4: kid (8
/// bytes)}, empty unprotected header, embedded payload, 64-byte r‖s signature over the Sig_structure
/// ["Signature1", protected, h'', payload].
/// </summary>
internal static class CoseSign1
{
    public const ulong Tag = 18;
    public const int KeyIdLength = 8;
    public const int SignatureLength = 64;

    /// <summary>COSE alg of ECDSA with SHA-256 (RFC 9053 §2.1).</summary>
    public const long AlgEs256 = -7;

    /// <summary>
    /// SM2 signature with SM3 and the default user id: no IANA value exists, so TC1 takes a value from the private-use
    /// range of the COSE Algorithms registry (integers below -65536).
    /// </summary>
    public const long AlgSm2 = -65537;

    private static ReadOnlySpan<byte> Context => "Signature1"u8;

    public static long AlgOf(string profile) => profile switch
    {
        CodeProfiles.Es256 => AlgEs256,
        CodeProfiles.Sm2 => AlgSm2,
        _ => throw new ArgumentException($"Unknown code profile '{profile}'.", nameof(profile)),
    };

    public static string? ProfileOf(long alg) => alg switch
    {
        AlgEs256 => CodeProfiles.Es256,
        AlgSm2 => CodeProfiles.Sm2,
        _ => null,
    };

    /// <summary>The serialized protected header {1: alg, 4: kid}.</summary>
    public static byte[] ProtectedHeader(string profile, ReadOnlySpan<byte> keyId)
    {
        if (keyId.Length != KeyIdLength)
        {
            throw new ArgumentException("A key id has 8 bytes.", nameof(keyId));
        }

        var writer = new CborWriter(32);
        writer.WriteMapHeader(2);
        writer.WriteUInt(1);
        writer.WriteInt(AlgOf(profile));
        writer.WriteUInt(4);
        writer.WriteBytes(keyId);
        return writer.ToArray();
    }

    public static int SigStructureLength(int protectedLength, int payloadLength) =>
        1 + 1 + Context.Length + Head.Size((ulong)protectedLength) + protectedLength + 1 + Head.Size((ulong)payloadLength) + payloadLength;

    /// <summary>Writes the Sig_structure into <paramref name="destination"/> (<see cref="SigStructureLength"/> bytes).</summary>
    public static int WriteSigStructure(Span<byte> destination, ReadOnlySpan<byte> protectedHeader, ReadOnlySpan<byte> payload)
    {
        destination[0] = 0x84; // array(4)
        destination[1] = 0x6A; // text(10)
        Context.CopyTo(destination[2..]);
        var position = 2 + Context.Length;
        position += Head.Write(destination[position..], 2, (ulong)protectedHeader.Length);
        protectedHeader.CopyTo(destination[position..]);
        position += protectedHeader.Length;
        destination[position++] = 0x40; // external_aad h''
        position += Head.Write(destination[position..], 2, (ulong)payload.Length);
        payload.CopyTo(destination[position..]);
        return position + payload.Length;
    }

    /// <summary>Signs <paramref name="payload"/> and returns the tagged COSE_Sign1 bytes.</summary>
    public static byte[] Sign(ICodeSigner signer, ReadOnlySpan<byte> protectedHeader, ReadOnlySpan<byte> payload)
    {
        var tbsLength = SigStructureLength(protectedHeader.Length, payload.Length);
        var rented = tbsLength > 512 ? ArrayPool<byte>.Shared.Rent(tbsLength) : null;
        var tbs = rented is null ? stackalloc byte[tbsLength] : rented.AsSpan(0, tbsLength);
        try
        {
            WriteSigStructure(tbs, protectedHeader, payload);
            var signature = signer.Sign(tbs);
            if (signature.Length != SignatureLength)
            {
                throw new InvalidOperationException("A code signer must return a 64-byte r‖s signature.");
            }

            var writer = new CborWriter(protectedHeader.Length + payload.Length + SignatureLength + 16);
            writer.WriteTag(Tag);
            writer.WriteArrayHeader(4);
            writer.WriteBytes(protectedHeader);
            writer.WriteMapHeader(0);
            writer.WriteBytes(payload);
            writer.WriteBytes(signature);
            return writer.ToArray();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Verifies the signature of a parsed envelope with <paramref name="key"/>.</summary>
    public static bool Verify(in CoseSign1View view, ICodeVerificationKey key)
    {
        var tbsLength = SigStructureLength(view.Protected.Length, view.Payload.Length);
        var rented = tbsLength > 1024 ? ArrayPool<byte>.Shared.Rent(tbsLength) : null;
        var tbs = rented is null ? stackalloc byte[tbsLength] : rented.AsSpan(0, tbsLength);
        try
        {
            WriteSigStructure(tbs, view.Protected, view.Payload);
            return key.Verify(tbs, view.Signature);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>A parsed (not yet verified) TC1 COSE_Sign1: spans into the input.</summary>
internal readonly ref struct CoseSign1View
{
    private CoseSign1View(ReadOnlySpan<byte> protectedHeader, long alg, ReadOnlySpan<byte> keyId, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        Protected = protectedHeader;
        Alg = alg;
        KeyId = keyId;
        Payload = payload;
        Signature = signature;
    }

    public ReadOnlySpan<byte> Protected { get; }

    public long Alg { get; }

    public ReadOnlySpan<byte> KeyId { get; }

    public ReadOnlySpan<byte> Payload { get; }

    public ReadOnlySpan<byte> Signature { get; }

    /// <summary>Parses the envelope strictly; throws <see cref="CborException"/> on anything else.</summary>
    public static CoseSign1View Parse(ReadOnlySpan<byte> data)
    {
        var reader = new CborReader(data);
        if (reader.ReadTag() != CoseSign1.Tag)
        {
            throw new CborException("not a tagged COSE_Sign1 (tag 18)");
        }

        if (reader.ReadArrayHeader() != 4)
        {
            throw new CborException("COSE_Sign1 is an array of 4");
        }

        var protectedHeader = reader.ReadBytes();
        if (reader.ReadMapHeader() != 0)
        {
            throw new CborException("the unprotected header must be empty");
        }

        var payload = reader.ReadBytes();
        var signature = reader.ReadBytes();
        reader.ExpectEnd();
        if (signature.Length != CoseSign1.SignatureLength)
        {
            throw new CborException("the signature must have 64 bytes");
        }

        var header = new CborReader(protectedHeader);
        if (header.ReadMapHeader() != 2 || header.ReadIntKey(null) != 1)
        {
            throw new CborException("the protected header must be {1: alg, 4: kid}");
        }

        var alg = header.ReadInt();
        if (header.ReadIntKey(1) != 4)
        {
            throw new CborException("the protected header must be {1: alg, 4: kid}");
        }

        var keyId = header.ReadBytes();
        header.ExpectEnd();
        if (keyId.Length != CoseSign1.KeyIdLength)
        {
            throw new CborException("the key id must have 8 bytes");
        }

        return new CoseSign1View(protectedHeader, alg, keyId, payload, signature);
    }
}

/// <summary>Opening of the signed lists (trust list, status lists): envelope, key, signature.</summary>
internal static class SignedDocument
{
    public static byte[] Sign(ICodeSigner signer, CborWriter payload) =>
        CoseSign1.Sign(signer, CoseSign1.ProtectedHeader(signer.Profile, signer.KeyId.Span), payload.Written);

    /// <summary>The verified payload, or false with a reason; never throws on any input.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> signed, IKeyResolver keys, out ReadOnlySpan<byte> payload, out ICodeVerificationKey? key, out string? reason)
    {
        payload = default;
        key = null;
        CoseSign1View view;
        try
        {
            view = CoseSign1View.Parse(signed);
        }
        catch (CborException e)
        {
            reason = "malformed: " + e.Message;
            return false;
        }

        key = keys.Find(view.KeyId);
        if (key is null)
        {
            reason = "signed by an unknown key";
            return false;
        }

        bool verified;
        try
        {
            verified = CoseSign1.ProfileOf(view.Alg) == key.Profile && CoseSign1.Verify(view, key);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            verified = false;
        }

        if (!verified)
        {
            reason = "the signature does not verify";
            return false;
        }

        payload = view.Payload;
        reason = null;
        return true;
    }
}
