using Microsoft.EntityFrameworkCore;
using TalentPass.Modules.Calendar.Domain;

namespace TalentPass.Modules.Calendar.Persistence;

/// <summary>
/// The Calendar module's tables: <c>calendar_years</c> (one row per loaded year) and <c>calendar_days</c> (holidays and
/// make-up working days). Schema: hand-written SQL in <c>Migrations/{Sqlite,Postgres}</c>; 2025 and 2026 are loaded by
/// migration 0002 from the State Council notices.
/// </summary>
internal sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options) : DbContext(options)
{
    public DbSet<CalendarYear> Years => Set<CalendarYear>();

    public DbSet<CalendarDay> Days => Set<CalendarDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var y = modelBuilder.Entity<CalendarYear>();
        y.ToTable("calendar_years");
        y.HasKey(x => x.Year).HasName("pk_calendar_years");
        y.Property(x => x.Year).HasColumnName("year").ValueGeneratedNever();
        y.Property(x => x.LoadedAt).HasColumnName("loaded_at");
        y.Property(x => x.Source).HasColumnName("source").IsRequired();
        y.Property(x => x.Checksum).HasColumnName("checksum").IsRequired();
        y.Property(x => x.Revision).HasColumnName("revision").IsConcurrencyToken();
        y.Property(x => x.LoadedBy).HasColumnName("loaded_by").IsRequired();

        var d = modelBuilder.Entity<CalendarDay>();
        d.ToTable("calendar_days");
        d.HasKey(x => x.Date).HasName("pk_calendar_days");
        d.Property(x => x.Date).HasColumnName("date").ValueGeneratedNever();
        d.Property(x => x.Year).HasColumnName("year");
        d.Property(x => x.Kind).HasColumnName("kind").IsRequired();
        d.Property(x => x.Name).HasColumnName("name").IsRequired();
        d.HasIndex(x => x.Year).HasDatabaseName("ix_calendar_days_year");
    }
}
