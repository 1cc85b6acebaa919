using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(TalentPass.BrowserTests.Infrastructure.WebAppFixture))]

namespace TalentPass.BrowserTests.Infrastructure;

/// <summary>
/// The real, already built web app (<c>dotnet TalentPass.Web.dll</c>, nothing is built here) on a free loopback port
/// with a fresh SQLite database and demo data, plus Debian's Chromium driven by Playwright, shared by the whole
/// test assembly. Its console output goes to <c>artifacts/browser/webapp.log</c>.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>Refresh period of dynamic talent codes in this app (Codes:PeriodSeconds).</summary>
    public const int CodePeriodSeconds = 10;

    /// <summary>Chromium's flags on this kind of machine: no sandbox as root, no network beyond loopback.</summary>
    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync",
    ];

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder log = new();
    private Process? app;
    private string? home;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not initialised.");

    /// <summary><c>artifacts/browser/</c> in the repository: failure screenshots and page HTML, the app log.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "browser")).FullName;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async ValueTask InitializeAsync()
    {
        await StartAppAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            app.Dispose();
        }

        await File.WriteAllTextAsync(Path.Combine(ArtifactsDirectory, "webapp.log"), AppLog());
        if (home is not null)
        {
            try
            {
                Directory.Delete(home, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is left to the OS.
            }
        }
    }

    /// <summary>A fresh browser context (own cookies) and page; <see cref="BrowserTest"/> uses it per test.</summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(new ViewportSize { Width = 1280, Height = 800 });

    /// <summary>A fresh context with the given screen size, e.g. a phone (390 × 844) with touch.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize viewport, bool phone = false) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "zh-CN",
            ViewportSize = viewport,
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });

    public string AppLog()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>The last lines of the app's output, for failure messages (the whole log is in artifacts/browser/webapp.log).</summary>
    public string AppLogTail(int lines = 40) =>
        string.Join(Environment.NewLine, AppLog().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));

    /// <summary>
    /// The built web app: <c>TALENTPASS_WEB_DLL</c> if set, else <c>src/TalentPass.Web/bin/&lt;configuration&gt;/net10.0/</c>
    /// of the configuration these tests were built with, else of the other one.
    /// </summary>
    public static string FindWebApp()
    {
        var configured = Environment.GetEnvironmentVariable("TALENTPASS_WEB_DLL");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException($"TALENTPASS_WEB_DLL={configured} does not exist.");
        }

#if DEBUG
        string[] configurations = ["Debug", "Release"];
#else
        string[] configurations = ["Release", "Debug"];
#endif
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)); // net10.0
        var candidates = configurations
            .Select(c => Path.Combine(RepositoryRoot, "src", "TalentPass.Web", "bin", c, framework, "TalentPass.Web.dll"))
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The web app is not built; build the solution first (scripts/test.sh does). Looked for:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", candidates)}");
    }

    /// <summary><c>TALENTPASS_CHROMIUM</c> if set, else <c>chromium</c> on PATH (Debian's package; never a downloaded browser).</summary>
    public static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("TALENTPASS_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: `apt-get install chromium fonts-noto-cjk` (scripts/test.sh does it).");
    }

    private async Task StartAppAsync()
    {
        var dll = FindWebApp();
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        home = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "talentpass-browser", Guid.NewGuid().ToString("N"))).FullName;

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
        start.Environment["Demo__Talents"] = "60";

        // Codes: a short refresh period so the code tests see the talent's code change (default 30 s; at least 5).
        start.Environment["Codes__PeriodSeconds"] = CodePeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Codes__AllowGeneratedKeys"] = "true";
        start.Environment["DOTNET_NOLOGO"] = "1";

        app = new Process { StartInfo = start };
        app.OutputDataReceived += (_, e) => Append(e.Data);
        app.ErrorDataReceived += (_, e) => Append(e.Data);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The web app ({dll}) exited with code {app.ExitCode} before it was ready:{Environment.NewLine}{AppLogTail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating or seeding.
            }

            if (deadline.Elapsed > StartupTimeout)
            {
                throw new TimeoutException($"The web app was not ready within {StartupTimeout} (GET /health/ready never answered 200):{Environment.NewLine}{AppLogTail()}");
            }

            await Task.Delay(250);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    /// <summary>The dotnet executable running these tests (set by the SDK) or the one on PATH.</summary>
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

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TalentPass.slnx above {AppContext.BaseDirectory}.");
    }
}
