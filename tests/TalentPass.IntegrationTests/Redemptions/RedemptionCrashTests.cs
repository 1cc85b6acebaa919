using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TalentPass.IntegrationTests.Identity;
using TalentPass.IntegrationTests.Infrastructure;
using TalentPass.IntegrationTests.Talents;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.Redemptions;

/// <summary>
/// Crash safety of redemption: the real web app (the built TalentPass.Web.dll) runs as a child process on its own file
/// SQLite database and port; redemptions are fired concurrently at a per-talent quota; the process is killed with
/// SIGKILL (<see cref="Process.Kill()"/>) once a dozen redemptions were acknowledged, while others are in flight; the
/// app is restarted on the same database. Every acknowledged (2xx) redemption must be there, and for every talent the
/// redeemed count stays within the quota and equals what the quota counter says is used.
/// </summary>
public sealed class RedemptionCrashTests : IAsyncDisposable
{
    private const string Right = "bookstore-discount"; // demo catalogue: every level, 4 per talent per month, at merchant-bookstore
    private const int Quota = 4;
    private const int Talents = 6;
    private const int AttemptsPerTalent = 10;
    private const int KillAfterAcknowledged = 10;

    private readonly string home = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "talentpass-crash-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly StringBuilder log = new();
    private readonly int port = FreePort();
    private Process? app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri BaseUrl => new($"http://127.0.0.1:{port}/");

    [Fact]
    public async Task Redeem_ProcessKilledMidLoad_EveryAcknowledgedRedemptionSurvivesAndNoQuotaOverSpent()
    {
        await StartAsync();
        using var office = await ClientAsync("demo-talentoffice", TalentPassFactory.DemoPassword);
        using var merchant = await ClientAsync("demo-merchant", TalentPassFactory.DemoPassword);
        var talents = new List<(HttpClient Client, string LookupId, Guid RightId)>();
        for (var i = 0; i < Talents; i++)
        {
            var username = IdentityApi.UniqueName("crash");
            var account = await IdentityApi.CreateAccountAsync(office, username, [Roles.Talent], null);
            await TalentsApi.RegisterAsync(office, TalentsApi.UniqueName(), level: "e", accountId: account.GetProperty("id").GetGuid());
            var client = await ClientAsync(username, IdentityApi.StrongPassword);
            var code = (await (await client.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("code").GetString()!;
            var lookup = await (await merchant.PostAsJsonAsync("/api/v1/redemptions/lookup", new { code }, Ct)).ReadJsonAsync();
            var right = lookup.GetProperty("rights").EnumerateArray().Single(r => r.GetProperty("code").GetString() == Right);
            talents.Add((client, lookup.GetProperty("lookupId").GetString()!, right.GetProperty("rightId").GetGuid()));
        }

        var acknowledged = new ConcurrentBag<(int Talent, Guid Id)>();
        var work = new ConcurrentQueue<int>(Enumerable.Range(0, Talents * AttemptsPerTalent).Select(i => i % Talents));
        var killed = 0;
        async Task WorkerAsync()
        {
            while (work.TryDequeue(out var t))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/redemptions")
                    {
                        Content = JsonContent.Create(new { lookupId = talents[t].LookupId, rightId = talents[t].RightId }),
                    };
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    using var response = await merchant.SendAsync(request, Ct);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Add((t, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid()));
                        if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            app!.Kill(); // SIGKILL: no graceful shutdown, requests in flight are cut
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The server was killed: not acknowledged.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => WorkerAsync()));
        killed.ShouldBe(1, "the load ended before the kill; the test proves nothing");
        await app!.WaitForExitAsync(Ct);

        await StartAsync();
        using var merchantAfter = await ClientAsync("demo-merchant", TalentPassFactory.DemoPassword);
        for (var t = 0; t < Talents; t++)
        {
            var mine = await (await talents[t].Client.GetAsync(new Uri("/api/v1/redemptions/me?size=100", UriKind.Relative), Ct)).ReadJsonAsync();
            var redeemed = mine.GetProperty("items").EnumerateArray()
                .Where(r => r.GetProperty("status").GetString() == "redeemed")
                .Select(r => r.GetProperty("id").GetGuid())
                .ToHashSet();
            foreach (var (_, id) in acknowledged.Where(a => a.Talent == t))
            {
                redeemed.ShouldContain(id, "an acknowledged redemption was lost");
            }

            redeemed.Count.ShouldBeLessThanOrEqualTo(Quota, "the quota was over-spent");
            var code = (await (await talents[t].Client.GetAsync(new Uri("/api/v1/codes/me", UriKind.Relative), Ct)).ReadJsonAsync()).GetProperty("code").GetString()!;
            var lookup = await (await merchantAfter.PostAsJsonAsync("/api/v1/redemptions/lookup", new { code }, Ct)).ReadJsonAsync();
            var right = lookup.GetProperty("rights").EnumerateArray().Single(r => r.GetProperty("code").GetString() == Right);
            right.GetProperty("leftForTalent").GetInt32().ShouldBe(Quota - redeemed.Count, "the quota counter disagrees with the redemptions stored");
        }

        foreach (var (client, _, _) in talents)
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is { HasExited: false })
        {
            app.Kill();
            await app.WaitForExitAsync();
        }

        app?.Dispose();
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task<HttpClient> ClientAsync(string username, string password)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password }, Ct);
        var token = await response.ReadJsonAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    private async Task StartAsync()
    {
        var dll = FindWebApp();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl.GetLeftPart(UriPartial.Authority);
        start.Environment["TALENTPASS_HOME"] = home;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__TalentPass"] = $"Data Source={Path.Combine(home, "talentpass.db")}";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Talents"] = "10";
        start.Environment["DOTNET_NOLOGO"] = "1";
        app = new Process { StartInfo = start };
        app.OutputDataReceived += (_, e) => Append(e.Data);
        app.ErrorDataReceived += (_, e) => Append(e.Data);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            app.HasExited.ShouldBeFalse($"The web app exited before it was ready:{Environment.NewLine}{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested)
            {
                // Busy migrating or seeding.
            }

            (clock.Elapsed < TimeSpan.FromSeconds(90)).ShouldBeTrue($"The web app was not ready in 90 s:{Environment.NewLine}{Tail()}");
            await Task.Delay(200, Ct);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private string Tail()
    {
        lock (log)
        {
            return string.Join(Environment.NewLine, log.ToString().Split('\n').TakeLast(40));
        }
    }

    /// <summary>The built web app: <c>TALENTPASS_WEB_DLL</c>, else <c>src/TalentPass.Web/bin/&lt;configuration&gt;/net10.0/</c>.</summary>
    private static string FindWebApp()
    {
        var configured = Environment.GetEnvironmentVariable("TALENTPASS_WEB_DLL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return new[] { "Debug", "Release" }
                    .Select(c => Path.Combine(dir.FullName, "src", "TalentPass.Web", "bin", c, framework, "TalentPass.Web.dll"))
                    .Where(File.Exists)
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault() ?? throw new FileNotFoundException("The web app is not built (src/TalentPass.Web/bin/…/TalentPass.Web.dll).");
            }
        }

        throw new DirectoryNotFoundException("TalentPass.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrWhiteSpace(host) && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
