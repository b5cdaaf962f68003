using IdmPlatform.Ingestion.Jobs;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Ingestion.Tests;

/// <summary>Fetching by URL as a public deployment does it (private targets refused), against a real local site.</summary>
public sealed class DocumentFetcherTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _neverAnswers = new();
    private LocalSite _site = null!;

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(app =>
    {
        app.MapGet("/page.html", () => Results.Content("<p>Hello</p>", "text/html"));
        // A first hop on an allowed host that sends the fetcher on to a private address.
        app.MapGet("/to-private", () => Results.Redirect(_site.Url("/page.html").ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal)));
        app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        app.MapGet("/hangs", async () =>
        {
            await _neverAnswers.Task;
            return Results.Ok();
        });
        // Answers at once, then sends part of the body and stops sending.
        app.MapGet("/stalls", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync("<p>The first part, and then nothing more", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await _neverAnswers.Task;
        });
        // Promises more than it sends, then drops the connection.
        app.MapGet("/cut-short", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync(new string('x', 5_000), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
        app.MapGet("/not-gzip", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.WriteAsync("<p>Plain text that says it is compressed</p>", context.RequestAborted);
        });
    });

    public async Task DisposeAsync()
    {
        _neverAnswers.TrySetResult();
        await _site.DisposeAsync();
    }

    private Uri On(string path) => new(_site.Url(path).ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));

    private static DocumentFetcher Fetcher(TimeSpan? timeout = null) => new(Options.Create(new IngestionOptions
    {
        AllowPrivateUrls = false,
        AllowedPrivateHosts = ["localhost"],
        FetchTimeout = timeout ?? TimeSpan.FromSeconds(30),
    }));

    [Fact]
    public async Task An_allowed_host_is_fetched()
    {
        using var fetcher = Fetcher();

        var fetched = await fetcher.FetchAsync(On("/page.html"), CancellationToken.None);

        Assert.NotNull(fetched.Document);
    }

    [Theory]
    [InlineData("/to-private", "'127.0.0.1' is a loopback or private address")] // a private address on a later hop
    [InlineData("/loop/0", "More than 5 redirects")]
    public async Task A_redirect_chain_that_goes_somewhere_refused_is_refused(string path, string reason)
    {
        using var fetcher = Fetcher();

        var fetched = await fetcher.FetchAsync(On(path), CancellationToken.None);

        Assert.Null(fetched.Document);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, fetched.Status);
        Assert.Contains(reason, fetched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_that_never_answers_is_given_up_after_the_fetch_timeout()
    {
        // The site never answers at all, so the outcome is the same however busy the machine is.
        using var fetcher = Fetcher(TimeSpan.FromSeconds(1));

        var fetched = await fetcher.FetchAsync(On("/hangs"), CancellationToken.None);

        Assert.Null(fetched.Document);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, fetched.Status);
        Assert.Contains("did not answer within 1 s", fetched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_that_stops_sending_its_body_is_given_up_after_the_fetch_timeout()
    {
        // The headers come at once and the rest never does: the timeout must cover the body too. Without it the
        // fetch would wait for ever; the guard only turns that into a failure instead of a stuck run.
        using var fetcher = Fetcher(TimeSpan.FromSeconds(1));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var fetched = await fetcher.FetchAsync(On("/stalls"), guard.Token);

        Assert.Null(fetched.Document);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, fetched.Status);
        Assert.Contains("did not answer within 1 s", fetched.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cut-short")] // the connection dropped half-way through the body
    [InlineData("/not-gzip")] // compression the body does not have
    public async Task A_body_the_site_breaks_is_a_422_naming_the_site(string path)
    {
        using var fetcher = Fetcher();

        var fetched = await fetcher.FetchAsync(On(path), CancellationToken.None);

        Assert.Null(fetched.Document);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, fetched.Status);
        Assert.Contains("could not be fetched", fetched.Error, StringComparison.Ordinal);
    }
}
