using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Recognition.Domain;

namespace TalentPass.Modules.Recognition.Persistence;

/// <summary>
/// The Recognition module's tables (prefix <c>recognition_</c>), created by the SQL in <c>Persistence/Migrations</c>;
/// every table, column and index is named here so the EF model matches the schema on both providers.
/// </summary>
internal sealed class RecognitionDbContext(DbContextOptions<RecognitionDbContext> options) : DbContext(options)
{
    /// <summary>Open states, as the partial unique index filter <c>ux_recognition_applications_open</c> spells them.</summary>
    public const string OpenFilter = "status IN ('submitted', 'in_review', 'reviewed')";

    public DbSet<RecognitionApplication> Applications => Set<RecognitionApplication>();

    public DbSet<EvidenceDocument> Evidence => Set<EvidenceDocument>();

    public DbSet<DataLookup> Lookups => Set<DataLookup>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();

    public DbSet<EmployerQuota> Quotas => Set<EmployerQuota>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var a = modelBuilder.Entity<RecognitionApplication>();
        a.ToTable("recognition_applications");
        a.HasKey(x => x.Id).HasName("pk_recognition_applications");
        a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        a.Property(x => x.Number).HasColumnName("number").IsRequired();
        a.Property(x => x.TalentId).HasColumnName("talent_id");
        a.Property(x => x.Path).HasColumnName("path").IsRequired();
        a.Property(x => x.Status).HasColumnName("status").IsRequired();
        a.Property(x => x.RequestedLevel).HasColumnName("requested_level").IsRequired();
        a.Property(x => x.LevelAtSubmission).HasColumnName("level_at_submission");
        a.Property(x => x.RecommendedLevel).HasColumnName("recommended_level");
        a.Property(x => x.DecidedLevel).HasColumnName("decided_level");
        a.Property(x => x.CatalogueVersion).HasColumnName("catalogue_version").IsRequired();
        a.Property(x => x.Criteria).HasColumnName("criteria");
        a.Property(x => x.Statement).HasColumnName("statement");
        a.Property(x => x.EmployerOrganisationId).HasColumnName("employer_organisation_id");
        a.Property(x => x.SubmittedBy).HasColumnName("submitted_by");
        a.Property(x => x.SubmittedOnBehalf).HasColumnName("submitted_on_behalf");
        a.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
        a.Property(x => x.PanelFormedAt).HasColumnName("panel_formed_at");
        a.Property(x => x.PanelFormedBy).HasColumnName("panel_formed_by");
        a.Property(x => x.PanelClosedAt).HasColumnName("panel_closed_at");
        a.Property(x => x.ScoreX100).HasColumnName("score_x100");
        a.Property(x => x.ScoresCounted).HasColumnName("scores_counted");
        a.Property(x => x.DecidedBy).HasColumnName("decided_by");
        a.Property(x => x.DecidedAt).HasColumnName("decided_at");
        a.Property(x => x.DecisionReason).HasColumnName("decision_reason");
        a.Property(x => x.EffectiveOn).HasColumnName("effective_on");
        a.Property(x => x.QuotaYear).HasColumnName("quota_year");
        a.Property(x => x.CertificateNumber).HasColumnName("certificate_number");
        a.Property(x => x.CertificateDigest).HasColumnName("certificate_digest");
        a.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        a.Property(x => x.MailAddressCipher).HasColumnName("mail_address_cipher");
        a.Property(x => x.MailCarrier).HasColumnName("mail_carrier");
        a.Property(x => x.MailTrackingNumber).HasColumnName("mail_tracking_number");
        a.Property(x => x.MailedAt).HasColumnName("mailed_at");
        a.Property(x => x.RevokedAt).HasColumnName("revoked_at");
        a.Property(x => x.RevokedBy).HasColumnName("revoked_by");
        a.Property(x => x.RevokeReason).HasColumnName("revoke_reason");
        a.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        a.Ignore(x => x.CriterionCodes);
        a.Ignore(x => x.Score);
        a.HasIndex(x => x.Number).IsUnique().HasDatabaseName("ux_recognition_applications_number");
        a.HasIndex(x => x.CertificateNumber).IsUnique().HasFilter("certificate_number IS NOT NULL").HasDatabaseName("ux_recognition_applications_certificate");
        a.HasIndex(x => x.TalentId).IsUnique().HasFilter(OpenFilter).HasDatabaseName("ux_recognition_applications_open");
        a.HasIndex(x => new { x.TalentId, x.Id }).HasDatabaseName("ix_recognition_applications_talent");
        a.HasIndex(x => new { x.Status, x.Path, x.Id }).HasDatabaseName("ix_recognition_applications_queue");
        a.HasIndex(x => new { x.EmployerOrganisationId, x.Path, x.Id }).HasDatabaseName("ix_recognition_applications_employer");

