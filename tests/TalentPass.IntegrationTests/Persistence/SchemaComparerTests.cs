using Microsoft.EntityFrameworkCore;
using TalentPass.IntegrationTests.Persistence.Probe;
using TalentPass.IntegrationTests.Persistence.Schema;

namespace TalentPass.IntegrationTests.Persistence;

/// <summary>
/// The schema comparison itself, on the test-only probe migration: an exact model shows no difference, a drifted
/// one shows each drift (so <see cref="SchemaMatchesModelTests"/> cannot pass just because it sees nothing).
/// </summary>
public sealed class SchemaComparerTests
{
    [Fact]
    public async Task Compare_ModelMappingTheMigrationExactly_ReportsNoDifference()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await MigrationHarness.CreateAsync([ProbeModule.Migrations]);
        await harness.Runner.ApplyAsync(ct);
        await using var context = harness.CreateContext<ProbeDbContext>(o => new ProbeDbContext(o));

        var differences = await CompareAsync(harness, context, ct);

        differences.ShouldBeEmpty(string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task Compare_DriftedModel_ReportsEveryDifference()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await MigrationHarness.CreateAsync([ProbeModule.Migrations]);
        await harness.Runner.ApplyAsync(ct);
        await using var context = harness.CreateContext<DriftedProbeDbContext>(o => new DriftedProbeDbContext(o));

        var differences = await CompareAsync(harness, context, ct);

        var report = string.Join(Environment.NewLine, differences);
        differences.Count.ShouldBe(6, report);
        differences.ShouldContain(d => d.EndsWith("probe_items.title: NOT NULL in the model but nullable in the database", StringComparison.Ordinal), report);
        differences.ShouldContain(d => d.Contains("probe_items.quantity: store type is", StringComparison.Ordinal), report);
        differences.ShouldContain(d => d.Contains("probe_items.colour: column is in the model", StringComparison.Ordinal), report);
        differences.ShouldContain(d => d.Contains("probe_items.version: column is in the database", StringComparison.Ordinal), report);
        differences.ShouldContain(d => d.Contains("the model has a index IX_probe_items_code on (code) but the database has a unique index", StringComparison.Ordinal), report);
        differences.ShouldContain(d => d.Contains("table probe_ghosts is in the model but no migration creates it", StringComparison.Ordinal), report);
    }

    [Theory]
    [InlineData("int4", "integer")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("varchar(32)", "character varying(32)")]
    [InlineData("numeric(18, 2)", "numeric(18,2)")]
    [InlineData("_text", "_text")]
    [InlineData("text[]", "text[]")]
    public void Canonical_PostgresAliases_AreTheSameType(string alias, string canonical)
    {
        SchemaComparer.Canonical(alias, postgres: true).ShouldBe(SchemaComparer.Canonical(canonical, postgres: true));
    }

    [Theory]
    [InlineData("varchar(32)", "character varying(64)")]
    [InlineData("integer", "bigint")]
    [InlineData("timestamp", "timestamptz")]
    [InlineData("text", "text[]")]
    public void Canonical_DifferentPostgresTypes_Differ(string left, string right)
    {
        SchemaComparer.Canonical(left, postgres: true).ShouldNotBe(SchemaComparer.Canonical(right, postgres: true));
    }

    private static async Task<IReadOnlyList<string>> CompareAsync(MigrationHarness harness, DbContext context, CancellationToken ct)
    {
        await using var connection = await harness.OpenAsync(ct);
        var database = await TableShape.FromDatabaseAsync(connection, harness.Database.IsPostgres, ct);
        return SchemaComparer.Compare(context.GetType().Name, TableShape.FromModel(context), database, harness.Database.IsPostgres);
    }
}
