using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using TalentPass.IntegrationTests.Infrastructure;

namespace TalentPass.IntegrationTests.Partners;

/// <summary>
/// Signs partner-API requests exactly as docs/partner-api.md tells a bank's developer (written independently of the
/// server's code, so the tests check the documented algorithm, not the implementation against itself):
/// canonical string = "TP1-HMAC-SHA256\n{keyId}\n{timestamp}\n{nonce}\n{METHOD}\n{path?query}\n{hex sha256(body)}",
/// signature = Base64(HMAC-SHA256(UTF-8 secret, UTF-8 canonical string)). Also adds a fresh Idempotency-Key to
/// state-changing requests that have none (set <see cref="AutoIdempotencyKey"/> false to test its absence).
/// Usage: <c>var client = PartnerApiClient.Create(factory, keyId, secret);</c>
/// </summary>
public sealed class PartnerApiClient(string keyId, string secret) : DelegatingHandler
{
    public const string Algorithm = "TP1-HMAC-SHA256";

    /// <summary>Overrides the clock (Unix seconds) for stale-timestamp tests; null = now.</summary>
    public Func<long>? Timestamp { get; set; }

    /// <summary>Overrides the nonce for replay tests; null = a fresh random nonce per request.</summary>
    public Func<string>? Nonce { get; set; }

    public bool AutoIdempotencyKey { get; set; } = true;

    /// <summary>The last canonical string signed (for diagnostics).</summary>
    public string? LastCanonicalString { get; private set; }

    /// <summary>An <see cref="HttpClient"/> on the test host whose requests are signed with the given key.</summary>
    public static HttpClient Create(TalentPassFactory factory, string keyId, string secret, Action<PartnerApiClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var signer = new PartnerApiClient(keyId, secret);
        configure?.Invoke(signer);
        return factory.CreateDefaultClient(new Uri("http://localhost"), signer);
    }

    /// <summary>A client whose handler is returned too, to change its clock or nonce between requests.</summary>
    public static (HttpClient Client, PartnerApiClient Signer) CreateWithSigner(TalentPassFactory factory, string keyId, string secret)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var signer = new PartnerApiClient(keyId, secret);
        return (factory.CreateDefaultClient(new Uri("http://localhost"), signer), signer);
    }

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string CanonicalString(string keyId, long timestamp, string nonce, string method, string pathAndQuery, string bodySha256Hex) =>
        string.Join('\n', Algorithm, keyId, timestamp.ToString(CultureInfo.InvariantCulture), nonce, method.ToUpperInvariant(), pathAndQuery, bodySha256Hex);

    public static string Sign(string secret, string canonicalString) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonicalString)));

    public static string BodySha256(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = Timestamp?.Invoke() ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var nonce = Nonce?.Invoke() ?? NewNonce();
        var canonical = CanonicalString(keyId, timestamp, nonce, request.Method.Method, request.RequestUri!.PathAndQuery, BodySha256(body));
        LastCanonicalString = canonical;
        request.Headers.Remove("X-TalentPass-Key");
        request.Headers.Add("X-TalentPass-Key", keyId);
        request.Headers.Add("X-TalentPass-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TalentPass-Nonce", nonce);
        request.Headers.Add("X-TalentPass-Signature", Sign(secret, canonical));
        if (AutoIdempotencyKey
            && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head
            && !request.Headers.Contains("Idempotency-Key"))
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
