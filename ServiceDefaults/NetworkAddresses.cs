using System.Net;
using System.Net.Sockets;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Guards outgoing calls to addresses users give us (webhooks, documents by URL, feeds): a public
/// deployment must not be made to call its own loopback or private network.
/// </summary>
public static class NetworkAddresses
{
    /// <summary>True when the URL's host resolves to a loopback, private, link-local or unspecified address.</summary>
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

        return addresses.Any(IsPrivate);
    }

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

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
