using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Persistence.Probe;

namespace TalentPass.IntegrationTests.Persistence;

/// <summary>The migration runner on a fresh database of the provider under test, with every real module plus the probe.</summary>
public sealed class MigrationRunnerTests(TalentPassFactory factory)
{
    [Fact]
    public async Task Apply_SecondRun_AppliesNothingAndLeavesTheHistoryAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var modules = RealModules().Append(ProbeModule.Migrations).ToList();
        var provider = Enum.Parse<DatabaseProvider>(factory.Database.Provider);
        await using var harness = await MigrationHarness.CreateAsync(modules);

        var first = await harness.Runner.ApplyAsync(ct);
        var historyAfterFirst = await harness.ScalarAsync("SELECT COUNT(*) FROM tp_schema_migrations", ct);
        var second = await harness.Runner.ApplyAsync(ct);
        var pending = await harness.Runner.PendingAsync(ct);

        first.Count.ShouldBe(modules.Sum(m => m.Scripts(provider).Count));
        first.ShouldContain(s => s.Module == "probe" && s.Version == 1);
        historyAfterFirst.ShouldBe(first.Count);
        second.ShouldBeEmpty();
        pending.ShouldBeEmpty();
        (await harness.ScalarAsync("SELECT COUNT(*) FROM tp_schema_migrations", ct)).ShouldBe(historyAfterFirst);
    }

    [Fact]
    public async Task Apply_AppliedScriptEditedAfterwards_RefusesAndAppliesNothingNew()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var original = await MigrationHarness.CreateAsync([ProbeModule.Migrations]))
        {
            await original.Runner.ApplyAsync(ct);
            var edited = new ModuleMigrations("probe", new EditedResourcesAssembly(
                typeof(ProbeModule).Assembly,
                sql => sql.Replace("title", "headline", StringComparison.Ordinal)));
            var later = new ModuleMigrations("later", new EditedResourcesAssembly(typeof(ProbeModule).Assembly, _ => "CREATE TABLE later_items (id integer PRIMARY KEY);"));
            var runner = new MigrationRunner(
                [edited, later],
                new SameDatabase(original),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);

            var error = await Should.ThrowAsync<InvalidOperationException>(() => runner.ApplyAsync(ct));

            error.Message.ShouldContain("probe 0001_probe was changed after it was applied");
            (await original.ScalarAsync("SELECT COUNT(*) FROM tp_schema_migrations", ct)).ShouldBe(1);
        }
    }

    private IEnumerable<ModuleMigrations> RealModules() => factory.Services.GetServices<ModuleMigrations>();

    /// <summary>The same manifest resources as <paramref name="inner"/>, with every migration script passed through <paramref name="edit"/>.</summary>
    private sealed class EditedResourcesAssembly(Assembly inner, Func<string, string> edit) : Assembly
    {
        public override string[] GetManifestResourceNames() => inner.GetManifestResourceNames();

        public override Stream? GetManifestResourceStream(string name)
        {
            using var stream = inner.GetManifestResourceStream(name);
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return new MemoryStream(Encoding.UTF8.GetBytes(edit(reader.ReadToEnd())));
        }
    }

    private sealed class SameDatabase(MigrationHarness harness) : IDbConnectionFactory
    {
        public DatabaseProvider Provider => harness.Options.Provider;

        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken = default) => harness.OpenAsync(cancellationToken);
    }
}
