using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TalentPass.Modules.Webhooks.Features.Delivery;

/// <summary>
/// SSRF sanity: endpoints are http(s) URLs without credentials; the addresses a host name resolves to are checked
/// when the URL is saved AND when the dispatcher connects (so a DNS answer cannot later point at an internal host).
/// Loopback and private networks only when configured (demo, tests); link-local (cloud metadata), multicast and
/// unspecified addresses never.
/// </summary>
internal sealed class DestinationGuard(IOptions<WebhooksOptions> options)
{
    public static bool IsWellFormed(string url, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Fragment) || string.IsNullOrEmpty(parsed.Host))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.Value.AllowLoopback;
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6Multicast)
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 0 || b[0] == 169 && b[1] == 254 || b[0] >= 224)
            {
                return false; // "this" network, link-local (metadata services), multicast and reserved
            }

            var privateRange = b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
            return !privateRange || options.Value.AllowPrivateNetworks;
        }

        var bytes = address.GetAddressBytes();
        var uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
        return !uniqueLocal || options.Value.AllowPrivateNetworks;
    }

    /// <summary>Resolves <paramref name="host"/> and returns the allowed addresses (empty when none is allowed or it does not resolve).</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken ct)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, ct);
            }
            catch (SocketException)
            {
                return [];
            }
        }

        // Every answer must be allowed: a name resolving to one public and one internal address is refused.
        return addresses.Length > 0 && addresses.All(IsAllowed) ? addresses : [];
    }

    /// <summary>The dispatcher's connect callback: connects only to allowed addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"The destination {context.DnsEndPoint.Host} is not allowed or does not resolve.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
