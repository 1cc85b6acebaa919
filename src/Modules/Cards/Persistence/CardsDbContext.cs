using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;
using TalentPass.Modules.Cards.Domain;

namespace TalentPass.Modules.Cards.Persistence;

/// <summary>The feed cursor: the last <c>ITalentEventFeed</c> sequence turned into webhook events (one row, id 1).</summary>
internal sealed class FeedCursorRow
{
    public int Id { get; set; }

    public long LastSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One card verification by a partner's terminal (the token only as its keyed hash).</summary>
internal sealed class VerificationRow
{
    public Guid Id { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public Guid PartnerId { get; set; }

    public Guid? AccountId { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public string ReasonCode { get; set; } = string.Empty;

    public Guid? CardId { get; set; }

    public string TokenHash { get; set; } = string.Empty;
}

/// <summary>
/// The Cards module's tables (prefixed <c>cards_</c>), created by the SQL in <c>Persistence/Migrations</c>; every
/// table, column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class CardsDbContext(DbContextOptions<CardsDbContext> options) : DbContext(options)
{
    public DbSet<CardApplication> Applications => Set<CardApplication>();

    public DbSet<CardCustomer> Customers => Set<CardCustomer>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<FeedCursorRow> FeedCursor => Set<FeedCursorRow>();

    public DbSet<VerificationRow> Verifications => Set<VerificationRow>();

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

        var a = modelBuilder.Entity<CardApplication>();
        a.ToTable("cards_applications");
        a.HasKey(x => x.Id).HasName("pk_cards_applications");
        a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        a.Property(x => x.TalentId).HasColumnName("talent_id");
        a.Property(x => x.PartnerId).HasColumnName("partner_id");
        a.Property(x => x.CustomerRef).HasColumnName("customer_ref").IsRequired();
        a.Property(x => x.Status).HasColumnName("status").IsRequired();
        a.Property(x => x.ConsentVersion).HasColumnName("consent_version").IsRequired();
        a.Property(x => x.ConsentFields).HasColumnName("consent_fields").IsRequired();
        a.Property(x => x.ConsentedAt).HasColumnName("consented_at");
        a.Property(x => x.ConsentWithdrawnAt).HasColumnName("consent_withdrawn_at");
        a.Property(x => x.SharedDataCipher).HasColumnName("shared_data_cipher");
        a.Property(x => x.CreatedAt).HasColumnName("created_at");
        a.Property(x => x.DecidedAt).HasColumnName("decided_at");
        a.Property(x => x.DecidedBy).HasColumnName("decided_by");
        a.Property(x => x.DecisionReason).HasColumnName("decision_reason");
        a.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        a.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        a.Ignore(x => x.Fields);
        a.HasIndex(x => new { x.TalentId, x.PartnerId }).IsUnique()
            .HasFilter("status IN ('pending', 'approved', 'issued')").HasDatabaseName("ux_cards_applications_open");
        a.HasIndex(x => new { x.PartnerId, x.Status, x.CreatedAt }).HasDatabaseName("ix_cards_applications_partner_status");
        a.HasIndex(x => new { x.TalentId, x.CreatedAt }).HasDatabaseName("ix_cards_applications_talent");

        var c = modelBuilder.Entity<CardCustomer>();
        c.ToTable("cards_customers");
        c.HasKey(x => new { x.PartnerId, x.TalentId }).HasName("pk_cards_customers");
        c.Property(x => x.PartnerId).HasColumnName("partner_id");
        c.Property(x => x.TalentId).HasColumnName("talent_id");
        c.Property(x => x.CustomerRef).HasColumnName("customer_ref").IsRequired();
        c.Property(x => x.CreatedAt).HasColumnName("created_at");
        c.HasIndex(x => x.CustomerRef).IsUnique().HasDatabaseName("ux_cards_customers_ref");

        var k = modelBuilder.Entity<Card>();
        k.ToTable("cards_cards");
        k.HasKey(x => x.Id).HasName("pk_cards_cards");
        k.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        k.Property(x => x.ApplicationId).HasColumnName("application_id");
        k.Property(x => x.TalentId).HasColumnName("talent_id");
        k.Property(x => x.PartnerId).HasColumnName("partner_id");
        k.Property(x => x.CustomerRef).HasColumnName("customer_ref").IsRequired();
        k.Property(x => x.TokenHash).HasColumnName("token_hash").IsRequired();
        k.Property(x => x.TokenHint).HasColumnName("token_hint").IsRequired();
        k.Property(x => x.Last4).HasColumnName("last4").IsRequired();
        k.Property(x => x.Status).HasColumnName("status").IsRequired();
        k.Property(x => x.PartnerSuspended).HasColumnName("partner_suspended");
        k.Property(x => x.IssuedAt).HasColumnName("issued_at");
        k.Property(x => x.ActivatedAt).HasColumnName("activated_at");
        k.Property(x => x.StatusChangedAt).HasColumnName("status_changed_at");
        k.Property(x => x.StatusReason).HasColumnName("status_reason");
        k.Property(x => x.ReplacesCardId).HasColumnName("replaces_card_id");
        k.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        k.Ignore(x => x.IsLive);
        k.HasIndex(x => new { x.PartnerId, x.TokenHash }).IsUnique().HasDatabaseName("ux_cards_cards_partner_token");
        k.HasIndex(x => new { x.TalentId, x.Status }).HasDatabaseName("ix_cards_cards_talent");
        k.HasIndex(x => new { x.PartnerId, x.Status, x.IssuedAt }).HasDatabaseName("ix_cards_cards_partner_status");
        k.HasIndex(x => new { x.PartnerId, x.CustomerRef }).HasDatabaseName("ix_cards_cards_partner_customer");
        k.HasIndex(x => x.ApplicationId).HasDatabaseName("ix_cards_cards_application");

        var f = modelBuilder.Entity<FeedCursorRow>();
        f.ToTable("cards_feed_cursor");
        f.HasKey(x => x.Id).HasName("pk_cards_feed_cursor");
        f.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        f.Property(x => x.LastSequence).HasColumnName("last_sequence");
        f.Property(x => x.UpdatedAt).HasColumnName("updated_at");

        var v = modelBuilder.Entity<VerificationRow>();
        v.ToTable("cards_verifications");
        v.HasKey(x => x.Id).HasName("pk_cards_verifications");
        v.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        v.Property(x => x.VerifiedAt).HasColumnName("verified_at");
        v.Property(x => x.PartnerId).HasColumnName("partner_id");
        v.Property(x => x.AccountId).HasColumnName("account_id");
        v.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        v.Property(x => x.ReasonCode).HasColumnName("reason_code").IsRequired();
        v.Property(x => x.CardId).HasColumnName("card_id");
        v.Property(x => x.TokenHash).HasColumnName("token_hash").IsRequired();
        v.HasIndex(x => new { x.PartnerId, x.VerifiedAt }).HasDatabaseName("ix_cards_verifications_partner");
        v.HasIndex(x => new { x.CardId, x.VerifiedAt }).HasDatabaseName("ix_cards_verifications_card");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }

}
