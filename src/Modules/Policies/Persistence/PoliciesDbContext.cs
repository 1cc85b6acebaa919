using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Policies.Persistence;

/// <summary>The Policies module's tables (prefixed <c>policies_</c>), created by the SQL in <c>Persistence/Migrations</c>.</summary>
internal sealed class PoliciesDbContext(DbContextOptions<PoliciesDbContext> options) : DbContext(options)
{
    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    public DbSet<StepRow> Steps => Set<StepRow>();

    public DbSet<ExpiryWarningRow> ExpiryWarnings => Set<ExpiryWarningRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var p = modelBuilder.Entity<PolicyRow>();
        p.ToTable("policies_versions");
        p.HasKey(x => x.Id).HasName("pk_policies_versions");
        p.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        p.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        p.Property(x => x.Label).HasColumnName("label").IsRequired();
        p.Property(x => x.TitleZh).HasColumnName("title_zh").IsRequired();
        p.Property(x => x.TitleEn).HasColumnName("title_en").IsRequired();
        p.Property(x => x.Summary).HasColumnName("summary");
        p.Property(x => x.ValidFrom).HasColumnName("valid_from");
        p.Property(x => x.ValidTo).HasColumnName("valid_to");
        p.Property(x => x.DocumentDigest).HasColumnName("document_digest").IsRequired();
        p.Property(x => x.Status).HasColumnName("status").IsRequired();
        p.Property(x => x.SupersedesId).HasColumnName("supersedes_id");
        p.Property(x => x.IsDemo).HasColumnName("is_demo");
        p.Property(x => x.CreatedAt).HasColumnName("created_at");
        p.Property(x => x.CreatedBy).HasColumnName("created_by");
        p.Property(x => x.ApprovedAt).HasColumnName("approved_at");
        p.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        p.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        p.HasIndex(x => x.Label, "ux_policies_versions_label").IsUnique();
        p.HasIndex(x => new { x.Kind, x.Status, x.ValidFrom }, "ix_policies_versions_kind");
        p.HasIndex(x => x.SupersedesId, "ix_policies_versions_supersedes");

        var s = modelBuilder.Entity<StepRow>();
        s.ToTable("policies_steps");
        s.HasKey(x => x.Id).HasName("pk_policies_steps");
        s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        s.Property(x => x.PolicyId).HasColumnName("policy_id");
        s.Property(x => x.Step).HasColumnName("step").IsRequired();
        s.Property(x => x.ActorAccountId).HasColumnName("actor_account_id");
        s.Property(x => x.ActorName).HasColumnName("actor_name").IsRequired();
        s.Property(x => x.At).HasColumnName("at");
        s.Property(x => x.MinutesDigest).HasColumnName("minutes_digest");
        s.Property(x => x.Note).HasColumnName("note");
        s.HasIndex(x => new { x.PolicyId, x.At }, "ix_policies_steps_policy");

        var w = modelBuilder.Entity<ExpiryWarningRow>();
        w.ToTable("policies_expiry_warnings");
        w.HasKey(x => x.PolicyId).HasName("pk_policies_expiry_warnings");
        w.Property(x => x.PolicyId).HasColumnName("policy_id").ValueGeneratedNever();
        w.Property(x => x.WarnedAt).HasColumnName("warned_at");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
