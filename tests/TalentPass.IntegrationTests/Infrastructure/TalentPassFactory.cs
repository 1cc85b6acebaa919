using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(TalentPass.IntegrationTests.Infrastructure.TalentPassFactory))]

namespace TalentPass.IntegrationTests.Infrastructure;

/// <summary>
/// The real host on a fresh database (SQLite or PostgreSQL, see <see cref="TestDatabase"/>), migrated by the
/// real migrations and seeded with the demo city, shared by the whole test assembly. Tests create their own
/// data with unique values so they do not depend on each other.
/// </summary>
public sealed class TalentPassFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>Number of demo talents seeded for the tests (kept small for speed).</summary>
    public const int DemoTalents = 60;

    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    public string EncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string BlindIndexKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string CodesKeyEncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public string LedgerKeyEncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        _ = Services; // start the host now: migrations and demo seeding run here, once
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Settings the test host runs with; also used by tests that build the CLI host on the same database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Database.Provider,
        ["ConnectionStrings:TalentPass"] = Database.ConnectionString,
        ["Database:MigrateOnStartup"] = "true",
        ["FieldProtection:EncryptionKey"] = EncryptionKey,
        ["FieldProtection:BlindIndexKey"] = BlindIndexKey,
        ["FieldProtection:AllowGeneratedKeys"] = "false",
        ["Codes:KeyEncryptionKey"] = CodesKeyEncryptionKey,
        ["Codes:AllowGeneratedKeys"] = "false",
        ["Ledger:KeyEncryptionKey"] = LedgerKeyEncryptionKey,
        ["Demo:Enabled"] = "true",
        ["StandIns:Enabled"] = "true",
        ["Demo:Talents"] = DemoTalents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Sms:BaseUrl"] = Notifications.SmsTestGateway.BaseUrl.AbsoluteUri,
        ["Notifications:Sms:ApiKey"] = Notifications.SmsTestGateway.ApiKey,
        ["Notifications:Sms:PollSeconds"] = "0.5",
        ["Notifications:Sms:RetryBaseSeconds"] = "0.5",
        ["Notifications:Sms:MaxBackoffSeconds"] = "2",
        ["Notifications:Sms:MaxAttempts"] = "100",
        ["Webhooks:AllowLoopback"] = "true", // the stand-in partner receivers listen on 127.0.0.1
        ["Webhooks:PollInterval"] = "00:00:00.200",
        ["Webhooks:InitialBackoff"] = "00:00:00.200",
        ["Webhooks:MaxBackoff"] = "00:00:01",
        ["Webhooks:MaxAge"] = "00:00:06", // a failing event becomes "failed" within seconds (WebhookDeliveryTests)
        ["Webhooks:RequestTimeout"] = "00:00:05",
        ["Governance:SignalInterval"] = "00:00:00.500", // misuse signals appear within a second (GovernanceApiTests)
        ["Governance:SignalLag"] = "00:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Read while the host is being built (before the in-memory settings below apply): the in-process stand-ins.
        builder.UseSetting("StandIns:Enabled", "true");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings()));
    }

    /// <summary>An API client signed in as <paramref name="username"/> with a bearer token from <c>POST /api/v1/auth/token</c>.</summary>
    public async Task<HttpClient> CreateClientAsAsync(string username, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>An anonymous API client that does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="action"/> with a service scope of the test host.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
