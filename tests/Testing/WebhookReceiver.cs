using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IdmPlatform.Testing;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, string? TraceParent = null)
{
    /// <summary>Checks the signature as a Standard Webhooks consumer would.</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => s == $"v1,{expected}");
    }
}

/// <summary>A subscriber's endpoint on loopback that records every webhook it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private LocalSite _site = null!;
    private int _failuresLeft;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => _site.Url("/hook");

    /// <summary>Answers 500 to the next n calls, as a subscriber's flaky server would.</summary>
    public void FailNext(int n) => Interlocked.Exchange(ref _failuresLeft, n);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._site = await LocalSite.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(500);
            }

            receiver.Received.Enqueue(new ReceivedWebhook(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body, request.Headers.TraceParent.FirstOrDefault()));
            return Results.NoContent();
        }));
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();
}
