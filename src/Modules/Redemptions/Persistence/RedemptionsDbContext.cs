using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Redemptions.Domain;

namespace TalentPass.Modules.Redemptions.Persistence;

/// <summary>A quota counter: how many redemptions a (right, scope, scope key, period key) has taken.</summary>
internal sealed class CounterRow
{
    public Guid RightId { get; set; }

    public string Scope { get; set; } = string.Empty;

    public string ScopeKey { get; set; } = string.Empty;

    public string PeriodKey { get; set; } = string.Empty;

    public int Used { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One row of the redemption feed (numbered by the reader, see the migration).</summary>
internal sealed class FeedRow
{
    public long Id { get; set; }

    public long? Sequence { get; set; }

    public Guid RedemptionId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>
/// The Redemptions module's tables (prefixed <c>redemptions_</c>), created by the SQL in <c>Persistence/Migrations</c>.
/// The redemption path itself writes with plain SQL (<see cref="Features.Redeem.RedemptionStore"/>); EF serves the
/// reads (history, usage, feed) and keeps the model equal to the schema on both providers.
/// </summary>
internal sealed class RedemptionsDbContext(DbContextOptions<RedemptionsDbContext> options) : DbContext(options)
{
    public DbSet<Redemption> Redemptions => Set<Redemption>();

    public DbSet<CounterRow> Counters => Set<CounterRow>();

    public DbSet<FeedRow> Feed => Set<FeedRow>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var r = modelBuilder.Entity<Redemption>();
        r.ToTable("redemptions_redemptions");
        r.HasKey(x => x.Id).HasName("pk_redemptions_redemptions");
        r.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        r.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        r.Property(x => x.AccountId).HasColumnName("account_id");
        r.Property(x => x.IdempotencyKey).HasColumnName("idempotency_key").IsRequired();
        r.Property(x => x.RequestHash).HasColumnName("request_hash").IsRequired();
        r.Property(x => x.RightId).HasColumnName("right_id");
        r.Property(x => x.RightCode).HasColumnName("right_code").IsRequired();
        r.Property(x => x.RightKind).HasColumnName("right_kind").IsRequired();
        r.Property(x => x.RightNameZh).HasColumnName("right_name_zh").IsRequired();
        r.Property(x => x.RightNameEn).HasColumnName("right_name_en").IsRequired();
        r.Property(x => x.RightRevision).HasColumnName("right_revision");
        r.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        r.Property(x => x.TalentId).HasColumnName("talent_id");
        r.Property(x => x.MaskedName).HasColumnName("masked_name").IsRequired();
        r.Property(x => x.Level).HasColumnName("level").IsRequired();
        r.Property(x => x.Category).HasColumnName("category").IsRequired();
        r.Property(x => x.Beneficiary).HasColumnName("beneficiary").IsRequired();
        r.Property(x => x.FamilyMemberId).HasColumnName("family_member_id");
        r.Property(x => x.PoolCode).HasColumnName("pool_code");
        r.Property(x => x.ValueFen).HasColumnName("value_fen");
        r.Property(x => x.Source).HasColumnName("source").IsRequired();
        r.Property(x => x.Offline).HasColumnName("offline");
        r.Property(x => x.DeviceId).HasColumnName("device_id");
        r.Property(x => x.LocalId).HasColumnName("local_id");
        r.Property(x => x.Status).HasColumnName("status").IsRequired();
        r.Property(x => x.ConflictCode).HasColumnName("conflict_code");
        r.Property(x => x.OverQuota).HasColumnName("over_quota");
        r.Property(x => x.Counters).HasColumnName("counters").IsRequired();
        r.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        r.Property(x => x.RecordedAt).HasColumnName("recorded_at");
        r.Property(x => x.ReversibleUntil).HasColumnName("reversible_until");
        r.Property(x => x.ReversedAt).HasColumnName("reversed_at");
        r.Property(x => x.ReversedBy).HasColumnName("reversed_by");
        r.Property(x => x.ReversalReason).HasColumnName("reversal_reason");
        r.HasIndex(x => new { x.OrganisationId, x.IdempotencyKey }).IsUnique().HasDatabaseName("ux_redemptions_redemptions_key");
        r.HasIndex(x => new { x.TalentId, x.RecordedAt }).HasDatabaseName("ix_redemptions_redemptions_talent");
        r.HasIndex(x => new { x.OrganisationId, x.RecordedAt }).HasDatabaseName("ix_redemptions_redemptions_organisation");
        r.HasIndex(x => new { x.ProviderOrganisationId, x.RecordedAt }).HasDatabaseName("ix_redemptions_redemptions_provider");
        r.HasIndex(x => new { x.Status, x.RecordedAt }).HasDatabaseName("ix_redemptions_redemptions_status");

        var c = modelBuilder.Entity<CounterRow>();
        c.ToTable("redemptions_counters");
        c.HasKey(x => new { x.RightId, x.Scope, x.ScopeKey, x.PeriodKey }).HasName("pk_redemptions_counters");
        c.Property(x => x.RightId).HasColumnName("right_id");
        c.Property(x => x.Scope).HasColumnName("scope");
        c.Property(x => x.ScopeKey).HasColumnName("scope_key");
        c.Property(x => x.PeriodKey).HasColumnName("period_key");
        c.Property(x => x.Used).HasColumnName("used");
        c.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var f = modelBuilder.Entity<FeedRow>();
        f.ToTable("redemptions_feed");
        f.HasKey(x => x.Id).HasName("pk_redemptions_feed");
        f.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        f.Property(x => x.Sequence).HasColumnName("sequence");
        f.Property(x => x.RedemptionId).HasColumnName("redemption_id");
        f.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        f.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        f.HasIndex(x => x.Sequence).IsUnique().HasDatabaseName("ux_redemptions_feed_sequence");
        f.HasIndex(x => x.Id).HasFilter("sequence IS NULL").HasDatabaseName("ix_redemptions_feed_unnumbered");

        if (!IsPostgres)
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset text
        }
    }
}
