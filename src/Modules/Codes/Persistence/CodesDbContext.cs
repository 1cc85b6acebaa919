using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Codes.Persistence;

/// <summary>
/// The Codes module's tables (prefixed <c>codes_</c>), created by the SQL in <c>Persistence/Migrations</c>; every
/// table, column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class CodesDbContext(DbContextOptions<CodesDbContext> options) : DbContext(options)
{
    public DbSet<CodeKeyRow> Keys => Set<CodeKeyRow>();

    public DbSet<StatusListRow> StatusLists => Set<StatusListRow>();

    public DbSet<SubjectRow> Subjects => Set<SubjectRow>();

    public DbSet<ScanRow> Scans => Set<ScanRow>();

    public DbSet<FeedCursorRow> FeedCursor => Set<FeedCursorRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // The scan list's capped count is COUNT(*) over "LIMIT n" without ORDER BY on purpose (any n rows will do).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var k = modelBuilder.Entity<CodeKeyRow>();
        k.ToTable("codes_keys");
        k.HasKey(x => x.Id).HasName("pk_codes_keys");
        k.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        k.Property(x => x.KeyId).HasColumnName("key_id").IsRequired();
        k.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        k.Property(x => x.Profile).HasColumnName("profile").IsRequired();
        k.Property(x => x.PublicKey).HasColumnName("public_key").IsRequired();
        k.Property(x => x.PrivateKeyCipher).HasColumnName("private_key_cipher").IsRequired();
        k.Property(x => x.NotBefore).HasColumnName("not_before");
        k.Property(x => x.NotAfter).HasColumnName("not_after");
        k.Property(x => x.CreatedAt).HasColumnName("created_at");
        k.Property(x => x.RetiredAt).HasColumnName("retired_at");
        k.HasIndex(x => x.KeyId).IsUnique().HasDatabaseName("ux_codes_keys_key_id");

        var l = modelBuilder.Entity<StatusListRow>();
        l.ToTable("codes_status_lists");
        l.HasKey(x => x.Id).HasName("pk_codes_status_lists");
        l.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        l.Property(x => x.Size).HasColumnName("size");
        l.Property(x => x.Version).HasColumnName("version");
        l.Property(x => x.CreatedAt).HasColumnName("created_at");
        l.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var f = modelBuilder.Entity<FeedCursorRow>();
        f.ToTable("codes_feed_cursor");
        f.HasKey(x => x.Id).HasName("pk_codes_feed_cursor");
        f.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        f.Property(x => x.Sequence).HasColumnName("sequence");
        f.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var s = modelBuilder.Entity<SubjectRow>();
        s.ToTable("codes_subjects");
        s.HasKey(x => x.TalentId).HasName("pk_codes_subjects");
        s.Property(x => x.TalentId).HasColumnName("talent_id").ValueGeneratedNever();
        s.Property(x => x.SubjectId).HasColumnName("subject_id").IsRequired();
        s.Property(x => x.StatusListId).HasColumnName("status_list_id");
        s.Property(x => x.StatusListIndex).HasColumnName("status_list_index");
        s.Property(x => x.Status).HasColumnName("status");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        s.HasIndex(x => x.SubjectId).IsUnique().HasDatabaseName("ux_codes_subjects_subject_id");
        s.HasIndex(x => new { x.StatusListId, x.StatusListIndex }).IsUnique().HasDatabaseName("ux_codes_subjects_list_index");
        s.HasIndex(x => new { x.StatusListId, x.Status }).HasDatabaseName("ix_codes_subjects_list_status");

        var c = modelBuilder.Entity<ScanRow>();
        c.ToTable("codes_scans");
        c.HasKey(x => x.Id).HasName("pk_codes_scans");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.ScannedAt).HasColumnName("scanned_at");
        c.Property(x => x.AccountId).HasColumnName("account_id");
        c.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        c.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        c.Property(x => x.CodeHash).HasColumnName("code_hash").IsRequired();
        c.Property(x => x.StatusListId).HasColumnName("status_list_id");
        c.Property(x => x.StatusListIndex).HasColumnName("status_list_index");
        c.Property(x => x.Level).HasColumnName("level");
        c.Property(x => x.MaskedName).HasColumnName("masked_name");
        c.Property(x => x.Mode).HasColumnName("mode");
        c.HasIndex(x => new { x.StatusListId, x.StatusListIndex, x.ScannedAt }).HasDatabaseName("ix_codes_scans_subject");
        c.HasIndex(x => new { x.OrganisationId, x.ScannedAt }).HasDatabaseName("ix_codes_scans_organisation");
        c.HasIndex(x => new { x.AccountId, x.ScannedAt }).HasDatabaseName("ix_codes_scans_account");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }

}
