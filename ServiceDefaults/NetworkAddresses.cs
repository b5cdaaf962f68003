using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Guards outgoing calls to addresses users give us (webhooks, documents by URL, feeds): a public
/// deployment must not be made to call its own loopback or private network.
/// </summary>
public static class NetworkAddresses
{
    private static readonly byte[] Nat64Prefix = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>True when the URL's host resolves to a loopback, private, link-local or unspecified address.</summary>
    /// <exception cref="BadHttpRequestException">The host is not a name DNS can be asked about: the URL is the caller's error.</exception>
    public static async Task<bool> IsPrivateTargetAsync(Uri url, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(url.Host, cancellationToken);
        }
        catch (SocketException)
        {
            return false; // Unresolvable: the call itself will fail with a clear error.
        }
        catch (ArgumentException)
        {
            // A URL may carry a host DNS refuses to look up at all; that is a wrong URL (400), not the server's failure.
            throw new BadHttpRequestException(
                "The URL's host is not a name that can be looked up: a host name has at most 255 characters, and each of its labels at most 63.");
        }

        return addresses.Any(IsPrivate);
    }

    /// <summary>
    /// A connect step for <see cref="SocketsHttpHandler.ConnectCallback"/> that checks the address it actually connects
    /// to. Checking the name before the call is not enough: the name can resolve to a public address for the check and
    /// to a private one a moment later for the connection (DNS rebinding). Hosts for which mayBePrivate answers true
    /// (a deployment that allows private targets, or a host it names) connect wherever they resolve.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(Func<string, bool> mayBePrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (!mayBePrivate(host))
            {
                addresses = [.. addresses.Where(a => !IsPrivate(a))];
                if (addresses.Length == 0)
                {
                    throw new HttpRequestException($"'{host}' is a loopback or private address, which this deployment does not call.");
                }
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // 64:ff9b::/96 reaches an IPv4 address through a NAT64 gateway: judge the address it carries.
            var v6 = address.GetAddressBytes();
            return v6.AsSpan(0, 12).SequenceEqual(Nat64Prefix) && IsPrivate(new IPAddress(v6.AsSpan(12)));
        }

        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
