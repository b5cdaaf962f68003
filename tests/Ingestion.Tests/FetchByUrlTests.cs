using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Ingestion.Jobs;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Ingestion.Tests;

[Collection(nameof(IngestionCollection))]
public sealed class FetchByUrlTests(IngestionFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();
    private readonly string _page = $"<html><head><meta charset=\"utf-8\"></head><body><p>\u201CCities are where inclusion happens,\u201D said Rosa Keller on {Guid.NewGuid():N}.</p></body></html>";
    private LocalSite _site = null!;

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(app =>
    {
        app.MapGet("/release.html", () => Results.Content(_page, "text/html; charset=utf-8"));
        app.MapGet("/moved", () => Results.Redirect("/release.html"));
        app.MapGet("/huge", async (HttpResponse response) =>
        {
            response.ContentType = "text/plain";
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await response.Body.WriteAsync(chunk);
            }
        });
        app.MapGet("/gone", () => Results.StatusCode(404));
        app.MapGet("/release.xhtml", () => Results.Content(
            $"""<?xml version="1.0" encoding="utf-8"?>{"\n"}<html xmlns="http://www.w3.org/1999/xhtml">{_page[6..]}""", "application/xhtml+xml; charset=utf-8"));
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_document_given_by_url_is_fetched_following_redirects_and_queued()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { url = _site.Url("/moved") });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        var job = await Eventually.ReturnsAsync(async () =>
        {
            var current = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
            return current.GetProperty("status").GetString() is "completed" or "failed" ? (object)current : null;
        }, "the fetched document's job");
        Assert.Equal("completed", ((JsonElement)job).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_page_served_as_xhtml_is_read_as_html()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { url = _site.Url("/release.xhtml") });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        var job = (JsonElement)await Eventually.ReturnsAsync(async () =>
        {
            var current = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
            return current.GetProperty("status").GetString() is "completed" or "failed" ? (object)current : null;
        }, "the fetched page's job");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("statementCount").GetInt32()); // the quotation, without the markup around it
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_while_streaming()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { url = _site.Url("/huge") });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "is over the 64 KiB limit.");
    }

    [Fact]
    public async Task A_url_that_answers_an_error_gets_a_422_saying_so()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { url = _site.Url("/gone") });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "404");
    }

    [Fact]
    public async Task Without_permission_a_loopback_address_is_never_fetched()
    {
        using var fetcher = new DocumentFetcher(Options.Create(new IngestionOptions { AllowPrivateUrls = false }));

        var result = await fetcher.FetchAsync(_site.Url("/release.html"), CancellationToken.None);

        Assert.Null(result.Document);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.Status);
        Assert.Contains("private", result.Error, StringComparison.Ordinal);
    }
}