        var e = modelBuilder.Entity<EvidenceDocument>();
        e.ToTable("recognition_evidence");
        e.HasKey(x => x.Id).HasName("pk_recognition_evidence");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ApplicationId).HasColumnName("application_id");
        e.Property(x => x.FileName).HasColumnName("file_name").IsRequired();
        e.Property(x => x.ContentType).HasColumnName("content_type").IsRequired();
        e.Property(x => x.SizeBytes).HasColumnName("size_bytes");
        e.Property(x => x.Sha256).HasColumnName("sha256").IsRequired();
        e.Property(x => x.Content).HasColumnName("content").IsRequired();
        e.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
        e.Property(x => x.UploadedBy).HasColumnName("uploaded_by");
        e.HasIndex(x => x.ApplicationId).HasDatabaseName("ix_recognition_evidence_application");
        e.HasOne<RecognitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_recognition_evidence_application");

        var l = modelBuilder.Entity<DataLookup>();
        l.ToTable("recognition_lookups");
        l.HasKey(x => x.Id).HasName("pk_recognition_lookups");
        l.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        l.Property(x => x.ApplicationId).HasColumnName("application_id");
        l.Property(x => x.CriterionCode).HasColumnName("criterion_code").IsRequired();
        l.Property(x => x.Source).HasColumnName("source").IsRequired();
        l.Property(x => x.AnswerId).HasColumnName("answer_id");
        l.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        l.Property(x => x.Matched).HasColumnName("matched");
        l.Property(x => x.Explanation).HasColumnName("explanation").IsRequired();
        l.Property(x => x.AnswerSha256).HasColumnName("answer_sha256");
        l.Property(x => x.FetchedAt).HasColumnName("fetched_at");
        l.HasIndex(x => x.ApplicationId).HasDatabaseName("ix_recognition_lookups_application");
        l.HasOne<RecognitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_recognition_lookups_application");

        var x2 = modelBuilder.Entity<Expert>();
        x2.ToTable("recognition_experts");
        x2.HasKey(x => x.AccountId).HasName("pk_recognition_experts");
        x2.Property(x => x.AccountId).HasColumnName("account_id").ValueGeneratedNever();
        x2.Property(x => x.DisplayName).HasColumnName("display_name").IsRequired();
        x2.Property(x => x.AffiliationOrganisationId).HasColumnName("affiliation_organisation_id");
        x2.Property(x => x.AffiliationName).HasColumnName("affiliation_name");
        x2.Property(x => x.Field).HasColumnName("field");
        x2.Property(x => x.IsActive).HasColumnName("is_active");
        x2.Property(x => x.AddedAt).HasColumnName("added_at");
        x2.Property(x => x.AddedBy).HasColumnName("added_by");

        var m = modelBuilder.Entity<PanelMember>();
        m.ToTable("recognition_panel_members");
        m.HasKey(x => new { x.ApplicationId, x.ExpertAccountId }).HasName("pk_recognition_panel_members");
        m.Property(x => x.ApplicationId).HasColumnName("application_id");
        m.Property(x => x.ExpertAccountId).HasColumnName("expert_account_id");
        m.Property(x => x.EmployerConflict).HasColumnName("employer_conflict");
        m.Property(x => x.DeclaredAt).HasColumnName("declared_at");
        m.Property(x => x.HasConflict).HasColumnName("has_conflict");
        m.Property(x => x.ConflictReason).HasColumnName("conflict_reason");
        m.Property(x => x.Score).HasColumnName("score");
        m.Property(x => x.Comment).HasColumnName("comment");
        m.Property(x => x.ScoredAt).HasColumnName("scored_at");
        m.Ignore(x => x.MayScore);
        m.HasIndex(x => new { x.ExpertAccountId, x.ApplicationId }).HasDatabaseName("ix_recognition_panel_members_expert");
        m.HasOne<RecognitionApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("fk_recognition_panel_members_application");

        var q = modelBuilder.Entity<EmployerQuota>();
        q.ToTable("recognition_employer_quotas");
        q.HasKey(x => new { x.OrganisationId, x.Year, x.Level }).HasName("pk_recognition_employer_quotas");
        q.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        q.Property(x => x.Year).HasColumnName("year");
        q.Property(x => x.Level).HasColumnName("level");
        q.Property(x => x.Quota).HasColumnName("quota");
        q.Property(x => x.Used).HasColumnName("used");
        q.Property(x => x.UpdatedAt).HasColumnName("updated_at");
    }
}
