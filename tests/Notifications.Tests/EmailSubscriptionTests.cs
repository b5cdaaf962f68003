using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Notifications.Email;
using IdmPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IdmPlatform.Notifications.Tests;

[Collection(nameof(NotificationsCollection))]
public sealed class EmailSubscriptionTests(NotificationsFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    private static string NewAddress() => $"reader-{Guid.NewGuid():N}@example.org";

    private static StatementView Statement(string theme, string text) => new(
        $"st_{Guid.NewGuid():N}", "quote", text, "en", new DateOnly(2024, 5, 21),
        new SpeakerView("amara-okafor", "Amara Okafor", "Minister of Labour"), new OrganisationView("iom", "International Organization for Migration", "IOM"),
        new EventView("idm-2024", "International Dialogue on Migration 2024"), null, [theme], [5],
        new DocumentRefView($"doc_{Guid.NewGuid():N}", "Closing remarks", "https://example.org/remarks"), new PassageView(0, text.Length));

    private async Task PublishAndWaitAsync(params StatementView[] statements)
    {
        var published = new StatementsPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, statements[0].Document.Id, statements);
        await fixture.Bus.Publish(published);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(published.EventId), "the statements handled");
    }

    private async Task<(string Id, string Token, JsonElement Created)> SubscribeAsync(string address, string theme, string digest = "immediate")
    {
        var response = await _client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { filter = new { themes = new[] { theme } }, channel = new { type = "email", address }, digest });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("managementToken").GetString()!, created);
    }

    /// <summary>Subscribes and follows the link in the confirmation mail, as the address's holder does.</summary>
    private async Task<(string Id, string Token)> SubscribeConfirmedAsync(string address, string theme, string digest = "immediate")
    {
        var (id, token, _) = await SubscribeAsync(address, theme, digest);
        var confirmation = (await fixture.Mail.WaitForAsync(address))[0];
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Follow(confirmation, "/api/notifications/confirm"), null)).StatusCode);
        return (id, token);
    }

    private static string Follow(MimeMessage mail, string path) => CaughtMail.LinkTo(mail, path).PathAndQuery;

    private Task<HttpResponseMessage> AsOwnerAsync(HttpMethod method, string path, string token, object? body = null) =>
        _client.AsOwnerAsync(method, path, token, body);

    private Task<string?> StatusAsync(string id, string token) => _client.SubscriptionStatusAsync(id, token);

    /// <summary>The subscription's deliveries of the statement (other tests' subscriptions may match every statement).</summary>
    private async Task<long> DeliveriesOfAsync(string subscriptionId, string statementId)
    {
        await using var command = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE statement_id = @id AND subscription_id = @subscription");
        command.Parameters.AddWithValue("id", statementId);
        command.Parameters.AddWithValue("subscription", subscriptionId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_email_subscription_hears_of_statements_only_once_its_holder_has_followed_the_confirmation_link()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (id, token, created) = await SubscribeAsync(address, theme);
        Assert.Equal("pendingConfirmation", created.GetProperty("status").GetString());
        Assert.Equal(address, created.GetProperty("channel").GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("secret").ValueKind);

        // Its owner cannot start it in the holder's place.
        await ProblemAssert.IsProblemAsync(
            await AsOwnerAsync(HttpMethod.Patch, $"/api/notifications/subscriptions/{id}", token, new { status = "active" }), HttpStatusCode.Conflict);
        var early = Statement(theme, "Labour mobility schemes must carry the same protections as any other work.");
        await PublishAndWaitAsync(early);
        Assert.Equal(0, await DeliveriesOfAsync(id, early.Id));

        var confirmation = Assert.Single(await fixture.Mail.WaitForAsync(address));
        Assert.Null(confirmation.Headers["List-Unsubscribe"]);
        // Following the link only asks (mail scanners follow links); its button confirms.
        var page = await _client.GetAsync(Follow(confirmation, "/api/notifications/confirm"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("pendingConfirmation", await StatusAsync(id, token));
        var confirmed = await _client.PostAsync(Follow(confirmation, "/api/notifications/confirm"), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains(address, await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("active", await StatusAsync(id, token));
        // Confirming again changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Follow(confirmation, "/api/notifications/confirm"), null)).StatusCode);

        var later = Statement(theme, "Skills partnerships work when both countries shape them.");
        await PublishAndWaitAsync(later);
        var mails = await fixture.Mail.WaitForAsync(address, 2);
        var alert = mails[1];
        Assert.Equal("New statement: Amara Okafor at International Dialogue on Migration 2024", alert.Subject);
        Assert.Contains("Amara Okafor, Minister of Labour, International Organization for Migration", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains(later.Text, alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://example.org/remarks", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(early.Text, alert.TextBody, StringComparison.Ordinal);

        // The delivery log shows the mail server's answer, once the sender has heard it (the mail is in the box a moment before).
        var recorded = await Eventually.ReturnsAsync(async () =>
        {
            var log = await (await AsOwnerAsync(HttpMethod.Get, $"/api/notifications/subscriptions/{id}/deliveries", token)).Content.ReadFromJsonAsync<JsonElement>();
            var delivery = log.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("statementId").GetString() == later.Id);
            return delivery.GetProperty("status").GetString() == "pending" ? null : (object)delivery;
        }, "the mail's delivery to be recorded");
        var delivered = (JsonElement)recorded;
        Assert.Equal(("delivered", 250), (delivered.GetProperty("status").GetString(), delivered.GetProperty("lastStatusCode").GetInt32()));
        Assert.Equal(2, fixture.Mail.To(address).Count);
    }

    [Fact]
    public async Task Every_alert_mail_unsubscribes_in_one_click_and_after_it_nothing_more_is_sent()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (id, token) = await SubscribeConfirmedAsync(address, theme);
        await PublishAndWaitAsync(Statement(theme, "Returns must be safe and dignified."));
        var alert = (await fixture.Mail.WaitForAsync(address, 2))[1];

        // RFC 8058: the link in the header, and the header that says one POST to it is enough.
        var header = alert.Headers["List-Unsubscribe"];
        Assert.Matches("^<https://idm.example.org/api/notifications/unsubscribe\\?token=[^>]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        var link = new Uri(header!.Trim('<', '>'));
        Assert.Equal(link, CaughtMail.LinkTo(alert, "/api/notifications/unsubscribe"));

        // Following the link only asks: mail scanners follow links.
        var page = await _client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("active", await StatusAsync(id, token));

        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(link.PathAndQuery, oneClick)).StatusCode);
        Assert.Equal("unsubscribed", await StatusAsync(id, token));
        await ProblemAssert.IsProblemAsync(
            await AsOwnerAsync(HttpMethod.Patch, $"/api/notifications/subscriptions/{id}", token, new { status = "active" }), HttpStatusCode.Conflict);

        var after = Statement(theme, "Detention of children is never in their best interests.");
        await PublishAndWaitAsync(after);
        Assert.Equal(0, await DeliveriesOfAsync(id, after.Id));
        Assert.Equal(2, fixture.Mail.To(address).Count);
    }

    [Fact]
    public async Task A_retraction_is_mailed_with_the_words_of_the_statement_it_withdraws()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        await SubscribeConfirmedAsync(address, theme);
        var statement = Statement(theme, "Cities are where migrants first meet the state.");
        await PublishAndWaitAsync(statement);
        await fixture.Mail.WaitForAsync(address, 2);

        await fixture.Bus.Publish(new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id));

        var withdrawn = (await fixture.Mail.WaitForAsync(address, 3))[2];
        Assert.Equal("A statement was withdrawn", withdrawn.Subject);
        Assert.Contains(statement.Text, withdrawn.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/catalogue/statements/", withdrawn.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_withdrawn_before_its_digest_went_out_is_neither_announced_nor_withdrawn()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (id, _) = await SubscribeConfirmedAsync(address, theme, "daily");
        var kept = Statement(theme, "Consular help should follow workers wherever they go.");
        var withdrawn = Statement(theme, "A sentence the catalogue later took back.");
        await PublishAndWaitAsync(kept, withdrawn);
        var retraction = new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, withdrawn.Id);
        await fixture.Bus.Publish(retraction);
        await Eventually.HoldsAsync(() => fixture.WasHandledAsync(retraction.EventId), "the retraction handled");

        // The period ends.
        await using (var periodEnd = fixture.Database.CreateCommand("UPDATE deliveries SET next_attempt_at = now() WHERE subscription_id = @id AND status = 'pending'"))
        {
            periodEnd.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await periodEnd.ExecuteNonQueryAsync());
        }

        var digest = (await fixture.Mail.WaitForAsync(address, 2))[1];
        Assert.Equal("Daily digest: New statement: Amara Okafor at International Dialogue on Migration 2024", digest.Subject);
        Assert.Contains(kept.Text, digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(withdrawn.Text, digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawn", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_arrives_as_one_mail_with_the_periods_statements()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (id, _) = await SubscribeConfirmedAsync(address, theme, "daily");
        string[] texts = ["Remittances keep families afloat.", "Diaspora bonds fund local schools.", "Fees on transfers should fall below three per cent."];
        var statements = texts.Select(t => Statement(theme, t)).ToArray();
        await PublishAndWaitAsync(statements);
        Assert.Single(fixture.Mail.To(address));

        // The period ends.
        await using (var periodEnd = fixture.Database.CreateCommand("UPDATE deliveries SET next_attempt_at = now() WHERE subscription_id = @id AND status = 'pending'"))
        {
            periodEnd.Parameters.AddWithValue("id", id);
            Assert.Equal(3, await periodEnd.ExecuteNonQueryAsync());
        }

        var digest = (await fixture.Mail.WaitForAsync(address, 2))[1];
        Assert.Equal("Daily digest: 3 new statements", digest.Subject);
        Assert.All(texts, text => Assert.Contains(text, digest.TextBody, StringComparison.Ordinal));
        await Eventually.HoldsAsync(async () =>
        {
            await using var delivered = fixture.Database.CreateCommand("SELECT count(*) FROM deliveries WHERE subscription_id = @id AND status = 'delivered' AND statement_id = ANY(@ids)");
            delivered.Parameters.AddWithValue("id", id);
            delivered.Parameters.AddWithValue("ids", statements.Select(s => s.Id).ToArray());
            return (long)(await delivered.ExecuteScalarAsync())! == 3;
        }, "the three deliveries recorded as delivered");
        Assert.Equal(2, fixture.Mail.To(address).Count);
    }

    [Fact]
    public async Task Mail_waits_while_the_mail_server_is_down_and_goes_out_when_it_is_back()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (id, _) = await SubscribeConfirmedAsync(address, theme);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await fixture.StopServerAsync("mail", timeout.Token);
        try
        {
            var statement = Statement(theme, "Regular pathways reduce irregular journeys.");
            await PublishAndWaitAsync(statement);
            await Eventually.HoldsAsync(async () =>
            {
                await using var failed = fixture.Database.CreateCommand("SELECT last_error IS NOT NULL AND status = 'pending' FROM deliveries WHERE statement_id = @id AND subscription_id = @sub");
                failed.Parameters.AddWithValue("id", statement.Id);
                failed.Parameters.AddWithValue("sub", id);
                return await failed.ExecuteScalarAsync() is true;
            }, "a failed attempt recorded");
        }
        finally
        {
            await fixture.StartServerAsync("mail", timeout.Token);
        }

        var mail = (await fixture.Mail.WaitForAsync(address, 2))[1];
        Assert.Contains("Regular pathways reduce irregular journeys.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_still_to_be_sent_in_a_slow_batch_stays_leased_so_no_other_replica_sends_it_too()
    {
        // This replica's sender stands aside; another replica, whose mail server is slow, takes both mails in one batch.
        var worker = fixture.Service.Services.GetServices<IHostedService>().OfType<DeliveryWorker>().Single();
        await worker.StopAsync(CancellationToken.None);
        try
        {
            await using var server = ScriptedSmtpServer.Start();
            var addresses = new[] { NewAddress(), NewAddress() };
            var held = addresses.Select(server.Hold).ToArray();
            var subscriptions = new[] { (await SubscribeAsync(addresses[0], "t")).Id, (await SubscribeAsync(addresses[1], "t")).Id };
            var mailOptions = Options.Create(new MailOptions { PublicBaseUrl = NotificationsFixture.PublicBaseUrl, Timeout = TimeSpan.FromMinutes(1) });
            var webhookOptions = Options.Create(new WebhookOptions { AllowPrivateTargets = true });
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mail"] = server.ConnectionString }).Build();
            using var webhooks = new WebhookSender(webhookOptions);
            using var queue = new DeliveryQueue();
            using var replica = new DeliveryWorker(
                fixture.Database, webhooks, new MailSender(configuration, mailOptions), queue, webhookOptions, mailOptions, NullLogger<DeliveryWorker>.Instance);
            await replica.StartAsync(CancellationToken.None);
            try
            {
                await Task.WhenAny(held.Select(h => h.Arrived)).WaitAsync(Eventually.DefaultTimeout);
                var (sending, next) = held[0].Arrived.IsCompleted ? (0, 1) : (1, 0);

                // The first mail takes longer than the lease the batch was claimed with: the next one's has run out.
                await using (var expire = fixture.Database.CreateCommand("UPDATE deliveries SET next_attempt_at = now() WHERE subscription_id = @id"))
                {
                    expire.Parameters.AddWithValue("id", subscriptions[next]);
                    await expire.ExecuteNonQueryAsync();
                }

                held[sending].Release();
                await held[next].Arrived.WaitAsync(Eventually.DefaultTimeout);

                // While it is being sent, it is not due: no other replica's sender can take it and send it too.
                await using var leased = fixture.Database.CreateCommand("SELECT next_attempt_at > now() FROM deliveries WHERE subscription_id = @id");
                leased.Parameters.AddWithValue("id", subscriptions[next]);
                Assert.Equal(true, await leased.ExecuteScalarAsync());
                // And the mail the server took is written down already: were this replica to die now, it would not go out again.
                await using var recorded = fixture.Database.CreateCommand("SELECT status FROM deliveries WHERE subscription_id = @id");
                recorded.Parameters.AddWithValue("id", subscriptions[sending]);
                Assert.Equal("delivered", await recorded.ExecuteScalarAsync());
                held[next].Release();
                await Eventually.HoldsAsync(() => Task.FromResult(addresses.All(server.Taken.Contains)), "both mails taken");
            }
            finally
            {
                Array.ForEach(held, h => h.Release());
                await replica.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            await worker.StartAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_address_is_sent_three_confirmation_mails_a_day_however_they_are_asked_for()
    {
        var (address, theme) = (NewAddress(), $"theme-{Guid.NewGuid():N}");
        var (first, token, _) = await SubscribeAsync(address, theme);
        var (second, secondToken, _) = await SubscribeAsync(address.ToUpperInvariant(), theme);
        await SubscribeAsync(address, theme);
        await fixture.Mail.WaitForAsync(address, 3);

        var fourth = await _client.PostAsJsonAsync("/api/notifications/subscriptions", new { channel = new { type = "email", address } });
        await ProblemAssert.IsProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 86_400);

        // Neither sending a confirmation again nor deleting subscriptions to start afresh gets round it.
        var log = await (await AsOwnerAsync(HttpMethod.Get, $"/api/notifications/subscriptions/{first}/deliveries", token)).Content.ReadFromJsonAsync<JsonElement>();
        var confirmation = log.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        await ProblemAssert.IsProblemAsync(
            await AsOwnerAsync(HttpMethod.Post, $"/api/notifications/subscriptions/{first}/deliveries/{confirmation}/redeliver", token), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.NoContent, (await AsOwnerAsync(HttpMethod.Delete, $"/api/notifications/subscriptions/{second}", secondToken)).StatusCode);
        await ProblemAssert.IsProblemAsync(
            await _client.PostAsJsonAsync("/api/notifications/subscriptions", new { channel = new { type = "email", address } }), HttpStatusCode.TooManyRequests);
        Assert.Equal(3, fixture.Mail.To(address).Count);
    }

    [Fact]
    public async Task A_sender_that_is_not_an_address_stops_the_service_at_start_rather_than_at_its_first_mail()
    {
        await using var misconfigured = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["Mail:From"] = "IdmPlatform alerts",
            ["Mail:PublicBaseUrl"] = NotificationsFixture.PublicBaseUrl.ToString(),
        });

        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => misconfigured.CreateClient());
        Assert.Contains("Mail:From", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Jane Doe <jane@example.org>")]
    [InlineData("jane@example.org, joe@example.org")]
    [InlineData("")]
    public async Task A_subscription_to_something_that_is_not_one_address_gets_problem_details(string address)
    {
        var response = await _client.PostAsJsonAsync("/api/notifications/subscriptions", new { channel = new { type = "email", address } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/notifications/confirm?token=made-up")]
    [InlineData("POST", "/api/notifications/confirm?token=made-up")]
    [InlineData("GET", "/api/notifications/unsubscribe?token=made-up")]
    [InlineData("POST", "/api/notifications/unsubscribe?token=made-up")]
    [InlineData("GET", "/api/notifications/confirm")]
    public async Task A_link_with_an_unknown_token_is_a_problem_not_a_page(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        await ProblemAssert.IsProblemAsync(await _client.SendAsync(request), HttpStatusCode.NotFound);
    }
}
