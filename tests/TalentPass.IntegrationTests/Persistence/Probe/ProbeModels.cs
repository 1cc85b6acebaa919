using Microsoft.EntityFrameworkCore;
using TalentPass.Infrastructure.Persistence;

namespace TalentPass.IntegrationTests.Persistence.Probe;

/// <summary>The test-only "probe" module: migrations embedded in this assembly (Persistence/Probe/*/0001_probe.sql).</summary>
internal static class ProbeModule
{
    public static ModuleMigrations Migrations { get; } = new("probe", typeof(ProbeModule).Assembly);
}

internal sealed class ProbeItem
{
    public Guid Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string? Title { get; set; }

    public int Quantity { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

internal sealed class ProbeTag
{
    public Guid ItemId { get; set; }

    public string Tag { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}

/// <summary>Maps the probe tables exactly as 0001_probe.sql creates them, on both providers.</summary>
internal sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeItem>(e =>
        {
            e.ToTable("probe_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Code).HasColumnName("code").HasMaxLength(32);
            e.Property(x => x.Title).HasColumnName("title");
            e.Property(x => x.Quantity).HasColumnName("quantity");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_probe_items_code");
            e.HasIndex(x => x.CreatedAt).HasDatabaseName("ix_probe_items_created_at");
        });
        modelBuilder.Entity<ProbeTag>(e =>
        {
            e.ToTable("probe_tags");
            e.HasKey(x => new { x.ItemId, x.Tag });
            e.Property(x => x.ItemId).HasColumnName("item_id");
            e.Property(x => x.Tag).HasColumnName("tag");
            e.Property(x => x.Label).HasColumnName("label");
            e.HasAlternateKey(x => x.Label);
        });
    }
}

internal sealed class DriftedProbeItem
{
    public Guid Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Quantity { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string? Colour { get; set; }
}

internal sealed class ProbeGhost
{
    public Guid Id { get; set; }
}

/// <summary>
/// A model that drifted from 0001_probe.sql in six ways (see <see cref="SchemaComparerTests"/>): a required column the
/// table allows NULL in, a changed type, a column only the model has, a column only the table has, a unique index
/// made plain, and a table no migration creates.
/// </summary>
internal sealed class DriftedProbeDbContext(DbContextOptions<DriftedProbeDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DriftedProbeItem>(e =>
        {
            e.ToTable("probe_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Code).HasColumnName("code").HasMaxLength(32);
            e.Property(x => x.Title).HasColumnName("title");
            e.Property(x => x.Quantity).HasColumnName("quantity");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Colour).HasColumnName("colour");
            e.HasIndex(x => x.Code);
            e.HasIndex(x => x.CreatedAt);
        });
        modelBuilder.Entity<ProbeTag>(e =>
        {
            e.ToTable("probe_tags");
            e.HasKey(x => new { x.ItemId, x.Tag });
            e.Property(x => x.ItemId).HasColumnName("item_id");
            e.Property(x => x.Tag).HasColumnName("tag");
            e.Property(x => x.Label).HasColumnName("label");
            e.HasIndex(x => x.Label).IsUnique();
        });
        modelBuilder.Entity<ProbeGhost>(e =>
        {
            e.ToTable("probe_ghosts");
            e.Property(x => x.Id).HasColumnName("id");
        });
    }
}
