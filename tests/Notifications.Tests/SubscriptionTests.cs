using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.Notifications.Tests;

[Collection(nameof(NotificationsCollection))]
public sealed class SubscriptionTests(NotificationsFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    private static StatementView Statement(string theme, string text = "Every child on the move needs a guardian.") => new(
        $"st_{Guid.NewGuid():N}", "quote", text, "en", new DateOnly(2024, 5, 21),
        new SpeakerView("sara-lind", "Sara Lind", "Youth delegate"), null, null, null, [theme], [7], new DocumentRefView($"doc_{Guid.NewGuid():N}", "Notes", null), new PassageView(0, text.Length));

    /// <summary>The statements as the catalogue publishes them: one event for a document's new statements.</summary>
    private static StatementsPublished Published(params StatementView[] statements) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, statements[0].Document.Id, statements);

    private async Task<(string Id, string Token, string Secret)> SubscribeAsync(Uri url, object filter)
    {
        var response = await _client.PostAsJsonAsync("/api/notifications/subscriptions", new { filter, channel = new { type = "webhook", url } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("managementToken").GetString()!, created.GetProperty("secret").GetString()!);
    }

    [Fact]
    public async Task A_matching_statement_reaches_the_webhook_once_signed_and_a_non_matching_one_never()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        var (_, _, secret) = await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        var matching = Statement(theme);
        var unrelated = Statement($"theme-{Guid.NewGuid():N}");
        // A document's statements come in one event; each is matched on its own.
        var published = Published(unrelated, matching);

        await fixture.Bus.Publish(published);
        await fixture.Bus.Publish(published); // at-least-once delivery: the same event again

        var webhook = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), "the webhook");
        Assert.True(webhook.IsSignedWith(secret));
        var body = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal("statement.published", body.GetProperty("type").GetString());
        Assert.Equal(matching.Id, body.GetProperty("data").GetProperty("id").GetString());

        // A statement published after the duplicate arrives on its own; the duplicate never does.
        var later = Statement(theme);
        await fixture.Bus.Publish(Published(later));
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Any(w => w.Body.Contains(later.Id, StringComparison.Ordinal))), "the later webhook");
        Assert.Single(receiver.Received, w => w.Body.Contains(matching.Id, StringComparison.Ordinal));
        Assert.Equal(2, receiver.Received.Count);

        // The non-matching statement was handled with the matching one, and queued no delivery: no webhook can follow.
        await using var queued = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE statement_id = @id");
        queued.Parameters.AddWithValue("id", unrelated.Id);
        Assert.Equal(0L, await queued.ExecuteScalarAsync());
        Assert.DoesNotContain(receiver.Received, w => w.Body.Contains(unrelated.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_manages_a_subscription_without_its_token_and_a_claimed_role_without_the_signature_is_nothing()
    {
        var (id, _, _) = await SubscribeAsync(new Uri("https://hooks.example.org/idm"), new { themes = new[] { "protection" } });
        using var admin = fixture.Service.CreateDefaultClient(new GatewaySigningHandler(role: "admin"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/notifications/subscriptions/{id}")).StatusCode);

        // The role header on its own, or signed as another role, counts for nothing.
        using var claimed = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/subscriptions/{id}");
        claimed.Headers.Add(GatewaySignature.RoleHeader, "admin");
        using var unsigned = fixture.Service.CreateClient();
        await ProblemAssert.IsProblemAsync(await unsigned.SendAsync(claimed), HttpStatusCode.NotFound);
        using var contributor = fixture.Service.CreateDefaultClient(new GatewaySigningHandler(role: "contributor"));
        await ProblemAssert.IsProblemAsync(await contributor.GetAsync($"/api/notifications/subscriptions/{id}"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/notifications/subscriptions/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_paused_subscription_hears_nothing_a_changed_filter_takes_effect_and_a_delivery_can_be_sent_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (first, second) = ($"theme-{Guid.NewGuid():N}", $"theme-{Guid.NewGuid():N}");
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { first } });
        using var owner = fixture.Service.CreateSignedClient();
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var paused = await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { status = "paused" });
        Assert.Equal("paused", (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var unheard = Published(Statement(first));
        await fixture.Bus.Publish(unheard);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(unheard.EventId), "the statement published while paused to be handled");

        var changed = await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { status = "active", filter = new { themes = new[] { second } } });
        Assert.Equal(second, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("filter").GetProperty("themes")[0].GetString());
        var heard = Statement(second);
        await fixture.Bus.Publish(Published(heard));
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Any(w => w.Body.Contains(heard.Id, StringComparison.Ordinal))), "the webhook under the new filter");
        Assert.DoesNotContain(receiver.Received, w => w.Body.Contains(unheard.Statements[0].Id, StringComparison.Ordinal));

        var delivery = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("status").GetString() == "delivered" ? (object)d : null, "the delivery to be logged");
        var deliveryId = ((JsonElement)delivery).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{id}/deliveries/{deliveryId}/redeliver", null)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Count(w => w.Body.Contains(heard.Id, StringComparison.Ordinal)) == 2), "the delivery sent again");
        await ProblemAssert.IsProblemAsync(await owner.PostAsync($"/api/notifications/subscriptions/{id}/deliveries/msg_none/redeliver", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { status = "sleeping" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { filter = new { q = "… —" } }), HttpStatusCode.BadRequest, "filter.q");
    }

    [Fact]
    public async Task A_paused_subscription_is_sent_nothing_and_what_was_queued_for_it_waits_until_it_is_resumed()
    {
        await using var pausedReceiver = await WebhookReceiver.StartAsync();
        await using var activeReceiver = await WebhookReceiver.StartAsync();
        var (id, token, _) = await SubscribeAsync(pausedReceiver.Url, new { themes = new[] { $"theme-{Guid.NewGuid():N}" } });
        var (activeId, activeToken, _) = await SubscribeAsync(activeReceiver.Url, new { themes = new[] { $"theme-{Guid.NewGuid():N}" } });
        using var owner = fixture.Service.CreateSignedClient();
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { status = "paused" })).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{id}/ping", null)).StatusCode);
        var queued = (await DeliveryAsync(id, token))!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/notifications/subscriptions/{activeId}/ping");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", activeToken);
        Assert.Equal(HttpStatusCode.Accepted, (await _client.SendAsync(request)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(!activeReceiver.Received.IsEmpty), "the active subscription's ping");

        // The worker takes due deliveries oldest first: had it taken the paused subscription's ping, it would have taken
        // it no later than the active one's, and taking it puts its next attempt off.
        var waiting = (await DeliveryAsync(id, token))!.Value;
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Equal(0, waiting.GetProperty("attempts").GetInt32());
        Assert.Equal(queued.GetProperty("nextAttemptAt").GetString(), waiting.GetProperty("nextAttemptAt").GetString());
        Assert.Empty(pausedReceiver.Received);

        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/notifications/subscriptions/{id}", new { status = "active" })).StatusCode);
        var ping = await Eventually.ReturnsAsync(() => Task.FromResult(pausedReceiver.Received.FirstOrDefault()), "the ping that waited");
        Assert.Equal("ping", JsonDocument.Parse(ping.Body).RootElement.GetProperty("type").GetString());
        await Eventually.HoldsAsync(async () => (await DeliveryAsync(id, token))?.GetProperty("status").GetString() == "delivered", "the ping to be logged delivered");
    }

    [Fact]
    public async Task A_stream_sends_matching_statements_as_the_same_json_as_the_webhook_and_resumes_after_the_last_event_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        await using var stream = await EventStream.OpenAsync(_client, $"/api/notifications/stream?themes={theme}");
        var first = Statement(theme);
        var second = Statement(theme);

        await fixture.Bus.Publish(Published(Statement($"theme-{Guid.NewGuid():N}")));
        await fixture.Bus.Publish(Published(first));
        var event1 = await stream.NextAsync();
        Assert.Equal("statement.published", event1.EventType);
        var expected = JsonSerializer.SerializeToNode(first, JsonSerializerOptions.Web);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(event1.Data)), event1.Data);

        // The webhook carries the very same JSON as its data.
        var webhook = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.FirstOrDefault(w => w.Body.Contains(first.Id, StringComparison.Ordinal))), "the webhook");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(webhook.Body)!["data"]));

        // A client that lost the connection after the first event resumes with the second, not the first again.
        await fixture.Bus.Publish(Published(second));
        await using var resumed = await EventStream.OpenAsync(_client, $"/api/notifications/stream?themes={theme}", event1.EventId);
        var event2 = await resumed.NextAsync();
        Assert.Equal(second.Id, JsonNode.Parse(event2.Data)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_and_the_delivery_log_shows_each_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(1);
        var theme = $"theme-{Guid.NewGuid():N}";
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });

        await fixture.Bus.Publish(Published(Statement(theme)));

        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.FirstOrDefault()), "the retried webhook");

        // The worker records the outcome after the receiver has answered: wait for the log, not for the webhook.
        var delivery = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("status").GetString() == "delivered" ? (object)d : null,
            "the delivery log to show the delivery");
        Assert.Equal(2, ((JsonElement)delivery).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task An_endpoint_that_answers_200_at_once_but_never_finishes_its_body_has_the_delivery_on_the_first_attempt()
    {
        // The status line and headers come at once; the body starts and then never ends, as a slow or hostile server's may.
        await using var endpoint = await LocalSite.StartAsync(app => app.MapPost("/hook", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("accepted, and then some", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));
        var theme = $"theme-{Guid.NewGuid():N}";
        var (id, token, _) = await SubscribeAsync(endpoint.Url("/hook"), new { themes = new[] { theme } });

        await fixture.Bus.Publish(Published(Statement(theme)));

        // The first attempt's outcome is the one asserted: a 2xx is success, whatever the body does afterwards.
        var attempted = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("attempts").GetInt32() >= 1 ? (object)d : null, "the first attempt to be logged");
        var delivery = (JsonElement)attempted;
        Assert.Equal(("delivered", 1, (string?)null),
            (delivery.GetProperty("status").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("lastError").GetString()));
        Assert.Equal(200, delivery.GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task A_delivery_still_failing_after_the_retry_window_is_given_up_as_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, token, theme, statement) = await FirstFailedDeliveryAsync(receiver);

        // The window (a day) has passed for this delivery: its next attempt is its last.
        await using (var age = fixture.Database.CreateCommand(
            "UPDATE deliveries SET created_at = now() - interval '2 days', due_at = now() - interval '2 days', next_attempt_at = now() WHERE statement_id = @id"))
        {
            age.Parameters.AddWithValue("id", statement.Id);
            await age.ExecuteNonQueryAsync();
        }

        var failed = await Eventually.ReturnsAsync(async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("status").GetString() == "failed" ? (object)d : null,
            "the delivery to be given up");
        Assert.True(((JsonElement)failed).GetProperty("attempts").GetInt32() >= 2);
        Assert.Empty(receiver.Received);
        Assert.Equal("active", await StatusAsync(id, token)); // a day of failures on a new subscription does not end it
    }

    [Fact]
    public async Task A_subscription_whose_endpoint_took_nothing_for_days_is_disabled_until_its_owner_resumes_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, token, theme, statement) = await FirstFailedDeliveryAsync(receiver);

        // Four days old, nothing ever delivered, and this delivery's day of retries over.
        await using (var age = fixture.Database.CreateCommand(
            """
            UPDATE subscriptions SET created_at = now() - interval '4 days' WHERE id = @subscription;
            UPDATE deliveries SET due_at = now() - interval '2 days', next_attempt_at = now() WHERE statement_id = @id;
            """))
        {
            age.Parameters.AddWithValue("subscription", id);
            age.Parameters.AddWithValue("id", statement.Id);
            await age.ExecuteNonQueryAsync();
        }

        await Eventually.HoldsAsync(async () => await StatusAsync(id, token) == "disabled", "the subscription disabled");

        // Disabled, it is queued nothing new; set active again by its owner, it is back.
        var whileDisabled = Published(Statement(theme));
        await fixture.Bus.Publish(whileDisabled);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(whileDisabled.EventId), "the statement handled");
        await using var queued = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE subscription_id = @id");
        queued.Parameters.AddWithValue("id", id);
        Assert.Equal(1L, await queued.ExecuteScalarAsync());
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "active" })).StatusCode);
        Assert.Equal("active", await StatusAsync(id, token));
    }

    [Fact]
    public async Task A_failed_delivery_sent_again_after_its_endpoint_is_fixed_has_a_new_day_of_retries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, token, _, statement) = await FirstFailedDeliveryAsync(receiver);
        await AgeAsync("UPDATE subscriptions SET created_at = now() - interval '4 days' WHERE id = @subscription;", id);
        await AgeAsync("UPDATE deliveries SET due_at = now() - interval '2 days', next_attempt_at = now() WHERE subscription_id = @subscription;", id);
        var failed = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("status").GetString() == "failed" ? (object)d : null, "the delivery given up");
        await Eventually.HoldsAsync(async () => await StatusAsync(id, token) == "disabled", "the subscription disabled");

        // The owner fixes the endpoint (which still stumbles once), resumes the subscription and sends the delivery again.
        receiver.FailNext(1);
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "active" })).StatusCode);
        var deliveryId = ((JsonElement)failed).GetProperty("id").GetString();
        var attemptsBefore = ((JsonElement)failed).GetProperty("attempts").GetInt32();
        Assert.Equal(HttpStatusCode.Accepted, (await AsOwnerAsync(HttpMethod.Post, $"/api/notifications/subscriptions/{id}/deliveries/{deliveryId}/redeliver", token)).StatusCode);

        // The stumble is retried after a back-off, not given up at once.
        var settled = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("attempts").GetInt32() > attemptsBefore && d.GetProperty("status").GetString() != "pending" ? (object)d : null,
            "the redelivery to be settled");
        Assert.Equal("delivered", ((JsonElement)settled).GetProperty("status").GetString());
        Assert.Contains(receiver.Received, w => w.Body.Contains(statement.Id, StringComparison.Ordinal));
        Assert.Equal("active", await StatusAsync(id, token));
    }

    [Fact]
    public async Task A_delivery_that_waited_more_than_a_day_for_its_paused_subscription_has_a_day_of_retries_once_resumed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { $"theme-{Guid.NewGuid():N}" } });
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "paused" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await AsOwnerAsync(HttpMethod.Post, $"/api/notifications/subscriptions/{id}/ping", token)).StatusCode);
        // Paused for two days, on a subscription old enough to be disabled if the delivery were given up.
        await AgeAsync(
            """
            UPDATE subscriptions SET created_at = now() - interval '4 days' WHERE id = @subscription;
            UPDATE deliveries SET due_at = now() - interval '2 days', next_attempt_at = now() - interval '2 days' WHERE subscription_id = @subscription;
            """, id);

        receiver.FailNext(1);
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "active" })).StatusCode);

        var settled = await Eventually.ReturnsAsync(
            async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("attempts").GetInt32() > 0 && d.GetProperty("status").GetString() != "pending" ? (object)d : null,
            "the ping to be settled");
        Assert.Equal(("delivered", 2), (((JsonElement)settled).GetProperty("status").GetString(), ((JsonElement)settled).GetProperty("attempts").GetInt32()));
        Assert.Single(receiver.Received);
        Assert.Equal("active", await StatusAsync(id, token));
    }

    /// <summary>Sets a subscription's rows back in time, as days passing would.</summary>
    private async Task AgeAsync(string sql, string subscriptionId)
    {
        await using var age = fixture.Database.CreateCommand(sql);
        age.Parameters.AddWithValue("subscription", subscriptionId);
        await age.ExecuteNonQueryAsync();
    }

    /// <summary>A subscription to a receiver that fails every delivery, and a statement whose first attempt has failed.</summary>
    private async Task<(string Id, string Token, string Theme, StatementView Statement)> FirstFailedDeliveryAsync(WebhookReceiver receiver)
    {
        receiver.FailNext(int.MaxValue);
        var theme = $"theme-{Guid.NewGuid():N}";
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        var statement = Statement(theme);
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(async () => await DeliveryAsync(id, token) is { } d && d.GetProperty("attempts").GetInt32() >= 1, "the first failed attempt");
        return (id, token, theme, statement);
    }

    private Task<string?> StatusAsync(string id, string token) => _client.SubscriptionStatusAsync(id, token);

    /// <summary>A request to the subscription's own endpoints, with its management token.</summary>
    private Task<HttpResponseMessage> AsOwnerAsync(HttpMethod method, string path, string token, object? body = null) =>
        _client.AsOwnerAsync(method, path, token, body);

    [Fact]
    public async Task A_retraction_is_announced_only_to_the_subscribers_who_were_told_of_the_statement()
    {
        await using var told = await WebhookReceiver.StartAsync();
        await using var notTold = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        await SubscribeAsync(told.Url, new { themes = new[] { theme } });
        await SubscribeAsync(notTold.Url, new { themes = new[] { $"theme-{Guid.NewGuid():N}" } });
        var statement = Statement(theme);
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(() => Task.FromResult(!told.Received.IsEmpty), "the statement's webhook");

        var retracted = new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id);
        await fixture.Bus.Publish(retracted);

        var retraction = await Eventually.ReturnsAsync(
            () => Task.FromResult(told.Received.FirstOrDefault(w => w.Body.Contains("statement.retracted", StringComparison.Ordinal))), "the retraction's webhook");
        Assert.Contains(statement.Id, retraction.Body, StringComparison.Ordinal);
        Assert.True(await fixture.WasHandledAsync(retracted.EventId));
        await using var queued = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE statement_id = @id AND event_type = 'statement.retracted'");
        queued.Parameters.AddWithValue("id", statement.Id);
        Assert.Equal(1L, await queued.ExecuteScalarAsync());
        Assert.Empty(notTold.Received);
    }

    [Fact]
    public async Task A_subscriber_told_of_a_statement_hears_of_its_retraction_after_resuming_from_a_pause()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        var statement = Statement(theme);
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the statement's webhook");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "paused" })).StatusCode);

        var retracted = new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id);
        await fixture.Bus.Publish(retracted);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(retracted.EventId), "the retraction handled");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(id, token, new { status = "active" })).StatusCode);

        var retraction = await Eventually.ReturnsAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(w => w.Body.Contains("statement.retracted", StringComparison.Ordinal))), "the retraction's webhook");
        Assert.Contains(statement.Id, retraction.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_naming_a_person_merged_into_another_names_the_other_afterwards()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (a, b) = ($"ama-{Guid.NewGuid():N}", $"bo-{Guid.NewGuid():N}");
        var (first, firstToken, _) = await SubscribeAsync(receiver.Url, new { people = new[] { a } });
        var (both, bothToken, _) = await SubscribeAsync(receiver.Url, new { people = new[] { a, b }, organisations = new[] { a } });

        var merged = new EntityMerged(Guid.NewGuid(), DateTimeOffset.UtcNow, "person", a, b);
        await fixture.Bus.Publish(merged);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(merged.EventId), "the merge handled");

        Assert.Equal([b], await FilterAsync(first, firstToken, "people"));
        Assert.Equal([b], await FilterAsync(both, bothToken, "people")); // named once, not twice
        Assert.Equal([a], await FilterAsync(both, bothToken, "organisations")); // a person's merge leaves organisations be
    }

    private async Task<IEnumerable<string?>> FilterAsync(string id, string token, string field)
    {
        var subscription = await (await AsOwnerAsync(HttpMethod.Get, $"/api/notifications/subscriptions/{id}", token)).Content.ReadFromJsonAsync<JsonElement>();
        return subscription.GetProperty("filter").GetProperty(field).EnumerateArray().Select(v => v.GetString()).ToList();
    }

    private Task<HttpResponseMessage> ChangeAsync(string id, string token, object change) =>
        AsOwnerAsync(HttpMethod.Patch, $"/api/notifications/subscriptions/{id}", token, change);

    [Fact]
    public async Task A_statement_whose_retraction_is_handled_before_its_publication_is_neither_alerted_nor_streamed_as_published()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        await using var stream = await EventStream.OpenAsync(_client, $"/api/notifications/stream?themes={theme}");
        var (withdrawn, standing) = (Statement(theme), Statement(theme));

        // The retraction overtakes the publication, as after a backlog, a retry or a replayed error queue.
        var retracted = new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, withdrawn.Id);
        await fixture.Bus.Publish(retracted);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(retracted.EventId), "the retraction to be handled");
        await fixture.Bus.Publish(Published(withdrawn, standing));

        // The stream shows the retraction, then the statement still standing, published with the withdrawn one.
        var events = new List<SseItem<string>>();
        do
        {
            events.Add(await stream.NextAsync());
        }
        while (!events[^1].Data.Contains(standing.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.EventType == "statement.published" && e.Data.Contains(withdrawn.Id, StringComparison.Ordinal));

        // Both statements' deliveries were queued in one transaction: once the standing one's arrives, none can follow.
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Any(w => w.Body.Contains(standing.Id, StringComparison.Ordinal))), "the standing statement's webhook");
        await using var queued = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE statement_id = @id");
        queued.Parameters.AddWithValue("id", withdrawn.Id);
        Assert.Equal(0L, await queued.ExecuteScalarAsync());
        Assert.DoesNotContain(receiver.Received, w => w.Body.Contains(withdrawn.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscription_can_be_followed_as_an_atom_feed_of_its_matching_statements_with_its_token()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { themes = new[] { theme } });
        var first = Statement(theme, "Return must be safe and dignified for everyone who goes home.");
        var second = Statement(theme, "A form feed\f from a PDF must not break a feed reader.");
        var unrelated = Statement($"theme-{Guid.NewGuid():N}");
        var withdrawn = Statement(theme);
        await fixture.Bus.Publish(Published(first, unrelated, withdrawn));
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Any(w => w.Body.Contains(withdrawn.Id, StringComparison.Ordinal))), "the first document's webhooks");
        var retraction = new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, withdrawn.Id);
        await fixture.Bus.Publish(retraction);
        await fixture.Bus.Publish(Published(second));
        await Eventually.HoldsAsync(async () => await fixture.WasHandledAsync(retraction.EventId)
            && receiver.Received.Any(w => w.Body.Contains(second.Id, StringComparison.Ordinal)), "the retraction and the second document");

        var response = await _client.GetAsync($"/api/notifications/subscriptions/{id}/feed.atom?token={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        // A strict reader: the bytes as sent, no DTDs; a character XML cannot hold would throw here.
        using var reader = System.Xml.XmlReader.Create(await response.Content.ReadAsStreamAsync(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var feed = System.Xml.Linq.XDocument.Load(reader);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(
            new[] { first.Id, second.Id }.Order(),
            entries.Select(e => e.Element(atom + "id")!.Value.Split('/')[^1]).Order());
        Assert.All(entries, e => Assert.Equal("Sara Lind", e.Element(atom + "author")!.Element(atom + "name")!.Value));

        // The token is the key: another one finds nothing, as for every other way to the subscription.
        var wrong = await _client.GetAsync($"/api/notifications/subscriptions/{id}/feed.atom?token=not-{token}");
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_corrected_statement_is_fed_as_corrected_to_the_subscriptions_it_now_matches_and_alerted_to_nobody_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (wrong, right) = ($"wrong-{Guid.NewGuid():N}", $"right-{Guid.NewGuid():N}");
        var (wrongId, wrongToken, _) = await SubscribeAsync(receiver.Url, new { people = new[] { wrong } });
        var (rightId, rightToken, _) = await SubscribeAsync(receiver.Url, new { people = new[] { right } });
        var statement = Statement($"theme-{Guid.NewGuid():N}") with { Speaker = new SpeakerView(wrong, "Wrong Speaker", null) };
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the statement's webhook");

        // An editor finds the statement was someone else's.
        var updated = new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Speaker = new SpeakerView(right, "Right Speaker", "Delegate") });
        await fixture.Bus.Publish(updated);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(updated.EventId), "the correction handled");

        Assert.Empty(await FeedAsync(wrongId, wrongToken));
        Assert.Equal([(statement.Id, "Right Speaker")], await FeedAsync(rightId, rightToken));
        // A correction is not a new statement: nobody is alerted of it again, nor are those it matches now.
        await using var queued = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE statement_id = @id");
        queued.Parameters.AddWithValue("id", statement.Id);
        Assert.Equal(1L, await queued.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_subscription_naming_a_person_merged_into_another_keeps_the_moved_statements_in_its_feed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (from, into) = ($"ama-{Guid.NewGuid():N}", $"ama-mensah-{Guid.NewGuid():N}");
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { people = new[] { from } });
        var statement = Statement($"theme-{Guid.NewGuid():N}") with { Speaker = new SpeakerView(from, "Ama", null) };
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty), "the statement's webhook");

        // The catalogue tells of each statement the merge moved, then of the merge.
        var moved = new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Speaker = new SpeakerView(into, "Ama Mensah", "Minister") });
        var merged = new EntityMerged(Guid.NewGuid(), DateTimeOffset.UtcNow, "person", from, into);
        await fixture.Bus.Publish(moved);
        await fixture.Bus.Publish(merged);
        await Eventually.HoldsAsync(async () => await fixture.WasHandledAsync(moved.EventId) && await fixture.WasHandledAsync(merged.EventId), "the merge handled");

        Assert.Equal([into], await FilterAsync(id, token, "people"));
        Assert.Equal([(statement.Id, "Ama Mensah")], await FeedAsync(id, token));
    }

    [Fact]
    public async Task A_correction_handled_before_its_statements_publication_is_what_is_alerted_and_fed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (wrong, right) = ($"wrong-{Guid.NewGuid():N}", $"right-{Guid.NewGuid():N}");
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { people = new[] { right } });
        var statement = Statement($"theme-{Guid.NewGuid():N}") with { Speaker = new SpeakerView(wrong, "Wrong Speaker", null) };

        // The correction overtakes the publication, as after a backlog, a retry or a replayed error queue.
        var updated = new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Speaker = new SpeakerView(right, "Right Speaker", null) });
        await fixture.Bus.Publish(updated);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(updated.EventId), "the correction handled");
        await fixture.Bus.Publish(Published(statement));

        var webhook = await Eventually.ReturnsAsync(
            () => Task.FromResult(receiver.Received.FirstOrDefault(w => w.Body.Contains(statement.Id, StringComparison.Ordinal))), "the statement's webhook");
        Assert.Equal(right, JsonNode.Parse(webhook.Body)!["data"]!["speaker"]!["slug"]!.GetValue<string>());
        Assert.Equal([(statement.Id, "Right Speaker")], await FeedAsync(id, token));
    }

    /// <summary>The subscription's Atom feed as its reader sees it: each entry's statement id and author.</summary>
    private async Task<List<(string Id, string? Author)>> FeedAsync(string id, string token)
    {
        var response = await _client.GetAsync($"/api/notifications/subscriptions/{id}/feed.atom?token={token}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        return [.. feed.Root!.Elements(atom + "entry")
            .Select(e => (e.Element(atom + "id")!.Value.Split('/')[^1], e.Element(atom + "author")?.Element(atom + "name")?.Value))];
    }

    [Theory]
    [InlineData("daily", "(date_trunc('day', created_at AT TIME ZONE 'UTC') + interval '1 day') AT TIME ZONE 'UTC'")] // the midnight (UTC) after it was queued
    [InlineData("weekly", "(date_trunc('week', created_at AT TIME ZONE 'UTC') + interval '7 days') AT TIME ZONE 'UTC'")] // the Monday after
    public async Task A_digest_subscription_hears_of_its_statements_at_the_end_of_the_period_and_of_a_ping_at_once(string digest, string periodEnd)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var theme = $"theme-{Guid.NewGuid():N}";
        var response = await _client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { filter = new { themes = new[] { theme } }, channel = new { type = "webhook", url = receiver.Url }, digest });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (id, token) = (created.GetProperty("id").GetString()!, created.GetProperty("managementToken").GetString()!);
        var statement = Statement(theme);
        await fixture.Bus.Publish(Published(statement));
        await Eventually.HoldsAsync(async () => await DeliveryAsync(id, token) is not null, "the statement's delivery queued");

        // A ping queued after it goes out at once: the worker has passed the statement's delivery by.
        Assert.Equal(HttpStatusCode.Accepted, (await AsOwnerAsync(HttpMethod.Post, $"/api/notifications/subscriptions/{id}/ping", token)).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Received.Any(w => w.Body.Contains("\"ping\"", StringComparison.Ordinal))), "the ping");

        await using var held = fixture.Database.CreateCommand(
            $"SELECT status, attempts, next_attempt_at = {periodEnd}, due_at = next_attempt_at FROM deliveries WHERE statement_id = @id");
        held.Parameters.AddWithValue("id", statement.Id);
        await using var row = await held.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("pending", 0, true, true), (row.GetString(0), row.GetInt32(1), row.GetBoolean(2), row.GetBoolean(3)));
        Assert.DoesNotContain(receiver.Received, w => w.Body.Contains(statement.Id, StringComparison.Ordinal));
    }

    private async Task<JsonElement?> DeliveryAsync(string subscriptionId, string token)
    {
        var log = await (await AsOwnerAsync(HttpMethod.Get, $"/api/notifications/subscriptions/{subscriptionId}/deliveries", token)).Content.ReadFromJsonAsync<JsonElement>();
        return log.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first ? first : null;
    }

    [Fact]
    public async Task A_subscription_is_only_visible_with_its_management_token()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, token, _) = await SubscribeAsync(receiver.Url, new { q = "detention" });

        using var withToken = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/subscriptions/{id}");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var withWrongToken = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/subscriptions/{id}");
        withWrongToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(withToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(await _client.SendAsync(withWrongToken), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"channel\": {\"type\": \"webhook\", \"url\": \"ftp://example.org/x\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"channel\": {\"type\": \"pigeon\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"filter\": {\"gcm\": [24]}, \"channel\": {\"type\": \"webhook\", \"url\": \"https://example.org/x\"}}", HttpStatusCode.BadRequest)]
    // A q with no word in it (a word has a letter or a digit) would look for nothing, and search finds nothing for it.
    [InlineData("{\"filter\": {\"q\": \"!!! ?\"}, \"channel\": {\"type\": \"webhook\", \"url\": \"https://example.org/x\"}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"filter\": {\"q\": \"OR\"}, \"channel\": {\"type\": \"webhook\", \"url\": \"https://example.org/x\"}}", HttpStatusCode.BadRequest)]
    public async Task Bad_subscriptions_get_problem_details(string json, HttpStatusCode status)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PostAsync("/api/notifications/subscriptions", content), status);
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook", true)]
    [InlineData("http://10.1.2.3/hook", true)]
    [InlineData("http://192.168.0.4/hook", true)]
    [InlineData("http://[::1]/hook", true)]
    [InlineData("http://93.184.216.34/hook", false)]
    public async Task Loopback_and_private_targets_are_recognised(string url, bool isPrivate) =>
        Assert.Equal(isPrivate, await NetworkAddresses.IsPrivateTargetAsync(new Uri(url), CancellationToken.None));
}
