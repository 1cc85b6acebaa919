using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TalentPass.Modules.Audit.Persistence;

internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEvent> Events => Set<AuditEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var sqlite = Database.IsSqlite();
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            var occurred = e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            if (sqlite)
            {
                // SQLite cannot order or compare DateTimeOffset: store UTC ticks (INTEGER), ordered and exact.
                occurred.HasConversion(UtcTicksConverter).HasColumnType("INTEGER");
            }

            e.Property(x => x.Action).HasColumnName("action");
            e.Property(x => x.ActorAccountId).HasColumnName("actor_account_id");
            e.Property(x => x.ActorName).HasColumnName("actor_name");
            e.Property(x => x.ActorRoles).HasColumnName("actor_roles");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.SubjectType).HasColumnName("subject_type");
            e.Property(x => x.SubjectId).HasColumnName("subject_id");
            e.Property(x => x.Detail).HasColumnName("detail");
            e.Property(x => x.Succeeded).HasColumnName("succeeded");
            e.Property(x => x.ClientIp).HasColumnName("client_ip");
            e.HasIndex(x => x.OccurredAt).HasDatabaseName("ix_audit_events_occurred_at");
            e.HasIndex(x => new { x.Action, x.OccurredAt }).HasDatabaseName("ix_audit_events_action");
            e.HasIndex(x => new { x.ActorAccountId, x.OccurredAt }).HasDatabaseName("ix_audit_events_actor_account");
            e.HasIndex(x => new { x.ActorName, x.OccurredAt }).HasDatabaseName("ix_audit_events_actor_name");
            e.HasIndex(x => new { x.SubjectType, x.SubjectId, x.OccurredAt }).HasDatabaseName("ix_audit_events_subject");
        });
    }

    internal static readonly ValueConverter<DateTimeOffset, long> UtcTicksConverter = new(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
