namespace TalentPass.Modules.Codes.Persistence;

/// <summary>A root or issuer signing key; the private half only encrypted with the key-encryption key.</summary>
internal sealed class CodeKeyRow
{
    public const string RootKind = "root";
    public const string IssuerKind = "issuer";

    public Guid Id { get; set; }

    /// <summary>Hex of the 8-byte key id (SHA-256 of the SubjectPublicKeyInfo, first 8 bytes).</summary>
    public string KeyId { get; set; } = "";

    public string Kind { get; set; } = IssuerKind;

    public string Profile { get; set; } = "";

    /// <summary>SubjectPublicKeyInfo DER.</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>PKCS#8 private key, AES-256-GCM under <c>Codes:KeyEncryptionKey</c> (<c>v1.&lt;base64&gt;</c>).</summary>
    public string PrivateKeyCipher { get; set; } = "";

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a newer key took over signing; the key stays trusted until <see cref="NotAfter"/>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>One status list: its size and a version that moves on every status change in it (cache invalidation).</summary>
internal sealed class StatusListRow
{
    public int Id { get; set; }

    public int Size { get; set; }

    public long Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The code identity of a talent: an opaque random subject id and a random place in a status list.</summary>
internal sealed class SubjectRow
{
    public Guid TalentId { get; set; }

    public byte[] SubjectId { get; set; } = [];

    public int StatusListId { get; set; }

    public int StatusListIndex { get; set; }

    /// <summary><see cref="Verifier.EntryStatus"/> as an integer (0 valid, 1 suspended, 2 terminated).</summary>
    public int Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One online verification: who, where, when, what — the SHA-256 of the code, never the code.</summary>
internal sealed class ScanRow
{
    public Guid Id { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? OrganisationId { get; set; }

    public string Outcome { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the code text.</summary>
    public string CodeHash { get; set; } = "";

    public int? StatusListId { get; set; }

    public int? StatusListIndex { get; set; }

    public string? Level { get; set; }

    public string? MaskedName { get; set; }

    public string? Mode { get; set; }
}

/// <summary>How far this module has followed the registry's durable change feed (one row, id 1).</summary>
internal sealed class FeedCursorRow
{
    public int Id { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
