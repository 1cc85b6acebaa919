using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Contribution.Domain;

namespace TalentPass.Modules.Contribution.Persistence;

/// <summary>The Contribution module's tables (prefixed <c>contribution_</c>), created by the SQL in <c>Persistence/Migrations</c>.</summary>
internal sealed class ContributionDbContext(DbContextOptions<ContributionDbContext> options) : DbContext(options)
{
    public DbSet<FeedCursorRow> FeedCursor => Set<FeedCursorRow>();

    public DbSet<RedemptionRow> Redemptions => Set<RedemptionRow>();

    public DbSet<ContributionFormula> Formulas => Set<ContributionFormula>();

    public DbSet<RewardRow> Rewards => Set<RewardRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var f = modelBuilder.Entity<FeedCursorRow>();
        f.ToTable("contribution_feed_cursor");
        f.HasKey(x => x.Id).HasName("pk_contribution_feed_cursor");
        f.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        f.Property(x => x.LastSequence).HasColumnName("last_sequence");
        f.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var r = modelBuilder.Entity<RedemptionRow>();
        r.ToTable("contribution_redemptions");
        r.HasKey(x => x.RedemptionId).HasName("pk_contribution_redemptions");
        r.Property(x => x.RedemptionId).HasColumnName("redemption_id").ValueGeneratedNever();
        r.Property(x => x.Sequence).HasColumnName("sequence");
        r.Property(x => x.RightId).HasColumnName("right_id");
        r.Property(x => x.RightCode).HasColumnName("right_code").IsRequired();
        r.Property(x => x.RightKind).HasColumnName("right_kind").IsRequired();
        r.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
        r.Property(x => x.ServicePointOrganisationId).HasColumnName("service_point_organisation_id");
        r.Property(x => x.Level).HasColumnName("level").IsRequired();
        r.Property(x => x.Category).HasColumnName("category").IsRequired();
        r.Property(x => x.Beneficiary).HasColumnName("beneficiary").IsRequired();
        r.Property(x => x.PoolCode).HasColumnName("pool_code");
        r.Property(x => x.DiscountFen).HasColumnName("discount_fen");
        r.Property(x => x.Offline).HasColumnName("offline");
        r.Property(x => x.ThirdParty).HasColumnName("third_party");
        r.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        r.Property(x => x.BusinessDay).HasColumnName("business_day");
        r.Property(x => x.Month).HasColumnName("month").IsRequired();
        r.Property(x => x.Reversed).HasColumnName("reversed");
        r.Property(x => x.ReversedAt).HasColumnName("reversed_at");
        r.HasIndex(x => new { x.BusinessDay, x.RightId }).HasDatabaseName("ix_contribution_redemptions_day");
        r.HasIndex(x => new { x.ThirdParty, x.BusinessDay, x.ServicePointOrganisationId }).HasDatabaseName("ix_contribution_redemptions_institution");

        var v = modelBuilder.Entity<ContributionFormula>();
        v.ToTable("contribution_formulas");
        v.HasKey(x => x.Id).HasName("pk_contribution_formulas");
        v.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        v.Property(x => x.Version).HasColumnName("version");
        v.Property(x => x.ValidFrom).HasColumnName("valid_from");
        v.Property(x => x.ValidTo).HasColumnName("valid_to");
        v.Property(x => x.YuanWeightMilli).HasColumnName("yuan_weight_milli");
        v.Property(x => x.RedemptionWeightMilli).HasColumnName("redemption_weight_milli");
        v.Property(x => x.Note).HasColumnName("note").IsRequired();
        v.Property(x => x.CreatedAt).HasColumnName("created_at");
        v.Property(x => x.CreatedBy).HasColumnName("created_by");
        v.HasIndex(x => x.Version).IsUnique().HasDatabaseName("ux_contribution_formulas_version");

        var w = modelBuilder.Entity<RewardRow>();
        w.ToTable("contribution_rewards");
        w.HasKey(x => x.Id).HasName("pk_contribution_rewards");
        w.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        w.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        w.Property(x => x.PeriodFrom).HasColumnName("period_from");
        w.Property(x => x.PeriodTo).HasColumnName("period_to");
        w.Property(x => x.Redemptions).HasColumnName("redemptions");
        w.Property(x => x.DiscountFen).HasColumnName("discount_fen");
        w.Property(x => x.PointsMilli).HasColumnName("points_milli");
        w.Property(x => x.FormulaVersions).HasColumnName("formula_versions").IsRequired();
        w.Property(x => x.Decision).HasColumnName("decision").IsRequired();
        w.Property(x => x.DocumentDigest).HasColumnName("document_digest").IsRequired();
        w.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        w.Property(x => x.DecidedBy).HasColumnName("decided_by");
        w.Property(x => x.DecidedAt).HasColumnName("decided_at");
        w.HasIndex(x => new { x.OrganisationId, x.DecidedAt }).HasDatabaseName("ix_contribution_rewards_organisation");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
