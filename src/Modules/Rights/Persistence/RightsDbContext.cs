using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Rights.Persistence;

/// <summary>
/// The Rights module's tables (prefix <c>rights_</c>), created by the SQL in <c>Persistence/Migrations</c>.
/// Instants are UTC ticks (INTEGER) on SQLite and timestamptz on PostgreSQL; dates are TEXT yyyy-MM-dd / date.
/// </summary>
internal sealed class RightsDbContext(DbContextOptions<RightsDbContext> options) : DbContext(options)
{
    public DbSet<RightRow> Rights => Set<RightRow>();

    public DbSet<RightRevisionRow> Revisions => Set<RightRevisionRow>();

    public DbSet<CatalogueStateRow> State => Set<CatalogueStateRow>();

    public DbSet<FamilyMemberRow> FamilyMembers => Set<FamilyMemberRow>();

    public DbSet<FinancingRow> Financing => Set<FinancingRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<RightRow>(t =>
        {
            t.ToTable("rights_rights");
            t.HasKey(x => x.Id).HasName("pk_rights_rights");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.Code).HasColumnName("code");
            t.Property(x => x.Kind).HasColumnName("kind");
            t.Property(x => x.NameZh).HasColumnName("name_zh");
            t.Property(x => x.NameEn).HasColumnName("name_en");
            t.Property(x => x.DescriptionZh).HasColumnName("description_zh");
            t.Property(x => x.DescriptionEn).HasColumnName("description_en");
            t.Property(x => x.ProviderOrganisationId).HasColumnName("provider_organisation_id");
            t.Property(x => x.Levels).HasColumnName("levels");
            t.Property(x => x.Categories).HasColumnName("categories");
            t.Property(x => x.FamilyRelations).HasColumnName("family_relations");
            t.Property(x => x.ValidFrom).HasColumnName("valid_from");
            t.Property(x => x.ValidTo).HasColumnName("valid_to");
            t.Property(x => x.PolicyVersion).HasColumnName("policy_version");
            t.Property(x => x.ServicePoints).HasColumnName("service_points");
            t.Property(x => x.RequiresOnlineVerification).HasColumnName("requires_online_verification");
            t.Property(x => x.AllowsOfflineRedemption).HasColumnName("allows_offline_redemption");
            t.Property(x => x.StaticCodeAccepted).HasColumnName("static_code_accepted");
            t.Property(x => x.ValueFen).HasColumnName("value_fen");
            t.Property(x => x.Quotas).HasColumnName("quotas");
            t.Property(x => x.Pools).HasColumnName("pools");
            t.Property(x => x.ReversalWindowMinutes).HasColumnName("reversal_window_minutes");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.IsDemo).HasColumnName("is_demo");
            t.Property(x => x.Revision).HasColumnName("revision").IsConcurrencyToken();
            t.Property(x => x.CreatedAt).HasColumnName("created_at");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            t.Property(x => x.UpdatedBy).HasColumnName("updated_by");
            t.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_rights_rights_code");
            t.HasIndex(x => new { x.ProviderOrganisationId, x.Status }).HasDatabaseName("ix_rights_rights_provider");
        });
        modelBuilder.Entity<RightRevisionRow>(t =>
        {
            t.ToTable("rights_right_revisions");
            t.HasKey(x => new { x.RightId, x.Revision }).HasName("pk_rights_right_revisions");
            t.Property(x => x.RightId).HasColumnName("right_id");
            t.Property(x => x.Revision).HasColumnName("revision");
            t.Property(x => x.Action).HasColumnName("action");
            t.Property(x => x.Definition).HasColumnName("definition");
            t.Property(x => x.ChangedFields).HasColumnName("changed_fields");
            t.Property(x => x.Note).HasColumnName("note");
            t.Property(x => x.ChangedAt).HasColumnName("changed_at");
            t.Property(x => x.ChangedBy).HasColumnName("changed_by");
        });
        modelBuilder.Entity<CatalogueStateRow>(t =>
        {
            t.ToTable("rights_catalogue_state");
            t.HasKey(x => x.Id).HasName("pk_rights_catalogue_state");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.Revision).HasColumnName("revision");
            t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<FamilyMemberRow>(t =>
        {
            t.ToTable("rights_family_members");
            t.HasKey(x => x.Id).HasName("pk_rights_family_members");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.Relation).HasColumnName("relation");
            t.Property(x => x.NameProtected).HasColumnName("name_protected");
            t.Property(x => x.MaskedName).HasColumnName("masked_name");
            t.Property(x => x.IdNumberProtected).HasColumnName("id_number_protected");
            t.Property(x => x.IdNumberIndex).HasColumnName("id_number_index");
            t.Property(x => x.MaskedIdNumber).HasColumnName("masked_id_number");
            t.Property(x => x.CreatedAt).HasColumnName("created_at");
            t.Property(x => x.RemovedAt).HasColumnName("removed_at");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => x.TalentId).HasDatabaseName("ix_rights_family_members_talent");
            t.HasIndex(x => new { x.TalentId, x.IdNumberIndex }).IsUnique().HasFilter("removed_at IS NULL")
                .HasDatabaseName("ux_rights_family_members_person");
        });
        modelBuilder.Entity<FinancingRow>(t =>
        {
            t.ToTable("rights_financing_applications");
            t.HasKey(x => x.Id).HasName("pk_rights_financing_applications");
            t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            t.Property(x => x.Reference).HasColumnName("reference");
            t.Property(x => x.TalentId).HasColumnName("talent_id");
            t.Property(x => x.TalentMaskedName).HasColumnName("talent_masked_name");
            t.Property(x => x.TalentLevel).HasColumnName("talent_level");
            t.Property(x => x.RightId).HasColumnName("right_id");
            t.Property(x => x.BankOrganisationId).HasColumnName("bank_organisation_id");
            t.Property(x => x.AmountFen).HasColumnName("amount_fen");
            t.Property(x => x.TermMonths).HasColumnName("term_months");
            t.Property(x => x.Purpose).HasColumnName("purpose");
            t.Property(x => x.Status).HasColumnName("status");
            t.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
            t.Property(x => x.AnsweredAt).HasColumnName("answered_at");
            t.Property(x => x.AnsweredBy).HasColumnName("answered_by");
            t.Property(x => x.ApprovedAmountFen).HasColumnName("approved_amount_fen");
            t.Property(x => x.BankNote).HasColumnName("bank_note");
            t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            t.HasIndex(x => x.Reference).IsUnique().HasDatabaseName("ux_rights_financing_reference");
            t.HasIndex(x => new { x.TalentId, x.SubmittedAt }).HasDatabaseName("ix_rights_financing_talent");
            t.HasIndex(x => new { x.BankOrganisationId, x.Status, x.SubmittedAt }).HasDatabaseName("ix_rights_financing_bank");
        });

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
