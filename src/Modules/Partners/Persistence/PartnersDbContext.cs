using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Partners.Persistence;

/// <summary>
/// The Partners module's tables (prefixed <c>partners_</c>), created by the SQL in <c>Persistence/Migrations</c>; every
/// table, column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class PartnersDbContext(DbContextOptions<PartnersDbContext> options) : DbContext(options)
{
    public DbSet<PartnerRow> Partners => Set<PartnerRow>();

    public DbSet<ApplicationRow> Applications => Set<ApplicationRow>();

    public DbSet<ApplicationFileRow> ApplicationFiles => Set<ApplicationFileRow>();

    public DbSet<StatusChangeRow> StatusChanges => Set<StatusChangeRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    public DbSet<NonceRow> Nonces => Set<NonceRow>();

    public DbSet<IdempotencyRow> Idempotency => Set<IdempotencyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var p = modelBuilder.Entity<PartnerRow>();
        p.ToTable("partners_partners");
        p.HasKey(x => x.OrganisationId).HasName("pk_partners_partners");
        p.Property(x => x.OrganisationId).HasColumnName("organisation_id").ValueGeneratedNever();
        p.Property(x => x.Code).HasColumnName("code").IsRequired();
        p.Property(x => x.Name).HasColumnName("name").IsRequired();
        p.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        p.Property(x => x.Status).HasColumnName("status").IsRequired();
        p.Property(x => x.LicenceCode).HasColumnName("licence_code").IsRequired();
        p.Property(x => x.ContactName).HasColumnName("contact_name").IsRequired();
        p.Property(x => x.ContactPhone).HasColumnName("contact_phone").IsRequired();
        p.Property(x => x.ContactEmail).HasColumnName("contact_email");
        p.Property(x => x.AgreementDigest).HasColumnName("agreement_digest").IsRequired();
        p.Property(x => x.AgreementLedgerIndex).HasColumnName("agreement_ledger_index");
        p.Property(x => x.ApplicationId).HasColumnName("application_id");
        p.Property(x => x.RateLimitPerMinute).HasColumnName("rate_limit_per_minute");
        p.Property(x => x.OnboardedAt).HasColumnName("onboarded_at");
        p.Property(x => x.OnboardedBy).HasColumnName("onboarded_by");
        p.Property(x => x.StatusChangedAt).HasColumnName("status_changed_at");
        p.Property(x => x.StatusReason).HasColumnName("status_reason");
        p.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        p.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_partners_partners_code");
        p.HasIndex(x => x.LicenceCode).IsUnique().HasDatabaseName("ux_partners_partners_licence_code");

        var a = modelBuilder.Entity<ApplicationRow>();
        a.ToTable("partners_applications");
        a.HasKey(x => x.Id).HasName("pk_partners_applications");
        a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        a.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        a.Property(x => x.CompanyName).HasColumnName("company_name").IsRequired();
        a.Property(x => x.Code).HasColumnName("code").IsRequired();
        a.Property(x => x.LicenceCode).HasColumnName("licence_code").IsRequired();
        a.Property(x => x.ContactName).HasColumnName("contact_name").IsRequired();
        a.Property(x => x.ContactPhone).HasColumnName("contact_phone").IsRequired();
        a.Property(x => x.ContactEmail).HasColumnName("contact_email");
        a.Property(x => x.StaffUsername).HasColumnName("staff_username").IsRequired();
        a.Property(x => x.Status).HasColumnName("status").IsRequired();
        a.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
        a.Property(x => x.SubmittedBy).HasColumnName("submitted_by");
        a.Property(x => x.DecidedAt).HasColumnName("decided_at");
        a.Property(x => x.DecidedBy).HasColumnName("decided_by");
        a.Property(x => x.DecisionReason).HasColumnName("decision_reason");
        a.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        a.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        a.HasIndex(x => new { x.Status, x.SubmittedAt }).HasDatabaseName("ix_partners_applications_status");
        a.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.ApplicationId).HasConstraintName("fk_partners_application_files_application").OnDelete(DeleteBehavior.Cascade);

        var f = modelBuilder.Entity<ApplicationFileRow>();
        f.ToTable("partners_application_files");
        f.HasKey(x => x.Id).HasName("pk_partners_application_files");
        f.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        f.Property(x => x.ApplicationId).HasColumnName("application_id");
        f.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        f.Property(x => x.FileName).HasColumnName("file_name").IsRequired();
        f.Property(x => x.ContentType).HasColumnName("content_type").IsRequired();
        f.Property(x => x.Size).HasColumnName("size");
        f.Property(x => x.Sha256).HasColumnName("sha256").IsRequired();
        f.Property(x => x.Content).HasColumnName("content").IsRequired();
        f.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
        f.HasIndex(x => x.ApplicationId).HasDatabaseName("ix_partners_application_files_application");

        var s = modelBuilder.Entity<StatusChangeRow>();
        s.ToTable("partners_status_changes");
        s.HasKey(x => x.Id).HasName("pk_partners_status_changes");
        s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        s.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        s.Property(x => x.FromStatus).HasColumnName("from_status").IsRequired();
        s.Property(x => x.ToStatus).HasColumnName("to_status").IsRequired();
        s.Property(x => x.Reason).HasColumnName("reason").IsRequired();
        s.Property(x => x.ChangedAt).HasColumnName("changed_at");
        s.Property(x => x.ChangedBy).HasColumnName("changed_by");
        s.Property(x => x.DocumentDigest).HasColumnName("document_digest").IsRequired();
        s.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        s.HasIndex(x => new { x.OrganisationId, x.ChangedAt }).HasDatabaseName("ix_partners_status_changes_organisation");

        var k = modelBuilder.Entity<ApiKeyRow>();
        k.ToTable("partners_api_keys");
        k.HasKey(x => x.Id).HasName("pk_partners_api_keys");
        k.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        k.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        k.Property(x => x.KeyId).HasColumnName("key_id").IsRequired();
        k.Property(x => x.SecretCipher).HasColumnName("secret_cipher").IsRequired();
        k.Property(x => x.SecretHint).HasColumnName("secret_hint").IsRequired();
        k.Property(x => x.Label).HasColumnName("label").IsRequired();
        k.Property(x => x.IsSandbox).HasColumnName("is_sandbox");
        k.Property(x => x.CreatedAt).HasColumnName("created_at");
        k.Property(x => x.CreatedBy).HasColumnName("created_by");
        k.Property(x => x.RevokedAt).HasColumnName("revoked_at");
        k.Property(x => x.RevokedBy).HasColumnName("revoked_by");
        k.Property(x => x.LastUsedAt).HasColumnName("last_used_at");
        k.HasIndex(x => x.KeyId).IsUnique().HasDatabaseName("ux_partners_api_keys_key_id");
        k.HasIndex(x => x.OrganisationId).HasDatabaseName("ix_partners_api_keys_organisation");

        var n = modelBuilder.Entity<NonceRow>();
        n.ToTable("partners_nonces");
        n.HasKey(x => new { x.KeyId, x.Nonce }).HasName("pk_partners_nonces");
        n.Property(x => x.KeyId).HasColumnName("key_id");
        n.Property(x => x.Nonce).HasColumnName("nonce");
        n.Property(x => x.SeenAt).HasColumnName("seen_at");
        n.HasIndex(x => x.SeenAt).HasDatabaseName("ix_partners_nonces_seen_at");

        var i = modelBuilder.Entity<IdempotencyRow>();
        i.ToTable("partners_idempotency");
        i.HasKey(x => new { x.OrganisationId, x.IdempotencyKey }).HasName("pk_partners_idempotency");
        i.Property(x => x.OrganisationId).HasColumnName("organisation_id");
        i.Property(x => x.IdempotencyKey).HasColumnName("idempotency_key");
        i.Property(x => x.RequestHash).HasColumnName("request_hash").IsRequired();
        i.Property(x => x.ResponseStatus).HasColumnName("response_status");
        i.Property(x => x.ResponseContentType).HasColumnName("response_content_type");
        i.Property(x => x.ResponseLocation).HasColumnName("response_location");
        i.Property(x => x.ResponseBody).HasColumnName("response_body");
        i.Property(x => x.CreatedAt).HasColumnName("created_at");
        i.Property(x => x.ExpiresAt).HasColumnName("expires_at");
        i.HasIndex(x => x.ExpiresAt).HasDatabaseName("ix_partners_idempotency_expires_at");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
