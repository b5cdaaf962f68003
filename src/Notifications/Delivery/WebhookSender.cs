using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace IdmPlatform.Notifications.Delivery;

public sealed record DeliveryOutcome(bool Succeeded, int? StatusCode, int LatencyMs, string? Error);

/// <summary>Posts a payload signed the Standard Webhooks way: HMAC-SHA256 over "id.timestamp.body".</summary>
public sealed class WebhookSender : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Not the factory's default client: its retry handler would resend, and the delivery queue owns retries.
    // Redirects are not followed, so a subscriber cannot bounce us to an address we refused.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout,
    };

    public static string NewSecret() => $"whsec_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))}";

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return $"v1,{Convert.ToBase64String(signature)}";
    }

    public async Task<DeliveryOutcome> SendAsync(string url, string secret, string messageId, string body, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Sign(secret, messageId, timestamp, body));
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return new DeliveryOutcome(response.IsSuccessStatusCode, status, (int)clock.ElapsedMilliseconds,
                response.IsSuccessStatusCode ? null : $"The endpoint answered {status}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, null, (int)clock.ElapsedMilliseconds,
                ex is TaskCanceledException ? $"No answer within {Timeout.TotalSeconds} s." : ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>True when the URL's host resolves to a loopback, private or link-local address.</summary>
    public static async Task<bool> IsPrivateTargetAsync(Uri url, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(url.Host, cancellationToken);
        return addresses.Length == 0 || addresses.Any(IsPrivate);
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return address.Equals(IPAddress.IPv6Any);
        }

        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
