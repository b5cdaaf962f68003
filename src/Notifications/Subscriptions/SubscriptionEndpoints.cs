using System.Net;
using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Notifications.Email;
using IdmPlatform.Notifications.Stream;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Notifications.Subscriptions;

public static class SubscriptionEndpoints
{
    private const int FeedEntries = 50;
    private const int FeedLookBack = 5_000;
    private const int SummaryLength = 300;

    public sealed record CreateSubscriptionRequest(SubscriptionFilter? Filter = null, Channel? Channel = null, string? Digest = null);

    /// <summary>What a PATCH may change: only the fields given.</summary>
    public sealed record SubscriptionChange(SubscriptionFilter? Filter = null, string? Digest = null, string? Status = null);

    /// <summary>A new subscription, with the management token and (for a webhook) the signing secret shown this once.</summary>
    public sealed record CreatedSubscription(
        string Id, string Status, string ManagementToken, string? Secret, SubscriptionFilter Filter, Channel Channel, string Digest, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var subscriptions = app.MapGroup("/api/notifications/subscriptions");
        subscriptions.MapPost("", CreateAsync)
            .Documented("CreateSubscription", "Subscribe to new statements",
                "Subscribe a webhook or an e-mail address to new statements matching a filter. A webhook is active at once. An e-mail address is pendingConfirmation until the link in the mail sent to it is followed, and each alert mail carries a one-click unsubscribe link. With digest daily or weekly, alerts wait for the period's end (midnight UTC, or Monday 00:00 UTC) and the period's statements arrive together (one mail, or one webhook call each); immediate (the default) sends them at once. The answer shows the management token, and a webhook's signing secret, once.")
            .WithRequestExample(new CreateSubscriptionRequest(
                new SubscriptionFilter(Q: "regularisation", Themes: ["regular-pathways"], Languages: ["en", "fr", "es"]),
                new Channel("webhook", "https://alerts.example.org/idm"),
                "immediate"))
            .Produces<CreatedSubscription>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        subscriptions.MapGet("/{id}", GetAsync)
            .Documented("GetSubscription", "One subscription", "The subscription's filter, channel, digest and status (active; pendingConfirmation, an e-mail address whose link was not followed yet; paused by its owner; disabled, when its endpoint took nothing for days: set it active again to resume; or unsubscribed by the address's holder), for the holder of its management token.")
            .Produces<SubscriptionView>().ProducesProblems(StatusCodes.Status404NotFound);
        subscriptions.MapPatch("/{id}", ChangeAsync)
            .Documented("ChangeSubscription", "Change a subscription", "Changes the filter, the digest, or the status (active, or paused to receive nothing for a while: deliveries already queued, pings and redeliveries wait until it is active again); only the fields given change.")
            .WithRequestExample(new SubscriptionChange(Status: "paused"))
            .Produces<SubscriptionView>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        subscriptions.MapDelete("/{id}", DeleteAsync)
            .Documented("DeleteSubscription", "Unsubscribe", "Ends the subscription; nothing more is delivered.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(StatusCodes.Status404NotFound);
        subscriptions.MapGet("/{id}/deliveries", DeliveriesAsync)
            .Documented("ListDeliveries", "Deliveries", "The subscription's deliveries newest first: attempts, answers, latency and the next retry.")
            .Produces<Page<DeliveryView>>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        subscriptions.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverAsync)
            .Documented("Redeliver", "Send a delivery again", "Queues one of the subscription's deliveries again, at once, whatever became of it, with a new day of retries. A confirmation mail counts towards its address's three a day (429 past them).")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        subscriptions.MapPost("/{id}/ping", PingAsync)
            .Documented("PingSubscription", "Send a test delivery", "Queues a test delivery: a ping to the webhook, signed like every other, or a test mail.")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(StatusCodes.Status404NotFound);
        subscriptions.MapGet("/{id}/feed.atom", FeedAsync)
            .Documented("SubscriptionFeed", "The subscription as a feed",
                $"The newest statements matching the subscription's filter (up to {FeedEntries}), as an Atom feed. A feed reader cannot send headers, so the management token may be given as ?token=….")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml").ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        CreateSubscriptionRequest request, HttpContext http, SubscriptionStore store, DeliveryQueue queue, MailSender mail, IOptions<WebhookOptions> options,
        CancellationToken cancellationToken)
    {
        var channel = request.Channel;
        if (channel is { Type: "webhook" })
        {
            if (!Uri.TryCreate(channel.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid webhook URL", "channel.url must be an absolute http or https URL.");
            }

            if (!options.Value.AllowPrivateTargets && await NetworkAddresses.IsPrivateTargetAsync(url, cancellationToken))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status422UnprocessableEntity, "Webhook target not allowed",
                    "The URL resolves to a loopback or private address, which this deployment does not call.");
            }

            channel = channel with { Address = null };
        }
        else if (channel is { Type: "email" })
        {
            if (EmailAddress(channel.Address) is not { } address)
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid e-mail address", "channel.address must be one address, such as name@example.org.");
            }

