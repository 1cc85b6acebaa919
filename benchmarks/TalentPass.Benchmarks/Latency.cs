using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TalentPass.Benchmarks;

internal sealed record LatencyStats(string Scenario, int Requests, double P50, double P95, double P99, double Max, double MeanResults)
{
    public static LatencyStats From(string scenario, List<double> milliseconds, double meanResults)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new LatencyStats(scenario, milliseconds.Count, At(0.50), At(0.95), At(0.99), milliseconds[^1], meanResults);
    }
}

/// <summary>Sequential requests over one keep-alive connection, one latency sample per request (send to body read).</summary>
internal static class Latency
{
    public static async Task<LatencyStats> MeasureAsync(
        HttpClient client, string scenario, IReadOnlyList<string> urls, int warmup, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            using var response = await client.GetAsync(new Uri(urls[i % urls.Count], UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var samples = new List<double>(urls.Count);
        long results = 0;
        foreach (var url in urls)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            stopwatch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
            }

            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
            results += CountItems(body);
        }

        return LatencyStats.From(scenario, samples, (double)results / urls.Count);
    }

    /// <summary>The limit: a bare Kestrel endpoint answering a JSON page of the same shape, no database, no auth.</summary>
    public static async Task<LatencyStats> BareKestrelAsync(int requests, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var page = new
        {
            items = Enumerable.Range(0, 20).Select(i => new { id = Guid.NewGuid(), name = "张*明", level = "c", status = "active", idMasked = "4101**********1234", employerName = "示例科技有限公司" }).ToArray(),
            pageNumber = 1,
            pageSize = 20,
            total = 10000,
        };
        app.MapGet("/ping", () => Results.Json(page));
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var urls = Enumerable.Range(0, requests).Select(i => string.Create(CultureInfo.InvariantCulture, $"/ping?i={i}")).ToList();
        var stats = await MeasureAsync(client, "bare Kestrel, fixed JSON page (limit)", urls, 50, cancellationToken);
        await app.StopAsync(cancellationToken);
        return stats;
    }

    public static HttpClient Client(string baseAddress, string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(baseAddress),
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static int CountItems(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("items", out var items) ? items.GetArrayLength() : 0;
    }
}
