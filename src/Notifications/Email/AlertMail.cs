using System.Globalization;
using System.Text;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Notifications.Subscriptions;
using MimeKit;

namespace IdmPlatform.Notifications.Email;

/// <summary>
/// One queued delivery of an e-mail subscription: its type and the payload a webhook would carry; for a retraction,
/// also the payload of the statement's announcement, when the subscriber was sent one.
/// </summary>
public sealed record QueuedMail(string DeliveryId, string EventType, string Payload, string? Announced = null);

/// <summary>An e-mail subscription as a mail to it needs it.</summary>
public sealed record Mailbox(string Address, string Digest, string? ConfirmToken, string? UnsubscribeToken);

/// <summary>
/// Writes the mails of e-mail subscriptions, in plain text: the confirmation that opts an address in, and alerts. The
/// deliveries due together for one subscription (a digest's period, or a burst of statements) make one mail, and every
/// alert carries the one-click unsubscribe headers of RFC 8058.
/// </summary>
public static class AlertMail
{
    private const int SubjectLength = 120;

    public static MimeMessage Compose(MailOptions options, Mailbox mailbox, IReadOnlyList<QueuedMail> deliveries)
    {
        var links = options.PublicBaseUrl ?? throw new InvalidOperationException("Mail:PublicBaseUrl is not set: mails could not link back.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mailbox.Address));
        message.MessageId = $"{deliveries[0].DeliveryId}@idmplatform";
        // Tells mail servers not to answer it with out-of-office replies.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        if (deliveries.Any(d => d.EventType == SubscriptionStore.Confirmation))
        {
            message.Subject = "Confirm your IdmPlatform alerts";
            message.Body = Text(new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"Someone, we hope you, asked for alerts of new statements on IdmPlatform to be sent to {mailbox.Address}.")
                .AppendLine()
                .AppendLine("To start them, open this link and press Confirm:")
                .AppendLine(Link(links, "confirm", mailbox.ConfirmToken))
                .AppendLine()
                .AppendLine("If it was not you, ignore this mail: nothing will be sent to you unless it is confirmed.")
                .ToString());
            return message;
        }

        var unsubscribe = Link(links, "unsubscribe", mailbox.UnsubscribeToken);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var published = deliveries.Where(d => d.EventType == StatementAlertConsumer.Published).Select(d => Data<StatementView>(d.Payload)).ToList();
        var retracted = deliveries.Where(d => d.EventType == StatementAlertConsumer.Retracted).ToList();
        message.Subject = Subject(mailbox.Digest, published, retracted.Count);

        var body = new StringBuilder();
        if (published.Count == 0 && retracted.Count == 0)
        {
            body.AppendLine("This is a test message: alerts of new statements will reach this address.").AppendLine();
        }

        foreach (var statement in published)
        {
            AppendStatement(body, links, statement);
        }

        if (retracted.Count > 0)
        {
            body.AppendLine(retracted.Count == 1 ? "Withdrawn from the catalogue since it was announced:" : "Withdrawn from the catalogue since they were announced:");
            body.AppendLine();
            foreach (var retraction in retracted)
            {
                if (retraction.Announced is { } announced)
                {
                    AppendStatement(body, links, Data<StatementView>(announced), inCatalogue: false);
                }
                else
                {
                    body.AppendLine(CultureInfo.InvariantCulture, $"Statement {Data<RetractedData>(retraction.Payload).Id}").AppendLine();
                }
            }
        }

        body.AppendLine("--")
            .AppendLine(CultureInfo.InvariantCulture, $"You receive this because {mailbox.Address} subscribed to new statements on IdmPlatform.")
            .AppendLine(CultureInfo.InvariantCulture, $"To receive no more, follow: {unsubscribe}");
        message.Body = Text(body.ToString());
        return message;
    }

    private static string Subject(string digest, List<StatementView> published, int retracted)
    {
        var period = digest switch { "daily" => "Daily digest: ", "weekly" => "Weekly digest: ", _ => string.Empty };
        var subject = published.Count switch
        {
            0 when retracted == 0 => "IdmPlatform test message",
            0 => retracted == 1 ? "A statement was withdrawn" : $"{retracted} statements were withdrawn",
            1 => $"New statement: {published[0].Speaker?.Name ?? published[0].Organisation?.Name ?? "unattributed"}{(published[0].Event is { } e ? $" at {e.Name}" : string.Empty)}",
            var n => $"{n} new statements",
        };
        subject = $"{period}{subject}";
        return subject.Length <= SubjectLength ? subject : $"{subject[..(SubjectLength - 1)]}\u2026";
    }

    private static void AppendStatement(StringBuilder body, Uri links, StatementView statement, bool inCatalogue = true)
    {
        body.AppendLine(CultureInfo.InvariantCulture, $"\u201c{statement.Text}\u201d");
        if (Attribution(statement) is { } who)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"\u2014 {who}");
        }

        var where = string.Join(", ", new[] { statement.Event?.Name, statement.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.OfType<string>());
        if (where.Length > 0)
        {
            body.AppendLine(where);
        }

        if (statement.Document.Title is { } title)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"From: {title}");
        }

        if (statement.Document.SourceUrl is { } source)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"Source: {source}");
        }

        if (inCatalogue)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"In the catalogue: {Under(links, $"api/catalogue/statements/{Uri.EscapeDataString(statement.Id)}")}");
        }

        body.AppendLine();
    }

    /// <summary>"Name, role, Organisation", as much of it as is known.</summary>
    private static string? Attribution(StatementView statement)
    {
        var parts = new[] { statement.Speaker?.Name, statement.Speaker?.Role, statement.Organisation?.Name }.OfType<string>().ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    private static string Link(Uri links, string action, string? token) =>
        Under(links, $"api/notifications/{action}?token={Uri.EscapeDataString(token ?? throw new InvalidOperationException($"No {action} token."))}");

    /// <summary>A path under the public address, which may itself have a path (a gateway behind a prefix).</summary>
    private static string Under(Uri links, string path) => $"{links.ToString().TrimEnd('/')}/{path}";

    private static T Data<T>(string payload) =>
        JsonSerializer.Deserialize<Payload<T>>(payload, JsonSerializerOptions.Web)!.Data;

    private static TextPart Text(string text) => new("plain") { Text = text };

    private sealed record Payload<T>(T Data);

    private sealed record RetractedData(string Id);
}
