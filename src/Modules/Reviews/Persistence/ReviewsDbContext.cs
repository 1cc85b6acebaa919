using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Reviews.Persistence;

/// <summary>
/// The Reviews module's tables (prefix <c>reviews_</c>), created by the SQL in <c>Persistence/Migrations</c>.
/// Instants are UTC ticks (INTEGER) on SQLite and timestamptz on PostgreSQL; dates are TEXT yyyy-MM-dd / date.
/// </summary>
internal sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : DbContext(options)
{
    public DbSet<CampaignRow> Campaigns => Set<CampaignRow>();

    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CampaignRow>(t =>
        {
            t.ToTable("reviews_campaigns");
            t.HasKey(x => x.Id).HasName("pk_reviews_campaigns");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.Name).HasColumnName("name");
            t.Property(x => x.Levels).HasColumnName("levels");
            t.Property(x => x.Categories).HasColumnName("categories");
            t.Property(x => x.Targeted).HasColumnName("targeted");
            t.Property(x => x.AutomaticReverification).HasColumnName("automatic_reverification");
            t.Property(x => x.ResponseWorkingDays).HasColumnName("response_working_days");
            t.Property(x => x.LaunchedOn).HasColumnName("launched_on");
            t.Property(x => x.DueOn).HasColumnName("due_on");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.Cursor).HasColumnName("launch_cursor");
            t.Property(x => x.InScope).HasColumnName("in_scope");
            t.Property(x => x.Created).HasColumnName("created");
            t.Property(x => x.Skipped).HasColumnName("skipped");
            t.Property(x => x.LaunchedBy).HasColumnName("launched_by");
            t.Property(x => x.LaunchedAt).HasColumnName("launched_at");
            t.Property(x => x.PopulatedAt).HasColumnName("populated_at");
            t.Property(x => x.LeaseUntil).HasColumnName("lease_until");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => x.LaunchedAt).HasDatabaseName("ix_reviews_campaigns_launched_at");
            t.HasIndex(x => x.Status).HasDatabaseName("ix_reviews_campaigns_status");
        });
        modelBuilder.Entity<ReviewRow>(t =>
        {
            t.ToTable("reviews_reviews");
            t.HasKey(x => x.Id).HasName("pk_reviews_reviews");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.CampaignId).HasColumnName("campaign_id");
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.TalentAccountId).HasColumnName("talent_account_id");
            t.Property(x => x.MaskedName).HasColumnName("masked_name");
            t.Property(x => x.Level).HasColumnName("level");
            t.Property(x => x.Category).HasColumnName("category");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.DueOn).HasColumnName("due_on");
            t.Property(x => x.Reverification).HasColumnName("reverification");
            t.Property(x => x.ReverificationAnswerId).HasColumnName("reverification_answer_id");
            t.Property(x => x.ReverifiedAt).HasColumnName("reverified_at");
            t.Property(x => x.CompletedAt).HasColumnName("completed_at");
            t.Property(x => x.CompletedBy).HasColumnName("completed_by");
            t.Property(x => x.TalentNote).HasColumnName("talent_note");
            t.Property(x => x.ClerkNote).HasColumnName("clerk_note");
            t.Property(x => x.NotifiedAt).HasColumnName("notified_at");
            t.Property(x => x.RemindedAt).HasColumnName("reminded_at");
            t.Property(x => x.OverdueNotifiedAt).HasColumnName("overdue_notified_at");
            t.Property(x => x.CreatedAt).HasColumnName("created_at");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => new { x.CampaignId, x.TalentId }).IsUnique().HasDatabaseName("ux_reviews_reviews_campaign_talent");
            t.HasIndex(x => x.TalentId).IsUnique().HasFilter("status IN ('pending', 'failed')").HasDatabaseName("ux_reviews_reviews_open_talent");
            t.HasIndex(x => new { x.TalentId, x.CreatedAt }).HasDatabaseName("ix_reviews_reviews_talent");
            t.HasIndex(x => new { x.Status, x.DueOn }).HasDatabaseName("ix_reviews_reviews_status_due");
            t.HasIndex(x => new { x.CampaignId, x.Status, x.DueOn }).HasDatabaseName("ix_reviews_reviews_campaign_status");
            t.HasIndex(x => x.Reverification).HasFilter("reverification = 'queued'").HasDatabaseName("ix_reviews_reviews_queued");
        });

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
