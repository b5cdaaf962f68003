using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Testing;

namespace IdmPlatform.Gateway.Tests;

[Collection(nameof(GatewayCollection))]
public sealed class GatewayTests(GatewayFixture fixture)
{
    private readonly HttpClient _client = fixture.Gateway.CreateClient();

    [Theory]
    [InlineData("/api/search?q=pathways")]
    [InlineData("/api/catalogue/statements?person=ana-lopez")]
    [InlineData("/api/ingestion/jobs/job_1")]
    [InlineData("/api/notifications/subscriptions/sub_1")]
    public async Task Each_public_path_is_forwarded_unchanged_to_its_service(string url)
    {
        var echoed = await _client.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(url, echoed.GetProperty("path").GetString() + echoed.GetProperty("query").GetString());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        await ProblemAssert.IsProblemAsync(await _client.GetAsync("/api/nowhere"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_carry_rate_limit_headers()
    {
        var response = await _client.GetAsync("/api/search?q=x");

        Assert.Equal(GatewayFixture.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("RateLimit-Limit").Single());
        Assert.True(int.Parse(response.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture) < GatewayFixture.PermitLimit);
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_and_the_count_is_kept_in_redis()
    {
        // An hour-long window: the four requests fall in it however busy the machine is.
        await using var strict = fixture.Create(permitLimit: 3, window: TimeSpan.FromHours(1));
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", $"key-{Guid.NewGuid():N}");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=x")).StatusCode);
        }

        var refused = await client.GetAsync("/api/search?q=x");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 3000, 3600);

        // A second gateway replica shares the count through Redis.
        await using var replica = fixture.Create(permitLimit: 3, window: TimeSpan.FromHours(1));
        using var replicaClient = replica.CreateClient();
        replicaClient.DefaultRequestHeaders.Add("X-Api-Key", client.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await replicaClient.GetAsync("/api/search?q=x")).StatusCode);
    }

    [Fact]
    public async Task The_gateway_is_healthy_only_while_its_services_are()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health")).StatusCode);

        fixture.BackendHealthy = false;
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            fixture.BackendHealthy = true;
        }
    }

    [Fact]
    public async Task Writing_needs_a_key_whose_role_covers_the_route()
    {
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(new { content = "x", contentType = "text/plain" }) };
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            return await _client.SendAsync(request);
        }

        await ProblemAssert.IsProblemAsync(await SendAsync(HttpMethod.Post, "/api/ingestion/documents", null), HttpStatusCode.Unauthorized, "contributor");
        await ProblemAssert.IsProblemAsync(await SendAsync(HttpMethod.Post, "/api/ingestion/documents", "made-up"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/api/ingestion/documents", fixture.ContributorKey)).StatusCode);
        await ProblemAssert.IsProblemAsync(await SendAsync(HttpMethod.Delete, "/api/catalogue/statements/st_1", fixture.ContributorKey), HttpStatusCode.Forbidden, "editor");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Delete, "/api/catalogue/statements/st_1", fixture.EditorKey)).StatusCode);
        await ProblemAssert.IsProblemAsync(await SendAsync(HttpMethod.Post, "/api/ingestion/sources", fixture.EditorKey), HttpStatusCode.Forbidden, "admin");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/api/notifications/subscriptions", null)).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/ingestion/documents", "contributor")]
    [InlineData("DELETE", "/api/catalogue/statements/st_1", "editor")]
    [InlineData("POST", "/api/ingestion/sources", "admin")]
    public async Task Each_role_includes_the_ones_below_it(string method, string url, string lowest)
    {
        string[] order = ["contributor", "editor", "admin"];
        var keys = new Dictionary<string, string> { ["contributor"] = fixture.ContributorKey, ["editor"] = fixture.EditorKey, ["admin"] = fixture.AdminKey };
        foreach (var role in order)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { content = "x", contentType = "text/plain" }) };
            request.Headers.Add("X-Api-Key", keys[role]);
            var response = await _client.SendAsync(request);

            if (Array.IndexOf(order, role) >= Array.IndexOf(order, lowest))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, lowest);
            }
        }
    }

    [Fact]
    public async Task With_redis_unreachable_requests_still_go_through_unlimited()
    {
        // Nothing listens on port 1: the limiter cannot count, and losing it must not take the API down.
        await using var withoutRedis = fixture.Create(permitLimit: 1, redis: "127.0.0.1:1,connectTimeout=500");
        using var client = withoutRedis.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync("/api/search?q=x");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("1", response.Headers.GetValues("RateLimit-Limit").Single());
        }
    }
}
