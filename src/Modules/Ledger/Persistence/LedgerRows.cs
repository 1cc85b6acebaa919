namespace TalentPass.Modules.Ledger.Persistence;

// Rows of the Ledger tables as EF reads them (pages, queries, keys). The sequencer writes with raw SQL.
#pragma warning disable CA1819 // byte[] properties mirror bytea/BLOB columns

internal sealed class TreeRow
{
    public int Id { get; set; }

    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    public string? HashProfile { get; set; }

    public string? Origin { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PendingRow
{
    public long Id { get; set; }

    public byte[] EntryHash { get; set; } = [];

    public byte[] Entry { get; set; } = [];

    public string Kind { get; set; } = string.Empty;

    public string Digest { get; set; } = string.Empty;

    public string Parties { get; set; } = string.Empty;

    public string Submitter { get; set; } = string.Empty;

    public string? Reference { get; set; }

    public DateTimeOffset EntryTime { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class EntryRow
{
    public long Index { get; set; }

    public byte[] EntryHash { get; set; } = [];

    public byte[] LeafHash { get; set; } = [];

    public byte[] Entry { get; set; } = [];

    public string Kind { get; set; } = string.Empty;

    public string Digest { get; set; } = string.Empty;

    public string Parties { get; set; } = string.Empty;

    public string Submitter { get; set; } = string.Empty;

    public string? Reference { get; set; }

    public DateTimeOffset EntryTime { get; set; }

    public DateTimeOffset SequencedAt { get; set; }
}

internal sealed class TileRow
{
    public int Level { get; set; }

    public long TileIndex { get; set; }

    public int Width { get; set; }

    public byte[] Hashes { get; set; } = [];
}

internal sealed class CheckpointRow
{
    public long Size { get; set; }

    public byte[] RootHash { get; set; } = [];

    public string Note { get; set; } = string.Empty;

    public string? CosignedNote { get; set; }

    public int Cosignatures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

internal sealed class WitnessStateRow
{
    public string Name { get; set; } = string.Empty;

    public long CosignedSize { get; set; }

    public string LastStatus { get; set; } = string.Empty;

    public string? LastError { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CosignatureRow
{
    public long CheckpointSize { get; set; }

    public string Witness { get; set; } = string.Empty;

    public string SignatureLine { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class SigningKeyRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Algorithm { get; set; } = string.Empty;

    public byte[] PublicKey { get; set; } = [];

    public string PrivateKeyCipher { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SubmitterKeyRow
{
    public string KeyId { get; set; } = string.Empty;

    public Guid OrganisationId { get; set; }

    public string OrganisationCode { get; set; } = string.Empty;

    public string Algorithm { get; set; } = string.Empty;

    public byte[] PublicKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
