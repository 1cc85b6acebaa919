using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TalentPass.Verifier;

/// <summary>What a refresh or a cache load installed, and what went wrong (in words; nothing is thrown for bad data).</summary>
public sealed record VerifierRefreshResult(bool TrustListInstalled, int StatusListsInstalled, IReadOnlyList<string> Problems);

/// <summary>
/// Downloads the signed trust list and status lists from a TalentPass server into an <see cref="OfflineVerifier"/>
/// (GET api/v1/codes/trust-list, api/v1/codes/status-lists, api/v1/codes/status-lists/{id}, relative to the
/// <see cref="HttpClient.BaseAddress"/>, which should end with '/'), and keeps the last good copies in a folder so a
/// verifier can start without the network. Only documents that verify are cached.
/// </summary>
public sealed class VerifierClient(HttpClient http, OfflineVerifier verifier, string? cacheDirectory = null)
{
    public const string TrustListPath = "api/v1/codes/trust-list";
    public const string StatusListsPath = "api/v1/codes/status-lists";
    public const string TrustListFile = "trust-list.cose";

    /// <summary>Largest document downloaded (a status list of 16M entries, incompressible, is 4 MiB).</summary>
    public const int MaxDocumentBytes = 8 << 20;

    private static readonly string[] IdArrayProperties = ["ids", "statusLists", "lists", "items"];

    /// <summary>Fetches the trust list, then every status list it can find; installs what verifies and caches it.</summary>
    public async Task<VerifierRefreshResult> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var trustInstalled = false;
        var statusInstalled = 0;
        try
        {
            var trust = await GetAsync(TrustListPath, cancellationToken).ConfigureAwait(false);
            if (verifier.TryUseTrustList(trust, out var reason))
            {
                trustInstalled = true;
                await SaveAsync(TrustListFile, trust, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                problems.Add(reason!);
            }

            var index = await GetAsync(StatusListsPath, cancellationToken).ConfigureAwait(false);
            foreach (var id in ParseIds(index))
            {
                try
                {
                    var list = await GetAsync(StatusListsPath + "/" + id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                    if (verifier.TryUseStatusList(list, out reason))
                    {
                        statusInstalled++;
                        await SaveAsync(StatusListFile(id), list, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        problems.Add(reason!);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    problems.Add($"status list {id}: {e.Message}");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or TaskCanceledException)
        {
            problems.Add(e.Message);
        }

        return new VerifierRefreshResult(trustInstalled, statusInstalled, problems);
    }

    /// <summary>Installs the cached trust list and status lists (no network).</summary>
    public VerifierRefreshResult LoadCache()
    {
        var problems = new List<string>();
        if (cacheDirectory is null || !File.Exists(Path.Combine(cacheDirectory, TrustListFile)))
        {
            return new VerifierRefreshResult(false, 0, ["no cached trust list"]);
        }

        var trustInstalled = verifier.TryUseTrustList(File.ReadAllBytes(Path.Combine(cacheDirectory, TrustListFile)), out var reason);
        if (!trustInstalled)
        {
            problems.Add(reason!);
        }

        var statusInstalled = 0;
        foreach (var file in Directory.EnumerateFiles(cacheDirectory, "status-list-*.cose"))
        {
            if (verifier.TryUseStatusList(File.ReadAllBytes(file), out reason))
            {
                statusInstalled++;
            }
            else
            {
                problems.Add(reason!);
            }
        }

        return new VerifierRefreshResult(trustInstalled, statusInstalled, problems);
    }

    /// <summary>Reads the status-list index: a JSON array of ids or of objects with an "id", bare or under "ids"/"statusLists"/"lists"/"items".</summary>
    internal static IReadOnlyList<uint> ParseIds(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in IdArrayProperties)
            {
                if (root.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Array)
                {
                    root = property;
                    break;
                }
            }
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The status-list index is not a list of ids.");
        }

        var ids = new List<uint>();
        foreach (var element in root.EnumerateArray())
        {
            var value = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) ? id : element;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt32(out var number))
            {
                throw new JsonException("A status-list id is not an unsigned integer.");
            }

            ids.Add(number);
        }

        return ids;
    }

    private static string StatusListFile(uint id) => string.Create(CultureInfo.InvariantCulture, $"status-list-{id}.cose");

    private async Task<byte[]> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(path == StatusListsPath ? "application/json" : "application/cose"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw new IOException($"{path}: the document is larger than {MaxDocumentBytes} bytes.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new IOException($"{path}: the document is larger than {MaxDocumentBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task SaveAsync(string file, byte[] content, CancellationToken cancellationToken)
    {
        if (cacheDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(cacheDirectory);
        var target = Path.Combine(cacheDirectory, file);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, target, overwrite: true);
    }
}
