using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentPass.Modules.Talents.Domain;

namespace TalentPass.Modules.Talents.Persistence;

/// <summary>
/// The Talents module's tables (all prefixed <c>talents_</c>). The schema is created by the hand-written SQL in
/// <c>Persistence/Migrations/{Sqlite,Postgres}</c>; this mapping names every table, column, key and index
/// explicitly so that the EF model and the migrated schema agree on both providers. Strings are unbounded
/// <c>text</c> in the schema; lengths are enforced at the edge (request validation, <c>ProfileFields</c>).
/// </summary>
internal sealed class TalentsDbContext(DbContextOptions<TalentsDbContext> options) : DbContext(options)
{
    public DbSet<Talent> Talents => Set<Talent>();

    public DbSet<FieldProvenance> Provenance => Set<FieldProvenance>();

    public DbSet<LevelHistoryEntry> LevelHistory => Set<LevelHistoryEntry>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<TalentEvent> Events => Set<TalentEvent>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // Capped counts are COUNT(*) over "LIMIT n" without ORDER BY on purpose (any n rows will do).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigureTalent(modelBuilder.Entity<Talent>(), IsPostgres);
        ConfigureProvenance(modelBuilder.Entity<FieldProvenance>());
        ConfigureLevelHistory(modelBuilder.Entity<LevelHistoryEntry>());
        ConfigureChangeRequest(modelBuilder.Entity<ChangeRequest>());
        ConfigureEnterprise(modelBuilder);
        ConfigureEvent(modelBuilder.Entity<TalentEvent>());
    }

    private static void ConfigureEvent(EntityTypeBuilder<TalentEvent> e)
    {
        e.ToTable("talents_events");
        e.HasKey(x => x.Sequence).HasName("pk_talents_events");
        e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
        e.Property(x => x.EventId).HasColumnName("event_id");
        e.Property(x => x.TalentId).HasColumnName("talent_id");
        e.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        e.Property(x => x.Level).HasColumnName("level").IsRequired();
        e.Property(x => x.Category).HasColumnName("category").IsRequired();
        e.Property(x => x.Status).HasColumnName("status").IsRequired();
        e.Property(x => x.FromLevel).HasColumnName("from_level");
        e.Property(x => x.FromStatus).HasColumnName("from_status");
        e.Property(x => x.EffectiveOn).HasColumnName("effective_on");
        e.Property(x => x.DecisionReference).HasColumnName("decision_reference");
        e.Property(x => x.DecidedBy).HasColumnName("decided_by");
        e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        e.HasIndex(x => x.EventId).IsUnique().HasDatabaseName("ux_talents_events_event_id");
        e.HasIndex(x => new { x.TalentId, x.Sequence }).HasDatabaseName("ix_talents_events_talent");
    }

    private static void ConfigureTalent(EntityTypeBuilder<Talent> t, bool postgres)
    {
        t.ToTable("talents_talents");
        t.HasKey(x => x.Id).HasName("pk_talents_talents");
        t.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        var name = t.Property(x => x.Name).HasColumnName("name").IsRequired();
        t.Property(x => x.Gender).HasColumnName("gender").IsRequired();
        t.Property(x => x.BirthDate).HasColumnName("birth_date");
        t.Property(x => x.IdNumberCipher).HasColumnName("id_number_cipher").IsRequired();
        t.Property(x => x.IdNumberHash).HasColumnName("id_number_hash").IsRequired();
        t.Property(x => x.IdSuffix).HasColumnName("id_suffix").IsRequired();
        t.Property(x => x.IdMasked).HasColumnName("id_masked").IsRequired();
        t.Property(x => x.PhoneCipher).HasColumnName("phone_cipher");
        t.Property(x => x.PhoneHash).HasColumnName("phone_hash");
        t.Property(x => x.PhoneMasked).HasColumnName("phone_masked");
        t.Property(x => x.AddressCipher).HasColumnName("address_cipher");
        t.Property(x => x.EducationDegree).HasColumnName("education_degree");
        t.Property(x => x.EducationSchool).HasColumnName("education_school");
        t.Property(x => x.EducationMajor).HasColumnName("education_major");
        t.Property(x => x.EducationGraduationYear).HasColumnName("education_graduation_year");
        t.Property(x => x.AcademicTitles).HasColumnName("academic_titles");
        t.Property(x => x.AcademicFields).HasColumnName("academic_fields");
        t.Property(x => x.ResearchProjects).HasColumnName("research_projects");
        t.Property(x => x.ResearchPapers).HasColumnName("research_papers");
        t.Property(x => x.ResearchPatents).HasColumnName("research_patents");
        t.Property(x => x.Honours).HasColumnName("honours");
        t.Property(x => x.EmployerOrganisationId).HasColumnName("employer_organisation_id");
        var employer = t.Property(x => x.EmployerName).HasColumnName("employer_name");
        t.Property(x => x.AccountId).HasColumnName("account_id");
        t.Property(x => x.Level).HasColumnName("level").IsRequired();
        t.Property(x => x.LevelEffectiveOn).HasColumnName("level_effective_on");
        t.Property(x => x.Category).HasColumnName("category").IsRequired();
        t.Property(x => x.CategoryEffectiveOn).HasColumnName("category_effective_on");
        t.Property(x => x.Status).HasColumnName("status").IsRequired();
        t.Property(x => x.StatusChangedAt).HasColumnName("status_changed_at");
        t.Property(x => x.StatusReason).HasColumnName("status_reason");
        t.Property(x => x.CreatedAt).HasColumnName("created_at");
        t.Property(x => x.RegistrationSource).HasColumnName("registration_source");
        t.Property(x => x.RegisteredBy).HasColumnName("registered_by");
        t.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        t.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        if (postgres)
        {
            // Code-point order: prefix search by range and ORDER BY name use the same b-tree (see README).
            name.UseCollation("C");
            employer.UseCollation("C");
        }

        t.HasIndex(x => x.IdNumberHash).IsUnique().HasDatabaseName("ux_talents_talents_id_number_hash");
        t.HasIndex(x => x.AccountId).IsUnique().HasFilter("account_id IS NOT NULL").HasDatabaseName("ux_talents_talents_account_id");
        t.HasIndex(x => new { x.Name, x.Id }).HasDatabaseName("ix_talents_talents_name");
        t.HasIndex(x => new { x.IdSuffix, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_id_suffix");
        t.HasIndex(x => new { x.Level, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_level_name");
        t.HasIndex(x => new { x.Level, x.Status, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_level_status_name");
        t.HasIndex(x => new { x.Status, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_status_name");
        t.HasIndex(x => new { x.EmployerName, x.Level, x.Status, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_employer_name");
        t.HasIndex(x => new { x.EmployerOrganisationId, x.Name, x.Id }).HasDatabaseName("ix_talents_talents_employer_organisation");
        t.HasIndex(x => x.PhoneHash).HasDatabaseName("ix_talents_talents_phone_hash");
    }

    private static void ConfigureProvenance(EntityTypeBuilder<FieldProvenance> p)
    {
        p.ToTable("talents_field_provenance");
        p.HasKey(x => new { x.TalentId, x.Field }).HasName("pk_talents_field_provenance");
        p.Property(x => x.TalentId).HasColumnName("talent_id");
        p.Property(x => x.Field).HasColumnName("field");
        p.Property(x => x.State).HasColumnName("state").IsRequired();
        p.Property(x => x.VerifiedBy).HasColumnName("verified_by");
        p.Property(x => x.Source).HasColumnName("source").IsRequired();
        p.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        p.Ignore(x => x.IsVerified);
        p.HasOne<Talent>().WithMany().HasForeignKey(x => x.TalentId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_talents_field_provenance_talent");
    }

    private static void ConfigureLevelHistory(EntityTypeBuilder<LevelHistoryEntry> h)
    {
        h.ToTable("talents_level_history");
        h.HasKey(x => x.Id).HasName("pk_talents_level_history");
        h.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        h.Property(x => x.TalentId).HasColumnName("talent_id");
        h.Property(x => x.FromLevel).HasColumnName("from_level");
        h.Property(x => x.ToLevel).HasColumnName("to_level").IsRequired();
        h.Property(x => x.FromCategory).HasColumnName("from_category");
        h.Property(x => x.ToCategory).HasColumnName("to_category").IsRequired();
        h.Property(x => x.EffectiveOn).HasColumnName("effective_on");
        h.Property(x => x.Reason).HasColumnName("reason").IsRequired();
        h.Property(x => x.DecidedBy).HasColumnName("decided_by");
        h.Property(x => x.DecidedAt).HasColumnName("decided_at");
        h.HasIndex(x => new { x.TalentId, x.Id }).HasDatabaseName("ix_talents_level_history_talent");
        h.HasOne<Talent>().WithMany().HasForeignKey(x => x.TalentId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_talents_level_history_talent");
    }

    private static void ConfigureChangeRequest(EntityTypeBuilder<ChangeRequest> c)
    {
        c.ToTable("talents_change_requests");
        c.HasKey(x => x.Id).HasName("pk_talents_change_requests");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.TalentId).HasColumnName("talent_id");
        c.Property(x => x.Field).HasColumnName("field").IsRequired();
        c.Property(x => x.ProposedValue).HasColumnName("proposed_value");
        c.Property(x => x.Status).HasColumnName("status").IsRequired();
        c.Property(x => x.RequestedBy).HasColumnName("requested_by");
        c.Property(x => x.RequestedAt).HasColumnName("requested_at");
        c.Property(x => x.ReviewerId).HasColumnName("reviewer_id");
        c.Property(x => x.ReviewReason).HasColumnName("review_reason");
        c.Property(x => x.ReviewedAt).HasColumnName("reviewed_at");
        c.Ignore(x => x.IsPending);
        c.HasIndex(x => new { x.Status, x.Id }).HasDatabaseName("ix_talents_change_requests_status");
        c.HasIndex(x => new { x.TalentId, x.Id }).HasDatabaseName("ix_talents_change_requests_talent");
        c.HasIndex(x => new { x.TalentId, x.Field }).IsUnique().HasFilter("status = 'pending'")
            .HasDatabaseName("ux_talents_change_requests_pending_field");
        c.HasOne<Talent>().WithMany().HasForeignKey(x => x.TalentId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_talents_change_requests_talent");
    }

    private static void ConfigureEnterprise(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<Enterprise>();
        e.ToTable("talents_enterprises");
        e.HasKey(x => x.OrganisationId).HasName("pk_talents_enterprises");
        e.Property(x => x.OrganisationId).HasColumnName("organisation_id").ValueGeneratedNever();
        e.Property(x => x.CreditCode).HasColumnName("credit_code").IsRequired();
        e.Property(x => x.LegalRepresentative).HasColumnName("legal_representative").IsRequired();
        e.Property(x => x.FoundedOn).HasColumnName("founded_on");
        e.Property(x => x.Industry).HasColumnName("industry");
        e.Property(x => x.FounderTalentId).HasColumnName("founder_talent_id");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        e.HasIndex(x => x.CreditCode).IsUnique().HasDatabaseName("ux_talents_enterprises_credit_code");
        e.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_talents_enterprise_projects_enterprise");
        e.HasMany(x => x.Cooperations).WithOne().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_talents_enterprise_cooperations_enterprise");

        var p = modelBuilder.Entity<EnterpriseProject>();
        p.ToTable("talents_enterprise_projects");
        p.HasKey(x => x.Id).HasName("pk_talents_enterprise_projects");
        p.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        p.Property(x => x.EnterpriseId).HasColumnName("enterprise_id");
        p.Property(x => x.Name).HasColumnName("name").IsRequired();
        p.Property(x => x.Description).HasColumnName("description");
        p.Property(x => x.FundingFen).HasColumnName("funding_fen");
        p.Property(x => x.StartsOn).HasColumnName("starts_on");
        p.Property(x => x.EndsOn).HasColumnName("ends_on");
        p.HasIndex(x => x.EnterpriseId).HasDatabaseName("ix_talents_enterprise_projects_enterprise");

        var c = modelBuilder.Entity<EnterpriseCooperation>();
        c.ToTable("talents_enterprise_cooperations");
        c.HasKey(x => x.Id).HasName("pk_talents_enterprise_cooperations");
        c.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        c.Property(x => x.EnterpriseId).HasColumnName("enterprise_id");
        c.Property(x => x.PartnerName).HasColumnName("partner_name").IsRequired();
        c.Property(x => x.Description).HasColumnName("description");
        c.Property(x => x.Since).HasColumnName("since");
        c.HasIndex(x => x.EnterpriseId).HasDatabaseName("ix_talents_enterprise_cooperations_enterprise");
    }
}
