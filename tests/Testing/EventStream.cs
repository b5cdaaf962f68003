using System.Net.ServerSentEvents;

namespace IdmPlatform.Testing;

/// <summary>Reads a text/event-stream as a client does, one event at a time, until the caller has what it waits for.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private EventStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public static async Task<EventStream> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event (comments and keep-alives are not events); the usual patience bounds the wait.</summary>
    public async Task<SseItem<string>> NextAsync()
    {
        using var patience = new CancellationTokenSource(Eventually.DefaultTimeout);
        var next = _events.MoveNextAsync().AsTask();
        await next.WaitAsync(patience.Token);
        return await next ? _events.Current : throw new EndOfStreamException("The stream ended.");
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or NotSupportedException)
        {
            // The stream was closed under the reader, which is how a client leaves; or a read was still pending when
            // the caller stopped waiting (the parser refuses to be disposed then), whose own failure is the one to see.
        }
    }
}