            if (!mail.IsConfigured)
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status422UnprocessableEntity, "E-mail alerts are not available", "This deployment has no mail server (or no public address for the links in its mails); use a webhook channel.");
            }

            channel = new Channel("email", Address: address);
        }
        else
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing channel",
                "channel must be {\"type\": \"webhook\", \"url\": \"https://…\"} or {\"type\": \"email\", \"address\": \"name@example.org\"}.");
        }

        var digest = request.Digest ?? "immediate";
        if (digest is not ("immediate" or "daily" or "weekly"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown digest", "digest must be immediate, daily or weekly.");
        }

        if (InvalidFilter(request.Filter) is { } badFilter)
        {
            return badFilter;
        }

        // Only a webhook signs what it sends; a mail has nothing to sign with.
        var secret = channel.Type == "webhook" ? WebhookSender.NewSecret() : null;
        var token = SubscriptionStore.NewToken();
        var (created, retryAt) = await store.CreateAsync(request.Filter ?? new SubscriptionFilter(), channel, digest, secret ?? string.Empty, token, cancellationToken);
        if (created is null)
        {
            return TooManyConfirmations(http.Response, channel.Address!, retryAt!.Value);
        }

        queue.Wake();
        return TypedResults.Created($"/api/notifications/subscriptions/{created.Id}",
            new CreatedSubscription(created.Id, created.Status, token, secret, created.Filter, created.Channel, created.Digest, created.CreatedAt));
    }

    /// <summary>What a filter cannot hold, when it is created or changed.</summary>
    private static IResult? InvalidFilter(SubscriptionFilter? filter) =>
        GcmObjectiveNumbers.Unknown("filter.gcm", filter?.Gcm)
        ?? (TextQuery.AsksForNothing(filter?.Q)
            ? ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Nothing to look for",
                "filter.q holds no word to look for (a word has a letter or a digit); leave it out to hear of every statement the other filters select.")
            : null);

    /// <summary>The address alone (no display name, no list), trimmed; null when it is not one.</summary>
    private static string? EmailAddress(string? text) =>
        MimeKit.MailboxAddress.TryParse(text?.Trim(), out var mailbox) && mailbox.Name is null or ""
            && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1
            && mailbox.Address == text!.Trim()
            ? mailbox.Address
            : null;

    private static async Task<IResult> GetAsync(string id, HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken) =>
        await AuthorisedAsync(id, request, store, cancellationToken) is { } subscription ? TypedResults.Ok(subscription) : NotFound(id);

    private static async Task<IResult> ChangeAsync(
        string id, SubscriptionChange change, HttpRequest request, SubscriptionStore store, DeliveryQueue queue, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(id, request, store, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        // Only the mailbox's holder starts or ends e-mail alerts, by the links mailed to them.
        if (change.Status is not null && subscription.Status is "pendingConfirmation" or "unsubscribed")
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, subscription.Status == "unsubscribed" ? "Unsubscribed" : "Not confirmed yet",
                subscription.Status == "unsubscribed"
                    ? "The address's holder unsubscribed; only they can subscribe it again."
                    : "The subscription starts when the link in the confirmation mail is followed; redeliver that mail from the deliveries if it was lost.");
        }

        if (change.Digest is not (null or "immediate" or "daily" or "weekly"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown digest", "digest must be immediate, daily or weekly.");
        }

        if (change.Status is not (null or "active" or "paused"))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown status", "status must be active or paused.");
        }

        if (InvalidFilter(change.Filter) is { } badFilter)
        {
            return badFilter;
        }

        await store.ChangeAsync(id, change.Filter, change.Digest, change.Status, cancellationToken);
        if (change.Status == "active")
        {
            // What waited while the subscription was paused goes out now rather than at the worker's next poll.
            queue.Wake();
        }

        return TypedResults.Ok(await store.FindAsync(id, token: null, cancellationToken));
    }

    private static async Task<IResult> RedeliverAsync(string id, string deliveryId, HttpRequest request, SubscriptionStore store, DeliveryQueue queue, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(id, request, store, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        var (found, retryAt) = await store.RedeliverAsync(id, deliveryId, cancellationToken);
        if (!found)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Delivery not found", $"Subscription '{id}' has no delivery '{deliveryId}'.");
        }

        if (retryAt is { } later)
        {
            return TooManyConfirmations(request.HttpContext.Response, subscription.Channel.Address!, later);
        }

        queue.Wake();
        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries");
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(id, request, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        await store.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeliveriesAsync(string id, int? limit, string? cursor, HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(id, request, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (!Paging.TryParsePosition(cursor, out var at, out var before))
        {
            return Paging.InvalidCursor();
        }

        var page = await store.DeliveriesAsync(id, Paging.Limit(limit), at, before, cancellationToken);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> PingAsync(string id, HttpRequest request, SubscriptionStore store, DeliveryQueue queue, CancellationToken cancellationToken)
    {
        if (await AuthorisedAsync(id, request, store, cancellationToken) is null)
        {
            return NotFound(id);
        }

        await store.PingAsync(id, cancellationToken);
        queue.Wake();
        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries");
    }

    private static async Task<IResult> FeedAsync(string id, string? token, HttpRequest request, SubscriptionStore store, StreamLog log, CancellationToken cancellationToken)
    {
        var subscription = token is { Length: > 0 }
            ? await store.FindAsync(id, token, cancellationToken)
            : await AuthorisedAsync(id, request, store, cancellationToken);
        if (subscription is null)
        {
            return NotFound(id);
        }

        var newest = await log.NewestPublishedAsync(subscription.Filter.Matches, FeedEntries, FeedLookBack, cancellationToken);
        return AtomFeed.Result(request, $"IdmPlatform: subscription {id}", [.. newest.Select(n => new AtomEntry(
            n.Statement.Id, n.PublishedAt, n.Statement.Date, n.Statement.Speaker?.Name, n.Statement.Organisation?.Name, n.Statement.Event?.Name,
            n.Statement.Document.Title, n.Statement.Document.SourceUrl, Summary(n.Statement.Text)))]);
    }

    /// <summary>The statement's opening words, HTML-encoded for the entry's summary.</summary>
    private static string Summary(string text)
    {
        if (text.Length <= SummaryLength)
        {
            return WebUtility.HtmlEncode(text);
        }

        var cut = text.LastIndexOf(' ', SummaryLength);
        return WebUtility.HtmlEncode($"{text[..(cut > 0 ? cut : SummaryLength)]}\u2026");
    }

    /// <summary>
    /// The holder of the management token, or an administrator (an admin key, as the gateway vouches). A wrong token
    /// answers exactly like a missing subscription, so ids cannot be probed.
    /// </summary>
    private static async Task<SubscriptionView?> AuthorisedAsync(string id, HttpRequest request, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (GatewaySignature.CallerRole(request.HttpContext) == "admin")
        {
            return await store.FindAsync(id, token: null, cancellationToken);
        }

        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? await store.FindAsync(id, header["Bearer ".Length..].Trim(), cancellationToken)
            : null;
    }

    private static IResult TooManyConfirmations(HttpResponse response, string address, DateTimeOffset retryAt)
    {
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAt - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemDetailsExtensions.Problem(StatusCodes.Status429TooManyRequests, "Too many confirmation mails",
            $"{address} was sent {SubscriptionStore.ConfirmationsPerWindow} confirmation mails within a day; follow a link already mailed to it, or try again later.");
    }

    private static IResult NotFound(string id) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Subscription not found",
            $"There is no subscription '{id}' for this token. Send the management token as 'Authorization: Bearer <token>'.");
}
