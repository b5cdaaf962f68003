using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>The outcome of fetching a document by URL: the document, or why not (with the status to answer).</summary>
public sealed record FetchResult(SubmittedDocument? Document, int Status, string? Error);

/// <summary>
/// Fetches a document by URL with a size cap and a timeout. Redirects are followed by hand, each hop's scheme checked
/// and their number bounded; every connection is checked where it is made, so no hop reaches a loopback or private
/// address unless the deployment allows it.
/// </summary>
public sealed class DocumentFetcher(IOptions<IngestionOptions> options) : IDisposable
{
    private const int MaxRedirects = 5;

    // Not the client's own timeout, which ends when the headers arrive: each hop's token below also bounds the body's
    // reading, so a site that trickles bytes cannot hold a request or the feed poller.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = NetworkAddresses.ConnectCallback(host => MayBePrivate(options.Value, host)),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "User-Agent", "IdmPlatform/1.0 (+statement catalogue)" } },
    };

    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxDocumentBytes;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (url.Scheme is not ("http" or "https"))
            {
                return Refused(StatusCodes.Status400BadRequest, $"Only http and https URLs can be fetched, not '{url.Scheme}'.");
            }

            using var hopTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            hopTimeout.CancelAfter(options.Value.FetchTimeout);
            try
            {
                using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, hopTimeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
                {
                    url = next.IsAbsoluteUri ? next : new Uri(url, next);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Refused(StatusCodes.Status422UnprocessableEntity, $"{url} answered {(int)response.StatusCode}.");
                }

                if (response.Content.Headers.ContentLength > limit)
                {
                    return Refused(StatusCodes.Status413PayloadTooLarge, $"The document at {url} is over the {ByteSize.Describe(limit)} limit.");
                }

                var content = await ReadCappedAsync(await response.Content.ReadAsStreamAsync(hopTimeout.Token), limit, hopTimeout.Token);
                if (content is null)
                {
                    return Refused(StatusCodes.Status413PayloadTooLarge, $"The document at {url} is over the {ByteSize.Describe(limit)} limit.");
                }

                var declared = response.Content.Headers.ContentType;
                var contentType = declared?.MediaType switch
                {
                    null or "application/octet-stream" => DocumentSubmission.ContentTypeFromFileName(url.AbsolutePath),
                    // XHTML is HTML written as XML, which the HTML reader reads; sites serving it would be refused otherwise.
                    "application/xhtml+xml" => new MediaTypeHeaderValue("text/html") { CharSet = declared.CharSet }.ToString(),
                    _ => declared.ToString(),
                };
                return new FetchResult(new SubmittedDocument(content, contentType, url.ToString(), null, null), StatusCodes.Status200OK, null);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Refused(StatusCodes.Status422UnprocessableEntity, $"{url} did not answer within {options.Value.FetchTimeout.TotalSeconds} s.");
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException)
            {
                // The site's fault, not the caller's: a refused or dropped connection, a body cut short, bad compression.
                return Refused(StatusCodes.Status422UnprocessableEntity, $"{url} could not be fetched: {ex.Message}");
            }
        }

        return Refused(StatusCodes.Status422UnprocessableEntity, $"More than {MaxRedirects} redirects.");
    }

    public void Dispose() => _http.Dispose();

    private static FetchResult Refused(int status, string error) => new(null, status, error);

    private static bool MayBePrivate(IngestionOptions options, string host) =>
        options.AllowPrivateUrls || options.AllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads at most limit bytes; null when there is more, so a lying server cannot flood us.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
