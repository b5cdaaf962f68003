using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IdmPlatform.Ingestion.Tests;

[Collection(nameof(IngestionCollection))]
public sealed class FeedSourceTests(IngestionFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();
    private readonly string _run = Guid.NewGuid().ToString("N");
    private LocalSite _site = null!;
    private int _flakyRequests;
    private int _refusedRequests;

    // Random, so PostgreSQL cannot compress it into a row of its index on the items seen (about 2.7 KB at most).
    private readonly string _longId = string.Concat(Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("N")));

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(app =>
    {
        var fullText = string.Concat(Enumerable.Repeat($"<p>\u201CNo one should have to choose between safety and family,\u201D said Ama Boateng ({_run}).</p>", 8));
        app.MapGet("/feed.xml", () => Rss(
            $"""
            <item><title>Full text item</title><link>{_site.Url("/full")}</link><guid>{_run}-1</guid>
              <pubDate>Tue, 21 May 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA[{fullText}]]></content:encoded></item>
            <item><title>Linked item</title><link>{_site.Url("/linked.html")}</link><guid>{_run}-2</guid>
              <description>Short teaser.</description></item>
            """));
        app.MapGet("/linked.html", () => Results.Content($"<html><body><p>\u201CData must guide policy,\u201D said Ivo Petrov ({_run}).</p></body></html>", "text/html"));
        app.MapGet("/broken.xml", () => Results.Content("<rss><channel><item>", "application/rss+xml"));
        // An undated item with its full text, an item whose long teaser links to the article, and one whose page
        // fails at the first request and answers at the next.
        var undated = string.Concat(Enumerable.Repeat($"<p>The regional review ended with a plan on labour mobility ({_run}-undated).</p>", 8));
        var teaser = string.Concat(Enumerable.Repeat("A teaser that runs on for a while before it stops. ", 12));
        app.MapGet("/mixed.xml", () => Rss(
            $"""
            <item><title>Undated</title><guid>{_run}-u</guid><content:encoded><![CDATA[{undated}]]></content:encoded></item>
            <item><title>Teaser</title><link>{_site.Url("/article.html")}</link><guid>{_run}-t</guid>
              <pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>{teaser}</p>]]></description></item>
            <item><title>Flaky</title><link>{_site.Url("/flaky.html")}</link><guid>{_run}-f</guid></item>
            """));
        app.MapGet("/article.html", () => Results.Content($"<html><body><p>The whole article, not its teaser ({_run}-article).</p></body></html>", "text/html"));
        app.MapGet("/flaky.html", () => Interlocked.Increment(ref _flakyRequests) == 1
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Content($"<html><body><p>Back again ({_run}-flaky).</p></body></html>", "text/html"));
        // Items whose pages the submission refuses: a type it does not accept, and an empty page.
        app.MapGet("/refusing.xml", () => Rss(
            $"""
            <item><title>Data</title><link>{_site.Url("/data.xml")}</link><guid>{_run}-data</guid></item>
            <item><title>Empty</title><link>{_site.Url("/empty.html")}</link><guid>{_run}-empty</guid></item>
            <item><title>Fine</title><link>{_site.Url("/article.html")}</link><guid>{_run}-fine</guid></item>
            """));
        app.MapGet("/data.xml", () =>
        {
            Interlocked.Increment(ref _refusedRequests);
            return Results.Content("<data>figures</data>", "text/xml");
        });
        app.MapGet("/empty.html", () => Results.Content(string.Empty, "text/html"));
        app.MapGet("/stuck.xml", () => Rss($"""<item><title>Stuck</title><link>{_site.Url("/article.html")}</link><guid>{_run}-stuck</guid></item>"""));
        // Dates as some sites write them: a zone RFC 822 does not name, and day and month in German.
        string Article(string marker) => string.Concat(Enumerable.Repeat($"<p>The consultation on return and reintegration went on ({_run}-{marker}).</p>", 8));
        app.MapGet("/dates.xml", () => Rss(
            $"""
            <item><title>Zoned</title><guid>{_run}-zoned</guid><pubDate>Tue, 21 May 2024 09:00:00 CEST</pubDate>
              <content:encoded><![CDATA[{Article("zoned")}]]></content:encoded></item>
            <item><title>German</title><guid>{_run}-german</guid><pubDate>Di, 21 Mai 2024 09:00:00 +0200</pubDate>
              <content:encoded><![CDATA[{Article("german")}]]></content:encoded></item>
            """));
        app.MapGet("/long-id.xml", () => Rss(
            $"""
            <item><title>Long id</title><guid isPermaLink="false">{_longId}</guid>
              <content:encoded><![CDATA[{Article("long-id")}]]></content:encoded></item>
            """));
    });

    /// <summary>An RSS 2.0 feed of the site, with these items.</summary>
    private IResult Rss(string items) => Results.Content(
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Dialogue news</title><link>{_site.Address}</link><description>Test feed</description>
        {items}
          </channel>
        </rss>
        """, "application/rss+xml");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<JsonElement> SourceAsync(string id) =>
        (await _client.GetFromJsonAsync<JsonElement>("/api/ingestion/sources")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == id);

    /// <summary>Follows the site's feed at this path; it is polled at once.</summary>
    private async Task<string> FollowAsync(string path)
    {
        var created = await _client.PostAsJsonAsync("/api/ingestion/sources", new { url = _site.Url(path), pollEvery = "PT1H" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// The source once a poll has finished (lastPolledAt is written when it has, with its error): the first poll, or the
    /// next one after the previous answer's.
    /// </summary>
    private async Task<JsonElement> PolledAsync(string id, JsonElement? previous = null)
    {
        var after = previous?.GetProperty("lastPolledAt").GetDateTimeOffset();
        return (JsonElement)await Eventually.ReturnsAsync(async () =>
            await SourceAsync(id) is var s && s.GetProperty("lastPolledAt").ValueKind == JsonValueKind.String
                && (after is null || s.GetProperty("lastPolledAt").GetDateTimeOffset() > after) ? (object)s : null,
            after is null ? "the first poll" : "the next poll");
    }

    /// <summary>Asks for a poll now and waits for it to finish.</summary>
    private async Task<JsonElement> PollAgainAsync(string id, JsonElement previous)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync($"/api/ingestion/sources/{id}/poll", null)).StatusCode);
        return await PolledAsync(id, previous);
    }

    [Fact]
    public async Task A_feed_is_polled_and_each_new_item_becomes_one_document_once()
    {
        var id = await FollowAsync("/feed.xml");

        var polled = await PolledAsync(id);
        Assert.Equal(2, polled.GetProperty("itemsSeen").GetInt32());
        var source = await PollAgainAsync(id, polled);

        Assert.Equal(2, source.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("lastError").ValueKind);
        var again = await _client.PostAsJsonAsync("/api/ingestion/sources", new { url = _site.Url("/feed.xml") });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);

        // One document per item, once: the full text from the feed, the linked page fetched.
        await using var documents = fixture.Database.CreateCommand(
            "SELECT convert_from(content, 'UTF8') FROM documents WHERE position(convert_to(@run, 'UTF8') IN content) > 0");
        documents.Parameters.AddWithValue("run", _run);
        var texts = new List<string>();
        await using (var reader = await documents.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                texts.Add(reader.GetString(0));
            }
        }

        Assert.Equal(2, texts.Count);
        Assert.Single(texts, t => t.Contains("Ama Boateng", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("Ivo Petrov", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_feed_records_its_error_on_the_source()
    {
        var id = await FollowAsync("/broken.xml");

        var source = await PolledAsync(id);

        Assert.Contains("feed", source.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"url\": \"not a url\"}")]
    [InlineData("{\"url\": \"https://example.org/feed\", \"pollEvery\": \"hourly\"}")]
    [InlineData("{\"url\": \"https://example.org/feed\", \"pollEvery\": \"PT5S\"}")]
    [InlineData("{\"url\": \"https://example.org/feed\", \"pollEvery\": \"P99999Y\"}")] // beyond what a TimeSpan holds
    public async Task A_bad_source_gets_400_problem_details(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PostAsync("/api/ingestion/sources", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_feed_url_longer_than_the_limit_gets_400_problem_details_saying_the_limit()
    {
        // Random, so PostgreSQL cannot compress it into its unique index's row: that refusal was a 500.
        var path = string.Concat(Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("N")));

        var response = await _client.PostAsJsonAsync("/api/ingestion/sources", new { url = $"https://example.org/{path}" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "at most 2048 bytes");
    }

    [Fact]
    public async Task An_item_whose_page_fails_is_taken_at_the_next_poll_and_items_keep_the_feeds_date_or_none()
    {
        var id = await FollowAsync("/mixed.xml");

        // The first poll takes two items and says the third will be tried again.
        var first = await PolledAsync(id);
        Assert.Equal(2, first.GetProperty("itemsSeen").GetInt32());
        Assert.Contains("503", first.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await DocumentsAsync("flaky"));

        var second = await PollAgainAsync(id, first);

        Assert.Equal(3, second.GetProperty("itemsSeen").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("lastError").ValueKind);
        Assert.Equal([(DateOnly?)null], await DocumentsAsync("undated")); // not year 1
        Assert.Equal([(DateOnly?)new DateOnly(2024, 6, 3)], await DocumentsAsync("article")); // the page, dated by the feed
        Assert.Single(await DocumentsAsync("flaky"));
    }

    [Fact]
    public async Task An_item_the_submission_refuses_is_reported_on_the_source_and_not_fetched_again()
    {
        var id = await FollowAsync("/refusing.xml");

        var first = await PolledAsync(id);

        // A refused page will be refused again: the items are seen, and the refusal says which and why.
        Assert.Equal(3, first.GetProperty("itemsSeen").GetInt32());
        var error = first.GetProperty("lastError").GetString();
        Assert.Contains("2 item(s) were refused", error, StringComparison.Ordinal);
        Assert.Contains(_site.Url("/data.xml").ToString(), error, StringComparison.Ordinal);
        Assert.Contains("'text/xml' is not accepted", error, StringComparison.Ordinal);
        await PollAgainAsync(id, first);
        Assert.Equal(1, Volatile.Read(ref _refusedRequests));
    }

    [Fact]
    public async Task An_item_with_a_date_the_standard_cannot_parse_is_taken_with_the_date_it_writes_or_none()
    {
        var polled = await PolledAsync(await FollowAsync("/dates.xml"));

        Assert.Equal(JsonValueKind.Null, polled.GetProperty("lastError").ValueKind); // not "Not an RSS or Atom feed"
        Assert.Equal(2, polled.GetProperty("itemsSeen").GetInt32());
        Assert.Equal([(DateOnly?)new DateOnly(2024, 5, 21)], await DocumentsAsync("zoned")); // the day it says
        Assert.Equal([(DateOnly?)null], await DocumentsAsync("german")); // no date rather than a wrong one
    }

    [Fact]
    public async Task A_poll_the_database_refuses_records_the_error_on_its_source()
    {
        // PostgreSQL refuses to record this one item as seen, as it refused an item id too long for its index: an error
        // of this source's poll, not a database that is away.
        await using var refusal = await DatabaseRefusal.InstallAsync(fixture.Database, "source_items", "item_key", $"{_run}-stuck", "54000");

        var polled = await PolledAsync(await FollowAsync("/stuck.xml"));

        Assert.Contains(DatabaseRefusal.Message, polled.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, polled.GetProperty("itemsSeen").GetInt32());
    }

    [Fact]
    public async Task An_item_with_a_very_long_id_is_taken_once()
    {
        var id = await FollowAsync("/long-id.xml");
        var first = await PolledAsync(id);

        var second = await PollAgainAsync(id, first);

        Assert.Equal(JsonValueKind.Null, first.GetProperty("lastError").ValueKind);
        Assert.Equal(1, second.GetProperty("itemsSeen").GetInt32()); // seen at the first poll, known at the second
        Assert.Single(await DocumentsAsync("long-id"));
    }

    /// <summary>
    /// The publication dates of the documents whose text carries this run's marker and the given word (searched as bytes:
    /// other tests store PDFs, which are not UTF-8).
    /// </summary>
    private async Task<List<DateOnly?>> DocumentsAsync(string marker)
    {
        await using var command = fixture.Database.CreateCommand(
            "SELECT published_on FROM documents WHERE position(convert_to(@marker, 'UTF8') IN content) > 0");
        command.Parameters.AddWithValue("marker", $"{_run}-{marker}");
        var dates = new List<DateOnly?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            dates.Add(reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0));
        }

        return dates;
    }
}
