using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Notifications.Delivery;

/// <summary>How one attempt went. A permanent failure (a mailbox that does not exist) is not tried again.</summary>
public sealed record DeliveryOutcome(bool Succeeded, int? StatusCode, int LatencyMs, string? Error, bool Permanent = false);

/// <summary>Posts a payload signed the Standard Webhooks way: HMAC-SHA256 over "id.timestamp.body".</summary>
public sealed class WebhookSender(IOptions<WebhookOptions> options) : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Not the factory's default client: its retry handler would resend, and the delivery queue owns retries.
    // Redirects are not followed, so a subscriber cannot bounce us to an address we refused; and every connection is
    // checked, as a URL accepted while its name resolved to a public address may later resolve to a private one.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = NetworkAddresses.ConnectCallback(_ => options.Value.AllowPrivateTargets),
    })
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
            // The answer is its status: the body is never read, so the 10 s are to the status line, and an endpoint
            // that sends a large or endless body neither turns a 2xx into a failure (and a duplicate) nor fills memory.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
}
