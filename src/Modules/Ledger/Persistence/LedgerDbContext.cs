using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentPass.Modules.Ledger.Persistence;

/// <summary>
/// The Ledger tables (prefix <c>ledger_</c>), mapped exactly as <c>Persistence/Migrations</c> creates them.
/// On SQLite instants are UTC ticks (INTEGER) so they order and compare exactly.
/// </summary>
internal sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    private static readonly ValueConverter<DateTimeOffset?, long?> NullableTicks = new(
        v => v.HasValue ? v.Value.UtcTicks : null,
        v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);

    public DbSet<TreeRow> Tree => Set<TreeRow>();

    public DbSet<PendingRow> Pending => Set<PendingRow>();

    public DbSet<EntryRow> Entries => Set<EntryRow>();

    public DbSet<TileRow> Tiles => Set<TileRow>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<WitnessStateRow> WitnessStates => Set<WitnessStateRow>();

    public DbSet<CosignatureRow> Cosignatures => Set<CosignatureRow>();

    public DbSet<SigningKeyRow> SigningKeys => Set<SigningKeyRow>();

    public DbSet<SubmitterKeyRow> SubmitterKeys => Set<SubmitterKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var sqlite = Database.IsSqlite();

        var tree = modelBuilder.Entity<TreeRow>();
        tree.ToTable("ledger_tree");
        tree.HasKey(x => x.Id);
        tree.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        tree.Property(x => x.Size).HasColumnName("size");
        tree.Property(x => x.RootHash).HasColumnName("root_hash");
        tree.Property(x => x.HashProfile).HasColumnName("hash_profile");
        tree.Property(x => x.Origin).HasColumnName("origin");
        Instant(tree.Property(x => x.UpdatedAt).HasColumnName("updated_at"), sqlite);

        var pending = modelBuilder.Entity<PendingRow>();
        pending.ToTable("ledger_pending");
        pending.HasKey(x => x.Id);
        pending.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        pending.Property(x => x.EntryHash).HasColumnName("entry_hash");
        pending.Property(x => x.Entry).HasColumnName("entry");
        pending.Property(x => x.Kind).HasColumnName("kind");
        pending.Property(x => x.Digest).HasColumnName("digest");
        pending.Property(x => x.Parties).HasColumnName("parties");
        pending.Property(x => x.Submitter).HasColumnName("submitter");
        pending.Property(x => x.Reference).HasColumnName("reference");
        Instant(pending.Property(x => x.EntryTime).HasColumnName("entry_time"), sqlite);
        Instant(pending.Property(x => x.ReceivedAt).HasColumnName("received_at"), sqlite);
        pending.HasIndex(x => x.EntryHash).IsUnique().HasDatabaseName("ux_ledger_pending_entry_hash");

        var entries = modelBuilder.Entity<EntryRow>();
        entries.ToTable("ledger_entries");
        entries.HasKey(x => x.Index);
        entries.Property(x => x.Index).HasColumnName("idx").ValueGeneratedNever();
        entries.Property(x => x.EntryHash).HasColumnName("entry_hash");
        entries.Property(x => x.LeafHash).HasColumnName("leaf_hash");
        entries.Property(x => x.Entry).HasColumnName("entry");
        entries.Property(x => x.Kind).HasColumnName("kind");
        entries.Property(x => x.Digest).HasColumnName("digest");
        entries.Property(x => x.Parties).HasColumnName("parties");
        entries.Property(x => x.Submitter).HasColumnName("submitter");
        entries.Property(x => x.Reference).HasColumnName("reference");
        Instant(entries.Property(x => x.EntryTime).HasColumnName("entry_time"), sqlite);
        Instant(entries.Property(x => x.SequencedAt).HasColumnName("sequenced_at"), sqlite);
        entries.HasIndex(x => x.EntryHash).IsUnique().HasDatabaseName("ux_ledger_entries_entry_hash");
        entries.HasIndex(x => new { x.Kind, x.Index }).HasDatabaseName("ix_ledger_entries_kind");
        entries.HasIndex(x => x.Digest).HasDatabaseName("ix_ledger_entries_digest");
        entries.HasIndex(x => new { x.Submitter, x.Index }).HasDatabaseName("ix_ledger_entries_submitter");

        var tiles = modelBuilder.Entity<TileRow>();
        tiles.ToTable("ledger_tiles");
        tiles.HasKey(x => new { x.Level, x.TileIndex });
        tiles.Property(x => x.Level).HasColumnName("level");
        tiles.Property(x => x.TileIndex).HasColumnName("tile_index");
        tiles.Property(x => x.Width).HasColumnName("width");
        tiles.Property(x => x.Hashes).HasColumnName("hashes");

        var checkpoints = modelBuilder.Entity<CheckpointRow>();
        checkpoints.ToTable("ledger_checkpoints");
        checkpoints.HasKey(x => x.Size);
        checkpoints.Property(x => x.Size).HasColumnName("size").ValueGeneratedNever();
        checkpoints.Property(x => x.RootHash).HasColumnName("root_hash");
        checkpoints.Property(x => x.Note).HasColumnName("note");
        checkpoints.Property(x => x.CosignedNote).HasColumnName("cosigned_note");
        checkpoints.Property(x => x.Cosignatures).HasColumnName("cosignatures");
        Instant(checkpoints.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
        NullableInstant(checkpoints.Property(x => x.PublishedAt).HasColumnName("published_at"), sqlite);
        checkpoints.HasIndex(x => x.PublishedAt).HasDatabaseName("ix_ledger_checkpoints_published");

        var witnesses = modelBuilder.Entity<WitnessStateRow>();
        witnesses.ToTable("ledger_witness_states");
        witnesses.HasKey(x => x.Name);
        witnesses.Property(x => x.Name).HasColumnName("name");
        witnesses.Property(x => x.CosignedSize).HasColumnName("cosigned_size");
        witnesses.Property(x => x.LastStatus).HasColumnName("last_status");
        witnesses.Property(x => x.LastError).HasColumnName("last_error");
        Instant(witnesses.Property(x => x.UpdatedAt).HasColumnName("updated_at"), sqlite);

        var cosignatures = modelBuilder.Entity<CosignatureRow>();
        cosignatures.ToTable("ledger_cosignatures");
        cosignatures.HasKey(x => new { x.CheckpointSize, x.Witness });
        cosignatures.Property(x => x.CheckpointSize).HasColumnName("checkpoint_size");
        cosignatures.Property(x => x.Witness).HasColumnName("witness");
        cosignatures.Property(x => x.SignatureLine).HasColumnName("signature_line");
        Instant(cosignatures.Property(x => x.ReceivedAt).HasColumnName("received_at"), sqlite);

        var signing = modelBuilder.Entity<SigningKeyRow>();
        signing.ToTable("ledger_signing_keys");
        signing.HasKey(x => x.Id);
        signing.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        signing.Property(x => x.Name).HasColumnName("name");
        signing.Property(x => x.Algorithm).HasColumnName("algorithm");
        signing.Property(x => x.PublicKey).HasColumnName("public_key");
        signing.Property(x => x.PrivateKeyCipher).HasColumnName("private_key_cipher");
        Instant(signing.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
        signing.HasIndex(x => x.Algorithm).IsUnique().HasDatabaseName("ux_ledger_signing_keys_algorithm");

        var submitters = modelBuilder.Entity<SubmitterKeyRow>();
        submitters.ToTable("ledger_submitter_keys");
        submitters.HasKey(x => x.KeyId);
        submitters.Property(x => x.KeyId).HasColumnName("key_id");
        submitters.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        submitters.Property(x => x.OrganisationCode).HasColumnName("organisation_code");
        submitters.Property(x => x.Algorithm).HasColumnName("algorithm");
        submitters.Property(x => x.PublicKey).HasColumnName("public_key");
        Instant(submitters.Property(x => x.CreatedAt).HasColumnName("created_at"), sqlite);
        NullableInstant(submitters.Property(x => x.RevokedAt).HasColumnName("revoked_at"), sqlite);
        submitters.HasIndex(x => x.OrganisationId).HasDatabaseName("ix_ledger_submitter_keys_organisation");
    }

    private static void Instant(PropertyBuilder<DateTimeOffset> property, bool sqlite)
    {
        if (sqlite)
        {
            property.HasConversion(Ticks).HasColumnType("INTEGER");
        }
    }

    private static void NullableInstant(PropertyBuilder<DateTimeOffset?> property, bool sqlite)
    {
        if (sqlite)
        {
            property.HasConversion(NullableTicks).HasColumnType("INTEGER");
        }
    }
}
