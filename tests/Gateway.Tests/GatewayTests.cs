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

    [Theory]
    [InlineData("/api/ingestion/sources", "admin")]
    [InlineData("/api/ingestion/sources/src_1", "admin")]
    [InlineData("/api/ingestion/jobs", "contributor")]
    [InlineData("/api/ingestion/jobs?status=failed", "contributor")]
    public async Task Reading_the_feeds_followed_and_the_list_of_everyones_submissions_needs_a_key(string url, string role)
    {
        async Task<HttpResponseMessage> ReadAsync(string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            return await _client.SendAsync(request);
        }

        await ProblemAssert.IsProblemAsync(await ReadAsync(null), HttpStatusCode.Unauthorized, role);
        if (role == "admin")
        {
            await ProblemAssert.IsProblemAsync(await ReadAsync(fixture.EditorKey), HttpStatusCode.Forbidden, role);
        }

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(role == "admin" ? fixture.AdminKey : fixture.ContributorKey)).StatusCode);
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
    public async Task A_key_over_its_limit_gets_429_with_retry_after_and_the_count_is_kept_in_redis()
    {
        // An hour-long window: the four requests fall in it however busy the machine is.
        var key = $"own-{Guid.NewGuid():N}";
        await using var strict = fixture.Create(permitLimit: 3, window: TimeSpan.FromHours(1), ownKey: key);
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=x")).StatusCode);
        }

        var refused = await client.GetAsync("/api/search?q=x");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 3000, 3600);

        // A second gateway replica shares the count through Redis.
        await using var replica = fixture.Create(permitLimit: 3, window: TimeSpan.FromHours(1), ownKey: key);
        using var replicaClient = replica.CreateClient();
        replicaClient.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await replicaClient.GetAsync("/api/search?q=x")).StatusCode);
    }

    [Fact]
    public async Task Two_replicas_claiming_permits_in_blocks_hold_a_busy_key_to_its_limit_within_a_block_each()
    {
        // A limit of 500 is claimed five permits at a time; the replicas take turns, as a balancer would send them.
        var key = $"own-{Guid.NewGuid():N}";
        await using var first = fixture.Create(permitLimit: 500, window: TimeSpan.FromHours(1), ownKey: key);
        await using var second = fixture.Create(permitLimit: 500, window: TimeSpan.FromHours(1), ownKey: key);
        using var one = first.CreateClient();
        using var other = second.CreateClient();
        var allowed = 0;
        for (var i = 0; i < 600; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x") { Headers = { { "X-Api-Key", key } } };
            using var response = await (i % 2 == 0 ? one : other).SendAsync(request);
            allowed += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.InRange(allowed, 500 - (2 * 4), 500);
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.RedisConnectionString);
        // Claims, not requests, reached Redis: a hundred blocks of five, then at most one refused claim per replica
        // (each learns so that the window's permits are all claimed, and asks no more).
        Assert.InRange((long)await redis.GetDatabase().StringGetAsync($"ratelimit:key:tests-own-{Caller.Hash(key)[..8]}"), 500, 510);
    }

    [Fact]
    public async Task Made_up_keys_are_refused_and_spend_the_senders_address_budget_instead_of_getting_their_own()
    {
        await using var strict = fixture.Create(permitLimit: 3, window: TimeSpan.FromHours(1));
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.RedisConnectionString);
        // The in-process test server has no client address; other tests' keyless requests count under it too.
        await redis.GetDatabase().KeyDeleteAsync("ratelimit:ip:unknown");
        using var client = strict.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var guess = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
            guess.Headers.Add("X-Api-Key", $"guess-{Guid.NewGuid():N}");
            var refused = await client.SendAsync(guess);
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized);
            Assert.Equal("ApiKey header=\"X-Api-Key\"", refused.Headers.WwwAuthenticate.ToString());
        }

        // Three guesses spent the address's three requests: even a keyless read now waits.
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/search?q=x"), HttpStatusCode.TooManyRequests);
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

    [Fact]
    public async Task A_post_repeated_with_its_idempotency_key_gets_the_first_answer_and_reaches_the_service_once()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(key, """{"content":"one"}""");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var calls = fixture.BackendCalls;

        var again = await PostAsync(key, """{"content":"one"}""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(calls, fixture.BackendCalls);

        await ProblemAssert.IsProblemAsync(await PostAsync(key, """{"content":"two"}"""), HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.Equal(calls, fixture.BackendCalls);

        // Without the key, or with another, each POST is its own request.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Guid.NewGuid().ToString(), """{"content":"one"}""")).StatusCode);
        Assert.Equal(calls + 1, fixture.BackendCalls);
    }

    [Fact]
    public async Task A_come_back_later_answer_is_not_kept_so_the_retry_under_the_same_key_is_served()
    {
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SubscribeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/subscriptions")
            {
                Content = new StringContent("""{"channel":{"type":"email","address":"someone@example.org"}}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request);
        }

        fixture.RefuseSubscriptions(1);
        var refused = await SubscribeAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);

        // The client waited as told and asks again with the same key: this time the service answers it.
        var retried = await SubscribeAsync();
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));

        // That answer is the one kept.
        var replayed = await SubscribeAsync();
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await retried.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_description_is_a_503_while_a_service_cannot_give_its_part_and_is_kept_once_merged()
    {
        await using var gateway = fixture.Create(GatewayFixture.PermitLimit);
        using var client = gateway.CreateClient();
        try
        {
            fixture.ServiceDocumentsAvailable = false;
            var refused = await client.GetAsync("/openapi/v1.json");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "OpenAPI document");
            Assert.NotNull(refused.Headers.RetryAfter);

            fixture.ServiceDocumentsAvailable = true;
            var merged = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            var operation = merged.GetProperty("paths").GetProperty("/api/ingestion/example").GetProperty("get");
            Assert.True(operation.GetProperty("responses").TryGetProperty("429", out _));
            Assert.EndsWith(client.BaseAddress!.Authority, merged.GetProperty("servers")[0].GetProperty("url").GetString(), StringComparison.Ordinal);

            // Merged once, it is served without asking the services again.
            fixture.ServiceDocumentsAvailable = false;
            var kept = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            Assert.True(kept.GetProperty("paths").TryGetProperty("/api/ingestion/example", out _));
        }
        finally
        {
            fixture.ServiceDocumentsAvailable = true;
        }
    }

    [Fact]
    public async Task An_upload_repeated_with_its_idempotency_key_gets_the_first_answer_though_its_boundary_is_new()
    {
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> UploadAsync(string text)
        {
            // A new form each time, with the new random boundary every client picks for each request.
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = new("text/plain") } }, "file", "statement.txt");
            form.Add(new StringContent("https://example.org/statement"), "sourceUrl");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents") { Content = form };
            request.Headers.Add("X-Api-Key", fixture.ContributorKey);
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request);
        }

        var first = await UploadAsync("The same file.");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var calls = fixture.BackendCalls;

        var again = await UploadAsync("The same file.");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(calls, fixture.BackendCalls);

        // Another file under the same key is still another request.
        await ProblemAssert.IsProblemAsync(await UploadAsync("Another file."), HttpStatusCode.UnprocessableEntity, "Idempotency-Key");

        // A body that is not the multipart it claims to be is passed on for the service to refuse, and kept as sent.
        using var broken = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents") { Content = new StringContent("no parts here") };
        broken.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
        broken.Headers.Add("X-Api-Key", fixture.ContributorKey);
        broken.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(broken)).StatusCode);
    }

    [Fact]
    public async Task Forwarded_requests_carry_a_fresh_signature_of_the_gateway_and_the_verified_role_and_a_client_cannot_supply_either()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", fixture.ContributorKey);
        request.Headers.Add(Microsoft.Extensions.Hosting.GatewaySignature.Header, "t=1,v1=forged");
        request.Headers.Add(Microsoft.Extensions.Hosting.GatewaySignature.RoleHeader, "admin");
        var echo = await (await _client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var signature = echo.GetProperty("signature").GetString();
        Assert.Equal("contributor", echo.GetProperty("role").GetString());
        Assert.True(Microsoft.Extensions.Hosting.GatewaySignature.IsValid(GatewaySigningHandler.TestKey, signature, "POST", "/api/ingestion/documents", "contributor", DateTimeOffset.UtcNow));
        Assert.False(Microsoft.Extensions.Hosting.GatewaySignature.IsValid(GatewaySigningHandler.TestKey, signature, "POST", "/api/ingestion/documents", "admin", DateTimeOffset.UtcNow));
        Assert.False(Microsoft.Extensions.Hosting.GatewaySignature.IsValid(GatewaySigningHandler.TestKey, signature, "DELETE", "/api/ingestion/documents", "contributor", DateTimeOffset.UtcNow));
        Assert.False(Microsoft.Extensions.Hosting.GatewaySignature.IsValid("another-key", signature, "POST", "/api/ingestion/documents", "contributor", DateTimeOffset.UtcNow));
        Assert.False(Microsoft.Extensions.Hosting.GatewaySignature.IsValid(GatewaySigningHandler.TestKey, signature, "POST", "/api/ingestion/documents", "contributor", DateTimeOffset.UtcNow.AddMinutes(10)));

        // Without a key, no role reaches the service, whatever the client claims.
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        anonymous.Headers.Add(Microsoft.Extensions.Hosting.GatewaySignature.RoleHeader, "admin");
        var anonymousEcho = await (await _client.SendAsync(anonymous)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(string.Empty, anonymousEcho.GetProperty("role").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string idempotencyKey, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", fixture.ContributorKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _client.SendAsync(request);
    }
}
