using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.Modules.DataSharing.Persistence;

/// <summary>
/// The DataSharing module's table (<c>datasharing_answers</c>), created by the SQL in <c>Persistence/Migrations</c>;
/// every column and index is named here so that the model and the migrated schema agree on both providers.
/// </summary>
internal sealed class DataSharingDbContext(DbContextOptions<DataSharingDbContext> options) : DbContext(options)
{
    public DbSet<AnswerRow> Answers => Set<AnswerRow>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // The list's capped count is COUNT(*) over "LIMIT n" without ORDER BY on purpose (any n rows will do).
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var a = modelBuilder.Entity<AnswerRow>();
        a.ToTable("datasharing_answers");
        a.HasKey(x => x.Id).HasName("pk_datasharing_answers");
        a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        a.Property(x => x.Source).HasColumnName("source").IsRequired();
        a.Property(x => x.TalentId).HasColumnName("talent_id");
        a.Property(x => x.Purpose).HasColumnName("purpose").IsRequired();
        a.Property(x => x.RequestedBy).HasColumnName("requested_by");
        a.Property(x => x.RequestId).HasColumnName("request_id");
        a.Property(x => x.RequestedAt).HasColumnName("requested_at");
        a.Property(x => x.DurationMs).HasColumnName("duration_ms");
        a.Property(x => x.Outcome).HasColumnName("outcome").IsRequired();
        a.Property(x => x.HttpStatus).HasColumnName("http_status");
        a.Property(x => x.AnswerSha256).HasColumnName("answer_sha256").IsRequired();
        a.Property(x => x.AnswerBytes).HasColumnName("answer_bytes");
        a.Property(x => x.FieldsCipher).HasColumnName("fields_cipher");
        a.Property(x => x.Problem).HasColumnName("problem");
        a.HasIndex(x => new { x.TalentId, x.RequestedAt }).HasDatabaseName("ix_datasharing_answers_talent");
        a.HasIndex(x => x.RequestedAt).HasDatabaseName("ix_datasharing_answers_requested_at");

        if (Database.IsSqlite())
        {
            modelBuilder.StoreInstantsAsUtcTicks(); // SQLite cannot order or compare DateTimeOffset
        }
    }
}
