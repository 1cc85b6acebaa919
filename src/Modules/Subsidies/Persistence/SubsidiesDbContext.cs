using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Subsidies.Persistence;

/// <summary>
/// The Subsidies module's tables (prefixed <c>subsidies_</c>), created by the SQL in <c>Persistence/Migrations</c>;
/// every table, column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class SubsidiesDbContext(DbContextOptions<SubsidiesDbContext> options) : DbContext(options)
{
    public DbSet<ScheduleRow> Schedules => Set<ScheduleRow>();

    public DbSet<PaymentRow> Payments => Set<PaymentRow>();

    public DbSet<BatchRow> Batches => Set<BatchRow>();

    public DbSet<HoldRow> Holds => Set<HoldRow>();

    public DbSet<ScheduleEventRow> Events => Set<ScheduleEventRow>();

    public DbSet<FeedCursorRow> Cursors => Set<FeedCursorRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // Capped counts are COUNT(*) over "LIMIT n" without ORDER BY on purpose (any n rows will do).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var s = modelBuilder.Entity<ScheduleRow>();
        s.ToTable("subsidies_schedules");
        s.HasKey(x => x.Id).HasName("pk_subsidies_schedules");
        s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        s.Property(x => x.ApplicationId).HasColumnName("application_id");
        s.Property(x => x.MatterCode).HasColumnName("matter_code").IsRequired();
        s.Property(x => x.MatterVersion).HasColumnName("matter_version");
        s.Property(x => x.TalentId).HasColumnName("talent_id");
        s.Property(x => x.AmountFen).HasColumnName("amount_fen");
        s.Property(x => x.Payments).HasColumnName("payments");
        s.Property(x => x.Scheduled).HasColumnName("scheduled");
        s.Property(x => x.Paid).HasColumnName("paid");
        s.Property(x => x.FirstMonth).HasColumnName("first_month");
        s.Property(x => x.DecidedOn).HasColumnName("decided_on");
        s.Property(x => x.Status).HasColumnName("status").IsRequired();
        s.Property(x => x.StatusReason).HasColumnName("status_reason");
        s.Property(x => x.StatusEvidence).HasColumnName("status_evidence");
        s.Property(x => x.StatusChangedAt).HasColumnName("status_changed_at");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        s.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        s.HasIndex(x => new { x.ApplicationId, x.MatterCode }).IsUnique().HasDatabaseName("ux_subsidies_schedules_application");
        s.HasIndex(x => new { x.TalentId, x.CreatedAt }).HasDatabaseName("ix_subsidies_schedules_talent");
        s.HasIndex(x => new { x.Status, x.FirstMonth }).HasDatabaseName("ix_subsidies_schedules_status");

        var p = modelBuilder.Entity<PaymentRow>();
        p.ToTable("subsidies_payments");
        p.HasKey(x => x.Id).HasName("pk_subsidies_payments");
        p.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        p.Property(x => x.ScheduleId).HasColumnName("schedule_id");
        p.Property(x => x.BatchId).HasColumnName("batch_id");
        p.Property(x => x.TalentId).HasColumnName("talent_id");
        p.Property(x => x.Month).HasColumnName("month");
        p.Property(x => x.Sequence).HasColumnName("sequence");
        p.Property(x => x.AmountFen).HasColumnName("amount_fen");
        p.Property(x => x.Status).HasColumnName("status").IsRequired();
        p.Property(x => x.CreatedAt).HasColumnName("created_at");
        p.Property(x => x.PaidAt).HasColumnName("paid_at");
        p.HasIndex(x => new { x.ScheduleId, x.Month }).IsUnique().HasDatabaseName("ux_subsidies_payments_schedule_month");
        p.HasIndex(x => new { x.ScheduleId, x.Sequence }).IsUnique().HasDatabaseName("ux_subsidies_payments_schedule_sequence");
        p.HasIndex(x => new { x.BatchId, x.Id }).HasDatabaseName("ix_subsidies_payments_batch");

        var b = modelBuilder.Entity<BatchRow>();
        b.ToTable("subsidies_batches");
        b.HasKey(x => x.Id).HasName("pk_subsidies_batches");
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.Month).HasColumnName("month");
        b.Property(x => x.Status).HasColumnName("status").IsRequired();
        b.Property(x => x.PaymentCount).HasColumnName("payment_count");
        b.Property(x => x.TotalFen).HasColumnName("total_fen");
        b.Property(x => x.HeldCount).HasColumnName("held_count");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.CreatedBy).HasColumnName("created_by");
        b.Property(x => x.ConfirmedAt).HasColumnName("confirmed_at");
        b.Property(x => x.ConfirmedBy).HasColumnName("confirmed_by");
        b.Property(x => x.BankReference).HasColumnName("bank_reference");
        b.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        b.HasIndex(x => x.Month).IsUnique().HasDatabaseName("ux_subsidies_batches_month");

        var h = modelBuilder.Entity<HoldRow>();
        h.ToTable("subsidies_holds");
        h.HasKey(x => x.Id).HasName("pk_subsidies_holds");
        h.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        h.Property(x => x.BatchId).HasColumnName("batch_id");
        h.Property(x => x.ScheduleId).HasColumnName("schedule_id");
        h.Property(x => x.TalentId).HasColumnName("talent_id");
        h.Property(x => x.Reason).HasColumnName("reason").IsRequired();
        h.Property(x => x.AnswerId).HasColumnName("answer_id");
        h.Property(x => x.CreatedAt).HasColumnName("created_at");
        h.HasIndex(x => new { x.BatchId, x.ScheduleId }).IsUnique().HasDatabaseName("ux_subsidies_holds_batch_schedule");

        var e = modelBuilder.Entity<ScheduleEventRow>();
        e.ToTable("subsidies_schedule_events");
        e.HasKey(x => x.Id).HasName("pk_subsidies_schedule_events");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ScheduleId).HasColumnName("schedule_id");
        e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        e.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        e.Property(x => x.Reason).HasColumnName("reason");
        e.Property(x => x.Evidence).HasColumnName("evidence");
        e.Property(x => x.ActorAccountId).HasColumnName("actor_account_id");
        e.HasIndex(x => new { x.ScheduleId, x.OccurredAt }).HasDatabaseName("ix_subsidies_schedule_events_schedule");

        var c = modelBuilder.Entity<FeedCursorRow>();
        c.ToTable("subsidies_feed_cursors");
        c.HasKey(x => x.Id).HasName("pk_subsidies_feed_cursors");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.Position).HasColumnName("position");
        c.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
