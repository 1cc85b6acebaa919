using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentPass.Infrastructure.Demo;
using TalentPass.Modules.Audit.Contracts;
using TalentPass.Modules.Identity;
using TalentPass.Modules.Identity.Domain;
using TalentPass.Modules.Identity.Features.Auth;
using TalentPass.Modules.Identity.Persistence;

namespace TalentPass.UnitTests.Modules.Identity;

public sealed class SignInServiceTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly RecordingAuditTrail audit = new();
    private IdentityDbContext db = null!;

    public async ValueTask InitializeAsync()
    {
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var assembly = typeof(IdentityModule).Assembly;
        await using (var stream = assembly.GetManifestResourceStream("migrations/sqlite/0001_initial.sql")!)
        using (var reader = new StreamReader(stream))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        db = new IdentityDbContext(new DbContextOptionsBuilder<IdentityDbContext>().UseSqlite(connection).Options);
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_DemoAccountWhileDemoModeOff_RefusedWithDemoAccountDisabled()
    {
        await AddAccountAsync("demo-talent", DemoOptions.Password, isDemo: true);
        var service = CreateService(demoEnabled: false);

        var result = await service.SignInAsync("demo-talent", DemoOptions.Password, "test", TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe("auth.demo_account_disabled");
        audit.Records.ShouldContain(r => r.Action == "auth.sign_in" && !r.Succeeded);
    }

    [Fact]
    public async Task SignIn_DemoAccountWhileDemoModeOn_Succeeds()
    {
        await AddAccountAsync("demo-talent", DemoOptions.Password, isDemo: true);
        var service = CreateService(demoEnabled: true);

        var result = await service.SignInAsync("DEMO-TALENT", DemoOptions.Password, "test", TestContext.Current.CancellationToken);

        result.IsSuccess.ShouldBeTrue();
        result.Value!.Principal.Identity!.Name.ShouldBe("demo-talent");
        result.Value.Principal.IsInRole("talent").ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_ConfiguredThreeFailures_LocksOnThirdAndNeverRecordsPassword()
    {
        await AddAccountAsync("clerk", "Right#Pass2026", isDemo: false);
        var service = CreateService(demoEnabled: false, maxFailures: 3);

        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await service.SignInAsync("clerk", "Wrong#Pass2026", "test", TestContext.Current.CancellationToken)).Error!.Code);
        }

        codes.ShouldBe(["auth.invalid_credentials", "auth.invalid_credentials", "auth.locked_out"]);
        audit.Records.ShouldContain(r => r.Action == "identity.account_locked");
        audit.Records.ShouldAllBe(r => r.Detail == null || !r.Detail.Contains("Pass2026"));
    }

    private SignInService CreateService(bool demoEnabled, int maxFailures = 5) => new(
        db,
        new PasswordHasher<AccountRow>(),
        Options.Create(new IdentityLockoutOptions { MaxFailedAttempts = maxFailures }),
        Options.Create(new DemoOptions { Enabled = demoEnabled }),
        TimeProvider.System,
        audit,
        new AccountValidityCache(TimeProvider.System, Options.Create(new IdentitySessionOptions())),
        NullLogger<SignInService>.Instance);

    private async Task AddAccountAsync(string username, string password, bool isDemo)
    {
        var account = new AccountRow
        {
            Id = Guid.NewGuid(),
            Username = username,
            DisplayName = "测试",
            PasswordHash = string.Empty,
            IsActive = true,
            IsDemo = isDemo,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        account.PasswordHash = new PasswordHasher<AccountRow>().HashPassword(account, password);
        account.Roles.Add(new AccountRoleRow { AccountId = account.Id, Role = "talent" });
        db.Accounts.Add(account);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.ChangeTracker.Clear();
    }

    private sealed class RecordingAuditTrail : IAuditTrail
    {
        public List<AuditRecord> Records { get; } = [];

        public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
        {
            Records.Add(record);
            return Task.CompletedTask;
        }
    }
}
