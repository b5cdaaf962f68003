using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdmPlatform.Testing;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>A document's whole journey through the gateway, as a user of the REST API sees it.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class DocumentJourneyTests(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;

    [Fact]
    public async Task A_submitted_document_is_catalogued_searchable_and_alerted_under_one_trace()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await _gateway.PostAsJsonAsync("/api/notifications/subscriptions",
            new { filter = new { q = marker }, channel = new { type = "webhook", url = receiver.Url } });
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        var secret = (await subscription.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        await using var stream = await EventStream.OpenAsync(_gateway, $"/api/notifications/stream?q={marker}");

        var traceId = ActivityTraceId.CreateRandom();
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents")
        {
            Content = JsonContent.Create(new
            {
                content = $"<html><body><h1>Youth voices at the dialogue</h1><p>\u201CWe are not only the future of migration governance, we are its present, and {marker} is our word for it,\u201D said Nadia Farouk, a youth delegate from Cairo.</p></body></html>",
                contentType = "text/html",
            }),
        };
        submit.Headers.Add("X-Api-Key", platform.Keys.Contributor);
        submit.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var accepted = await _gateway.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var location = accepted.Headers.Location!.ToString();

        var finished = await Eventually.ReturnsAsync(async () =>
        {
            var current = await _gateway.GetFromJsonAsync<JsonElement>(location);
            return current.GetProperty("status").GetString() is "completed" or "failed" ? (object)current : null;
        }, "the job to finish");
        Assert.Equal("completed", ((JsonElement)finished).GetProperty("status").GetString());

        var documentId = job.GetProperty("documentId").GetString();
        var statements = await Eventually.ReturnsAsync(async () =>
        {
            var page = await _gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?document={documentId}");
            return page.GetProperty("items").GetArrayLength() > 0 ? (object)page.GetProperty("items") : null;
        }, "the statements in the catalogue");
        var quote = ((JsonElement)statements).EnumerateArray().First(s => s.GetProperty("kind").GetString() == "quote");
        Assert.Contains("present", quote.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Nadia Farouk", quote.GetProperty("speaker").GetProperty("name").GetString());

        var found = await Eventually.ReturnsAsync(async () =>
        {
            // Twice: the gateway takes the search replicas in turn, and the feed below must find it on either.
            var result = await _gateway.GetFromJsonAsync<JsonElement>($"/api/search?q={marker}");
            var again = await _gateway.GetFromJsonAsync<JsonElement>($"/api/search?q={marker}");
            return result.GetProperty("total").GetInt32() > 0 && again.GetProperty("total").GetInt32() > 0 ? (object)result : null;
        }, "the statement in search");
        Assert.Equal(quote.GetProperty("id").GetString(), ((JsonElement)found).GetProperty("hits")[0].GetProperty("id").GetString());

        var webhook = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), "the webhook");
        Assert.True(webhook.IsSignedWith(secret));
        Assert.Contains(quote.GetProperty("id").GetString()!, webhook.Body, StringComparison.Ordinal);

        // One shape everywhere: the statement as GET answers it is the webhook's data, the stream's event and the
        // content a feed entry points to.
        var statement = JsonNode.Parse(await _gateway.GetStringAsync($"/api/catalogue/statements/{quote.GetProperty("id").GetString()}"));
        Assert.True(JsonNode.DeepEquals(statement, JsonNode.Parse(webhook.Body)!["data"]), webhook.Body);
        var streamed = await stream.NextAsync();
        Assert.Equal("statement.published", streamed.EventType);
        Assert.True(JsonNode.DeepEquals(statement, JsonNode.Parse(streamed.Data)), streamed.Data);
        var feed = System.Xml.Linq.XDocument.Parse(await _gateway.GetStringAsync($"/api/search/feed.atom?q={marker}"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var content = feed.Root!.Element(atom + "entry")!.Element(atom + "content")!.Attribute("src")!.Value;
        Assert.Equal(_gateway.BaseAddress!.Authority, new Uri(content).Authority);
        Assert.True(JsonNode.DeepEquals(statement, JsonNode.Parse(await _gateway.GetStringAsync(new Uri(content).PathAndQuery))));

        // One trace: the webhook POST carries the submission's trace id, so the trace ran from the gateway through
        // ingestion, RabbitMQ, the catalogue and notifications (the Aspire dashboard shows it whole).
        Assert.NotNull(webhook.TraceParent);
        Assert.Equal(traceId.ToHexString(), webhook.TraceParent.Split('-')[1]);
    }

    [Fact]
    public async Task An_email_subscriber_confirms_and_unsubscribes_by_the_links_mailed_to_them_without_a_key()
    {
        var address = $"reader-{Guid.NewGuid():N}@example.org";
        var created = await _gateway.PostAsJsonAsync("/api/notifications/subscriptions",
            new { filter = new { themes = new[] { "labour-migration" } }, channel = new { type = "email", address } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (id, token) = (subscription.GetProperty("id").GetString()!, subscription.GetProperty("managementToken").GetString()!);

        // The link leads to this platform's gateway, and the holder of the address needs nothing but it.
        var confirmation = (await platform.Mail.WaitForAsync(address))[0];
        var confirm = CaughtMail.LinkTo(confirmation, "/api/notifications/confirm");
        Assert.Equal(_gateway.BaseAddress!.Port, confirm.Port);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.GetAsync(confirm.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.PostAsync(confirm.PathAndQuery, null)).StatusCode);
        Assert.Equal("active", await _gateway.SubscriptionStatusAsync(id, token));

        Assert.Equal(HttpStatusCode.Accepted, (await _gateway.AsOwnerAsync(HttpMethod.Post, $"/api/notifications/subscriptions/{id}/ping", token)).StatusCode);
        var test = (await platform.Mail.WaitForAsync(address, 2))[1];
        var unsubscribe = new Uri(test.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal(_gateway.BaseAddress.Port, unsubscribe.Port);

        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.PostAsync(unsubscribe.PathAndQuery, oneClick)).StatusCode);
        Assert.Equal("unsubscribed", await _gateway.SubscriptionStatusAsync(id, token));
    }

    [Fact]
    public async Task Errors_through_the_gateway_are_problem_details()
    {
        await ProblemAssert.IsProblemAsync(await _gateway.GetAsync("/api/catalogue/statements/st_missing"), HttpStatusCode.NotFound);
        using var unsupported = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents")
        {
            Content = JsonContent.Create(new { content = "x", contentType = "image/png" }),
        };
        unsupported.Headers.Add("X-Api-Key", platform.Keys.Contributor);
        await ProblemAssert.IsProblemAsync(await _gateway.SendAsync(unsupported), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_write_without_a_key_is_refused_and_reading_needs_none()
    {
        await ProblemAssert.IsProblemAsync(
            await _gateway.PostAsJsonAsync("/api/ingestion/documents", new { content = "\u201CHello there, everyone,\u201D said Ann Lee.", contentType = "text/plain" }),
            HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.GetAsync("/api/catalogue/statements")).StatusCode);
    }

    [Fact]
    public async Task Every_service_and_the_gateway_report_healthy()
    {
        var health = await _gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>();
        var checks = report.GetProperty("checks");
        foreach (var service in new[] { "ingestion", "catalogue", "search", "notifications" })
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }

        // Aspire's Redis integration brings its own check; every check the gateway runs is healthy.
        Assert.Contains(checks.EnumerateObject(), check => check.Name.Contains("Redis", StringComparison.OrdinalIgnoreCase));
        Assert.All(checks.EnumerateObject(), check => Assert.Equal("Healthy", check.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_gateway_serves_one_openapi_document_for_every_service_and_its_reference_page()
    {
        var document = await _gateway.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/ingestion/documents", paths);
        Assert.Contains("/api/catalogue/statements", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/notifications/subscriptions", paths);
        Assert.Equal(HttpStatusCode.OK, (await _gateway.GetAsync("/docs")).StatusCode);
    }
}
