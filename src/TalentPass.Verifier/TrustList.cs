namespace TalentPass.Verifier;

/// <summary>One issuer public key as published in the trust list.</summary>
public sealed record TrustedKey(
    ReadOnlyMemory<byte> KeyId,
    string Profile,
    ReadOnlyMemory<byte> SubjectPublicKeyInfo,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);

/// <summary>
/// The signed list of issuer public keys (COSE_Sign1 by the root key, payload CBOR; format in
/// docs/talent-code-format.md). Served at GET /api/v1/codes/trust-list.
/// </summary>
public sealed record TrustList(
    string Issuer,
    long Sequence,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidUntil,
    IReadOnlyList<TrustedKey> Keys)
{
    public byte[] Sign(ICodeSigner rootSigner) => throw new NotImplementedException();

    /// <summary>Checks the root signature and parses; null with a reason when it is not a valid trust list.</summary>
    public static TrustList? Open(ReadOnlySpan<byte> signed, ICodeVerificationKey root, out string? reason) =>
        throw new NotImplementedException();
}

/// <summary>
/// A 2-bit-per-entry status list (≥ 131,072 entries), signed by an issuer key, bits gzip-compressed (format in
/// docs/talent-code-format.md). Served at GET /api/v1/codes/status-lists/{id}.
/// </summary>
public sealed class StatusList
{
    public const int MinimumSize = 131_072;

    public StatusList(uint id, int size, DateTimeOffset issuedAt, DateTimeOffset validUntil, byte[]? bits = null) =>
        throw new NotImplementedException();

    public uint Id { get; }

    public int Size { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ValidUntil { get; }

    public EntryStatus Get(int index) => throw new NotImplementedException();

    public void Set(int index, EntryStatus status) => throw new NotImplementedException();

    public byte[] Sign(ICodeSigner issuerSigner) => throw new NotImplementedException();

    /// <summary>Checks the signature with a key from the resolver and parses; null with a reason otherwise.</summary>
    public static StatusList? Open(ReadOnlySpan<byte> signed, IKeyResolver keys, out string? reason) =>
        throw new NotImplementedException();
}
