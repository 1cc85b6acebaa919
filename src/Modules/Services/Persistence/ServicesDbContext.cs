using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Services.Persistence;

/// <summary>
/// The Services module's tables (prefix <c>services_</c>), created by the SQL in <c>Persistence/Migrations</c>.
/// Instants are UTC ticks (INTEGER) on SQLite and timestamptz on PostgreSQL; dates are TEXT yyyy-MM-dd / date.
/// </summary>
internal sealed class ServicesDbContext(DbContextOptions<ServicesDbContext> options) : DbContext(options)
{
    public DbSet<ThemeRow> Themes => Set<ThemeRow>();

    public DbSet<CategoryRow> Categories => Set<CategoryRow>();

    public DbSet<MatterRow> Matters => Set<MatterRow>();

    public DbSet<MatterVersionRow> MatterVersions => Set<MatterVersionRow>();

    public DbSet<ApplicationRow> Applications => Set<ApplicationRow>();

    public DbSet<ItemRow> Items => Set<ItemRow>();

    public DbSet<StepRow> Steps => Set<StepRow>();

    public DbSet<HistoryRow> History => Set<HistoryRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // Capped counts are COUNT(*) over "LIMIT n" without ORDER BY on purpose (any n rows will do).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ThemeRow>(t =>
        {
            t.ToTable("services_themes");
            t.HasKey(x => x.Code).HasName("pk_services_themes");
            t.Property(x => x.Code).HasColumnName("code");
            t.Property(x => x.NameZh).HasColumnName("name_zh");
            t.Property(x => x.NameEn).HasColumnName("name_en");
            t.Property(x => x.Position).HasColumnName("position");
        });
        modelBuilder.Entity<CategoryRow>(t =>
        {
            t.ToTable("services_categories");
            t.HasKey(x => x.Code).HasName("pk_services_categories");
            t.Property(x => x.Code).HasColumnName("code");
            t.Property(x => x.ThemeCode).HasColumnName("theme_code");
            t.Property(x => x.NameZh).HasColumnName("name_zh");
            t.Property(x => x.NameEn).HasColumnName("name_en");
            t.Property(x => x.Position).HasColumnName("position");
            t.HasIndex(x => new { x.ThemeCode, x.Position }).HasDatabaseName("ix_services_categories_theme");
        });
        modelBuilder.Entity<MatterRow>(t =>
        {
            t.ToTable("services_matters");
            t.HasKey(x => x.Code).HasName("pk_services_matters");
            t.Property(x => x.Code).HasColumnName("code");
            t.Property(x => x.CategoryCode).HasColumnName("category_code");
            t.Property(x => x.NameZh).HasColumnName("name_zh");
            t.Property(x => x.NameEn).HasColumnName("name_en");
            t.Property(x => x.DescriptionZh).HasColumnName("description_zh");
            t.Property(x => x.DescriptionEn).HasColumnName("description_en");
            t.Property(x => x.FirstBatch).HasColumnName("first_batch");
            t.Property(x => x.IsDemo).HasColumnName("is_demo");
            t.Property(x => x.IsOnline).HasColumnName("is_online");
            t.Property(x => x.CurrentVersion).HasColumnName("current_version");
            t.Property(x => x.Position).HasColumnName("position");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => new { x.CategoryCode, x.Position }).HasDatabaseName("ix_services_matters_category");
        });
        modelBuilder.Entity<MatterVersionRow>(t =>
        {
            t.ToTable("services_matter_versions");
            t.HasKey(x => new { x.MatterCode, x.Number }).HasName("pk_services_matter_versions");
            t.Property(x => x.MatterCode).HasColumnName("matter_code");
            t.Property(x => x.Number).HasColumnName("number");
            t.Property(x => x.Definition).HasColumnName("definition");
            t.Property(x => x.ValidFrom).HasColumnName("valid_from");
            t.Property(x => x.ValidTo).HasColumnName("valid_to");
            t.Property(x => x.PublishedAt).HasColumnName("published_at");
            t.Property(x => x.PublishedBy).HasColumnName("published_by");
            t.Property(x => x.Note).HasColumnName("note");
        });
        modelBuilder.Entity<ApplicationRow>(t =>
        {
            t.ToTable("services_applications");
            t.HasKey(x => x.Id).HasName("pk_services_applications");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.Reference).HasColumnName("reference");
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.Channel).HasColumnName("channel");
            t.Property(x => x.SubmittedBy).HasColumnName("submitted_by");
            t.Property(x => x.WindowOrganisationId).HasColumnName("window_organisation_id");
            t.Property(x => x.IdentityCheckedAt).HasColumnName("identity_checked_at");
            t.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
            t.Property(x => x.AcceptedOn).HasColumnName("accepted_on");
            t.HasIndex(x => x.Reference).IsUnique().HasDatabaseName("ux_services_applications_reference");
            t.HasIndex(x => new { x.TalentId, x.SubmittedAt }).HasDatabaseName("ix_services_applications_talent");
        });
        modelBuilder.Entity<ItemRow>(t =>
        {
            t.ToTable("services_items");
            t.HasKey(x => x.Id).HasName("pk_services_items");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.ApplicationId).HasColumnName("application_id");
            t.Property(x => x.Reference).HasColumnName("reference");
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.TalentAccountId).HasColumnName("talent_account_id");
            t.Property(x => x.TalentMaskedName).HasColumnName("talent_masked_name");
            t.Property(x => x.MatterCode).HasColumnName("matter_code");
            t.Property(x => x.MatterVersion).HasColumnName("matter_version");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.AcceptedOn).HasColumnName("accepted_on");
            t.Property(x => x.DueOn).HasColumnName("due_on");
            t.Property(x => x.DueProblem).HasColumnName("due_problem");
            t.Property(x => x.PausedSince).HasColumnName("paused_since");
            t.Property(x => x.PausedWorkingDays).HasColumnName("paused_working_days");
            t.Property(x => x.SupplementRequest).HasColumnName("supplement_request");
            t.Property(x => x.Outcome).HasColumnName("outcome");
            t.Property(x => x.DecidedAt).HasColumnName("decided_at");
            t.Property(x => x.DecidedOn).HasColumnName("decided_on");
            t.Property(x => x.AutoDecided).HasColumnName("auto_decided");
            t.Property(x => x.RuleVersion).HasColumnName("rule_version");
            t.Property(x => x.Evidence).HasColumnName("evidence");
            t.Property(x => x.ExplanationZh).HasColumnName("explanation_zh");
            t.Property(x => x.ExplanationEn).HasColumnName("explanation_en");
            t.Property(x => x.ClerkReasonZh).HasColumnName("clerk_reason_zh");
            t.Property(x => x.ClerkReasonEn).HasColumnName("clerk_reason_en");
            t.Property(x => x.Prefill).HasColumnName("prefill");
            t.Property(x => x.Materials).HasColumnName("materials");
            t.Property(x => x.AmountFen).HasColumnName("amount_fen");
            t.Property(x => x.Payments).HasColumnName("payments");
            t.Property(x => x.Delivery).HasColumnName("delivery");
            t.Property(x => x.TrackingNumber).HasColumnName("tracking_number");
            t.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
            t.Property(x => x.WarnedAt).HasColumnName("warned_at");
            t.Property(x => x.EscalatedAt).HasColumnName("escalated_at");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => new { x.ApplicationId }).HasDatabaseName("ix_services_items_application");
            t.HasIndex(x => new { x.TalentId, x.MatterCode, x.Status }).HasDatabaseName("ix_services_items_talent_matter");
            t.HasIndex(x => new { x.TalentId, x.MatterCode }).IsUnique().HasFilter("status IN ('in_review', 'supplement')")
                .HasDatabaseName("ux_services_items_open");
            t.HasIndex(x => new { x.Status, x.DueOn }).HasDatabaseName("ix_services_items_status_due");
            t.HasIndex(x => new { x.MatterCode, x.DecidedOn }).HasDatabaseName("ix_services_items_matter_decided");
        });
        modelBuilder.Entity<StepRow>(t =>
        {
            t.ToTable("services_steps");
            t.HasKey(x => x.Id).HasName("pk_services_steps");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.ItemId).HasColumnName("item_id");
            t.Property(x => x.ApplicationId).HasColumnName("application_id");
            var reference = t.Property(x => x.Reference).HasColumnName("reference");
            if (!Database.IsSqlite())
            {
                reference.UseCollation("C"); // prefix search by range on the same b-tree order
            }

            t.Property(x => x.MatterCode).HasColumnName("matter_code");
            t.Property(x => x.TalentMaskedName).HasColumnName("talent_masked_name");
            t.Property(x => x.DepartmentId).HasColumnName("department_id");
            t.Property(x => x.Stage).HasColumnName("stage");
            t.Property(x => x.NameZh).HasColumnName("name_zh");
            t.Property(x => x.NameEn).HasColumnName("name_en");
            t.Property(x => x.RequiresSecond).HasColumnName("requires_second");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.DueOn).HasColumnName("due_on");
            t.Property(x => x.Paused).HasColumnName("paused");
            t.Property(x => x.Escalated).HasColumnName("escalated");
            t.Property(x => x.FirstBy).HasColumnName("first_by");
            t.Property(x => x.FirstAt).HasColumnName("first_at");
            t.Property(x => x.SecondBy).HasColumnName("second_by");
            t.Property(x => x.SecondAt).HasColumnName("second_at");
            t.Property(x => x.Reason).HasColumnName("reason");
            t.Property(x => x.DecidedOn).HasColumnName("decided_on");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => new { x.DepartmentId, x.Status, x.DueOn, x.Id }).HasDatabaseName("ix_services_steps_queue");
            t.HasIndex(x => x.ItemId).HasDatabaseName("ix_services_steps_item");
            t.HasIndex(x => new { x.DepartmentId, x.Status, x.MatterCode, x.DueOn, x.Id }).HasDatabaseName("ix_services_steps_queue_matter");
            t.HasIndex(x => new { x.DepartmentId, x.Status, x.Reference }).HasDatabaseName("ix_services_steps_reference");
        });
        modelBuilder.Entity<HistoryRow>(t =>
        {
            t.ToTable("services_history");
            t.HasKey(x => x.Id).HasName("pk_services_history");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.ApplicationId).HasColumnName("application_id");
            t.Property(x => x.ItemId).HasColumnName("item_id");
            t.Property(x => x.At).HasColumnName("at");
            t.Property(x => x.ActorAccountId).HasColumnName("actor_account_id");
            t.Property(x => x.ActorKind).HasColumnName("actor_kind");
            t.Property(x => x.Action).HasColumnName("action");
            t.Property(x => x.TextZh).HasColumnName("text_zh");
            t.Property(x => x.TextEn).HasColumnName("text_en");
            t.HasIndex(x => new { x.ApplicationId, x.At }).HasDatabaseName("ix_services_history_application");
        });
        modelBuilder.Entity<DecisionRow>(t =>
        {
            t.ToTable("services_decisions");
            t.HasKey(x => x.Sequence).HasName("pk_services_decisions");
            t.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            t.Property(x => x.ItemId).HasColumnName("item_id");
            t.Property(x => x.ApplicationId).HasColumnName("application_id");
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.MatterCode).HasColumnName("matter_code");
            t.Property(x => x.MatterVersion).HasColumnName("matter_version");
            t.Property(x => x.Outcome).HasColumnName("outcome");
            t.Property(x => x.AmountFen).HasColumnName("amount_fen");
            t.Property(x => x.Payments).HasColumnName("payments");
            t.Property(x => x.DecidedOn).HasColumnName("decided_on");
            t.Property(x => x.DecidedAt).HasColumnName("decided_at");
            t.Property(x => x.DispatchedAt).HasColumnName("dispatched_at");
            t.HasIndex(x => x.ItemId).IsUnique().HasDatabaseName("ux_services_decisions_item");
            t.HasIndex(x => x.DispatchedAt).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_services_decisions_undispatched");
        });

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }

}
