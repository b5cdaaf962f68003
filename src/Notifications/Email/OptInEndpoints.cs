using System.Net;
using IdmPlatform.Notifications.Subscriptions;

namespace IdmPlatform.Notifications.Email;

/// <summary>
/// The links in the mails: the confirmation that starts an e-mail subscription (double opt-in), and the unsubscribe
/// link, which a mail program may also POST to on its reader's one click (RFC 8058). A person follows them in a
/// browser, so they answer with a short page; following a link only shows a button, and the button's POST acts.
/// </summary>
public static class OptInEndpoints
{
    public static IEndpointRouteBuilder MapOptInEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications");
        notifications.MapGet("/confirm", ConfirmPageAsync)
            .Documented("ConfirmEmailPage", "Confirmation page",
                "The link in the confirmation mail. It shows a button that confirms; the link alone changes nothing, since mail scanners follow links to check them and would otherwise opt addresses in.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblems(StatusCodes.Status404NotFound);
        notifications.MapPost("/confirm", ConfirmAsync)
            .Documented("ConfirmEmail", "Confirm an e-mail subscription",
                "Starts the alerts to the address the token was mailed to; confirming again changes nothing, and it does not restart alerts its holder unsubscribed from.")
            .DisableAntiforgery()
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblems(StatusCodes.Status404NotFound);
        notifications.MapGet("/unsubscribe", AskAsync)
            .Documented("UnsubscribePage", "Unsubscribe page",
                "The unsubscribe link in every alert mail. It shows a button that unsubscribes; the link alone changes nothing, since mail scanners follow links to check them.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblems(StatusCodes.Status404NotFound);
        notifications.MapPost("/unsubscribe", UnsubscribeAsync)
            .Documented("UnsubscribeEmail", "Unsubscribe an e-mail address",
                "Ends the e-mail subscription the token belongs to: nothing more is sent, and its owner cannot set it active again. Mail programs POST here on one click (List-Unsubscribe-Post: List-Unsubscribe=One-Click).")
            .DisableAntiforgery()
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ConfirmPageAsync(string? token, SubscriptionStore store, CancellationToken cancellationToken) =>
        token is { Length: > 0 } && await store.FindByConfirmTokenAsync(token, cancellationToken) is { } subscription
            ? subscription.Status == "pendingConfirmation"
                ? Page("Confirm your alerts", $"Send alerts of new statements to {subscription.Address}?", Button(token, "Confirm"))
                : Page("Nothing to confirm", $"This subscription for {subscription.Address} is {subscription.Status}.")
            : UnknownLink();

    private static async Task<IResult> ConfirmAsync(string? token, SubscriptionStore store, CancellationToken cancellationToken) =>
        token is { Length: > 0 } && await store.ConfirmAsync(token, cancellationToken) is { } subscription
            ? Page(subscription.Status == "active" ? "Alerts confirmed" : "Nothing to confirm", subscription.Status switch
            {
                "active" => $"New statements matching your subscription will be sent to {subscription.Address}. Every mail has a link to stop them.",
                "unsubscribed" => $"{subscription.Address} was unsubscribed from these alerts, and stays so.",
                _ => $"This subscription for {subscription.Address} is {subscription.Status}.",
            })
            : UnknownLink();

    private static async Task<IResult> AskAsync(string? token, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 0 } || await store.FindByUnsubscribeTokenAsync(token, cancellationToken) is not { } subscription)
        {
            return UnknownLink();
        }

        return subscription.Status == "unsubscribed"
            ? Page("Unsubscribed", $"{subscription.Address} receives no more alerts from this subscription.")
            : Page("Unsubscribe", $"Stop the alerts of new statements sent to {subscription.Address}?",
                Button(token, "Unsubscribe"));
    }

    /// <summary>A form that POSTs the token back to the page's own path.</summary>
    private static string Button(string token, string label) =>
        $"<form method=\"post\" action=\"?token={WebUtility.HtmlEncode(Uri.EscapeDataString(token))}\"><button type=\"submit\">{label}</button></form>";

    private static async Task<IResult> UnsubscribeAsync(string? token, SubscriptionStore store, CancellationToken cancellationToken) =>
        token is { Length: > 0 } && await store.UnsubscribeAsync(token, cancellationToken) is { } subscription
            ? Page("Unsubscribed", $"{subscription.Address} receives no more alerts from this subscription.")
            : UnknownLink();

    private static IResult UnknownLink() =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Unknown link",
            "This link belongs to no subscription: check that it was copied whole, or subscribe again.");

    private static IResult Page(string title, string text, string extraHtml = "") => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{WebUtility.HtmlEncode(title)}</title></head>
        <body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{extraHtml}</body></html>
        """, "text/html; charset=utf-8");
}
