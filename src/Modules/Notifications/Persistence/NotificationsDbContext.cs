using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Modules.Notifications.Domain;

namespace TalentPass.Modules.Notifications.Persistence;

/// <summary>
/// The Notifications module's tables: <c>notifications_inbox</c> and <c>notifications_sms_outbox</c>. Schema:
/// hand-written SQL in <c>Migrations/{Sqlite,Postgres}</c>, mapped here column by column. Ids are version-7 UUIDs
/// (time-ordered), so lists order by id: SQLite cannot order by a DateTimeOffset column.
/// </summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<SmsOutboxEntry> SmsOutbox => Set<SmsOutboxEntry>();

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
        var m = modelBuilder.Entity<InboxMessage>();
        m.ToTable("notifications_inbox");
        m.HasKey(x => x.Id).HasName("pk_notifications_inbox");
        m.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        m.Property(x => x.RecipientAccountId).HasColumnName("recipient_account_id");
        m.Property(x => x.Topic).HasColumnName("topic").IsRequired();
        m.Property(x => x.TitleZh).HasColumnName("title_zh").IsRequired();
        m.Property(x => x.TitleEn).HasColumnName("title_en").IsRequired();
        m.Property(x => x.BodyZh).HasColumnName("body_zh").IsRequired();
        m.Property(x => x.BodyEn).HasColumnName("body_en").IsRequired();
        m.Property(x => x.Link).HasColumnName("link");
        m.Property(x => x.DeduplicationKey).HasColumnName("dedup_key");
        m.Property(x => x.CreatedAt).HasColumnName("created_at");
        m.Property(x => x.ReadAt).HasColumnName("read_at");
        m.HasIndex(x => new { x.RecipientAccountId, x.DeduplicationKey }).IsUnique().HasFilter("dedup_key IS NOT NULL").HasDatabaseName("ux_notifications_inbox_dedup");
        m.HasIndex(x => new { x.RecipientAccountId, x.Id }).HasDatabaseName("ix_notifications_inbox_recipient");
        m.HasIndex(x => x.RecipientAccountId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_inbox_unread");

        var s = modelBuilder.Entity<SmsOutboxEntry>();
        s.ToTable("notifications_sms_outbox");
        s.HasKey(x => x.Id).HasName("pk_notifications_sms_outbox");
        s.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        s.Property(x => x.NotificationId).HasColumnName("notification_id");
        s.Property(x => x.TalentId).HasColumnName("talent_id");
        s.Property(x => x.Template).HasColumnName("template").IsRequired();
        s.Property(x => x.Parameters).HasColumnName("params").IsRequired();
        s.Property(x => x.Status).HasColumnName("status").IsRequired();
        s.Property(x => x.Attempts).HasColumnName("attempts");
        s.Property(x => x.NextAttemptAtMs).HasColumnName("next_attempt_at_ms");
        s.Property(x => x.LastError).HasColumnName("last_error");
        s.Property(x => x.GatewayMessageId).HasColumnName("gateway_message_id");
        s.Property(x => x.CreatedAt).HasColumnName("created_at");
        s.Property(x => x.SentAt).HasColumnName("sent_at");
        s.HasIndex(x => new { x.TalentId, x.Id }).HasDatabaseName("ix_notifications_sms_outbox_talent");
        s.HasIndex(x => x.NotificationId).IsUnique().HasDatabaseName("ux_notifications_sms_outbox_notification");
        s.HasIndex(x => new { x.Status, x.NextAttemptAtMs }).HasDatabaseName("ix_notifications_sms_outbox_due");
        s.HasIndex(x => new { x.Status, x.Id }).HasDatabaseName("ix_notifications_sms_outbox_status");
    }
}
