using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.Webhooks.Persistence;

/// <summary>
/// The Webhooks module's tables (prefixed <c>webhooks_</c>), created by the SQL in <c>Persistence/Migrations</c>; every
/// table, column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options) : DbContext(options)
{
    public DbSet<EndpointRow> Endpoints => Set<EndpointRow>();

    public DbSet<StreamRow> Streams => Set<StreamRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        var e = modelBuilder.Entity<EndpointRow>();
        e.ToTable("webhooks_endpoints");
        e.HasKey(x => x.PartnerOrganisationId).HasName("pk_webhooks_endpoints");
        e.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id").ValueGeneratedNever();
        e.Property(x => x.Url).HasColumnName("url").IsRequired();
        e.Property(x => x.Enabled).HasColumnName("enabled");
        e.Property(x => x.SecretCipher).HasColumnName("secret_cipher").IsRequired();
        e.Property(x => x.SecretCreatedAt).HasColumnName("secret_created_at");
        e.Property(x => x.PreviousSecretCipher).HasColumnName("previous_secret_cipher");
        e.Property(x => x.PreviousSecretExpiresAt).HasColumnName("previous_secret_expires_at");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();

        var s = modelBuilder.Entity<StreamRow>();
        s.ToTable("webhooks_streams");
        s.HasKey(x => new { x.PartnerOrganisationId, x.OrderingKey }).HasName("pk_webhooks_streams");
        s.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        s.Property(x => x.OrderingKey).HasColumnName("ordering_key");
        s.Property(x => x.LastSequence).HasColumnName("last_sequence");

        var o = modelBuilder.Entity<OutboxRow>();
        o.ToTable("webhooks_outbox");
        o.HasKey(x => x.Id).HasName("pk_webhooks_outbox");
        o.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        o.Property(x => x.PartnerOrganisationId).HasColumnName("partner_organisation_id");
        o.Property(x => x.Type).HasColumnName("type").IsRequired();
        o.Property(x => x.OrderingKey).HasColumnName("ordering_key").IsRequired();
        o.Property(x => x.Sequence).HasColumnName("sequence");
        o.Property(x => x.DataJson).HasColumnName("data_json").IsRequired();
        o.Property(x => x.OccurredAt).HasColumnName("occurred_at");
        o.Property(x => x.EnqueuedAt).HasColumnName("enqueued_at");
        o.Property(x => x.Status).HasColumnName("status").IsRequired();
        o.Property(x => x.Attempts).HasColumnName("attempts");
        o.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        o.Property(x => x.FirstAttemptAt).HasColumnName("first_attempt_at");
        o.Property(x => x.LastAttemptAt).HasColumnName("last_attempt_at");
        o.Property(x => x.LastStatusCode).HasColumnName("last_status_code");
        o.Property(x => x.LastError).HasColumnName("last_error");
        o.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        o.Property(x => x.LeaseOwner).HasColumnName("lease_owner");
        o.Property(x => x.LeaseUntil).HasColumnName("lease_until");
        o.HasIndex(x => new { x.PartnerOrganisationId, x.OrderingKey, x.Sequence }, "ux_webhooks_outbox_stream").IsUnique();
        o.HasIndex(x => new { x.PartnerOrganisationId, x.OrderingKey, x.Sequence }, "ix_webhooks_outbox_undelivered").HasFilter("status <> 'delivered'");
        o.HasIndex(x => x.NextAttemptAt, "ix_webhooks_outbox_due").HasFilter("status = 'pending'");
        o.HasIndex(x => new { x.PartnerOrganisationId, x.EnqueuedAt }, "ix_webhooks_outbox_partner");
        o.HasIndex(x => new { x.Status, x.EnqueuedAt }, "ix_webhooks_outbox_status");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }

}
