using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentPass.Cli;
using TalentPass.Infrastructure.Persistence;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.Modules.Ledger.Contracts;

namespace TalentPass.IntegrationTests.Ledger;

/// <summary>
/// A fresh, empty, migrated database of the provider under test, for ledger tests that tamper with rows or
/// simulate crashes without disturbing the shared test host. <see cref="StartNode"/> builds a host as the CLI
/// does (a "process"): disposing it and starting another is a restart.
/// </summary>
internal sealed class IsolatedLedger : IAsyncDisposable
{
    private readonly TalentPassFactory factory;

    private IsolatedLedger(TalentPassFactory factory, TestDatabase database)
    {
        this.factory = factory;
        Database = database;
    }

    public TestDatabase Database { get; }

    /// <summary>Settings layered over the test host's (e.g. witnesses) for nodes started afterwards.</summary>
    public Dictionary<string, string?> Extra { get; } = [];

    public Dictionary<string, string?> Settings
    {
        get
        {
            var settings = factory.Settings();
            settings["ConnectionStrings:TalentPass"] = Database.ConnectionString;
            settings["Demo:Enabled"] = "false";
            foreach (var (key, value) in Extra)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public static async Task<IsolatedLedger> CreateAsync(TalentPassFactory factory)
    {
        var ledger = new IsolatedLedger(factory, await TestDatabase.CreateAsync());
        using var node = ledger.StartNode();
        await node.Services.GetRequiredService<MigrationRunner>().ApplyAsync(TestContext.Current.CancellationToken);
        return ledger;
    }

    public IHost StartNode()
    {
        CliHost.Overrides = Settings;
        try
        {
            return CliHost.Build();
        }
        finally
        {
            CliHost.Overrides = null;
        }
    }

    public async Task<int> RunCliAsync(params string[] args)
    {
        CliHost.Overrides = Settings;
        try
        {
            return await CliProgram.BuildRoot().Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            CliHost.Overrides = null;
        }
    }

    public static async Task<LedgerAppended> AppendAsync(IHost node, LedgerEntryDraft draft)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ILedger>().AppendAsync(draft, TestContext.Current.CancellationToken);
        result.IsSuccess.ShouldBeTrue(result.Error?.Code);
        return result.Value!;
    }

    public static async Task<LedgerAuditReport> AuditAsync(IHost node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILedgerAuditor>().AuditAsync(null, TestContext.Current.CancellationToken);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        using var node = StartNode();
        var connections = node.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<object> ScalarTextAsync(string sql)
    {
        using var node = StartNode();
        var connections = node.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value!;
    }

    public async Task ExecuteAsync(string sql)
    {
        using var node = StartNode();
        var connections = node.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
