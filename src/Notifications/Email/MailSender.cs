using System.Diagnostics;
using IdmPlatform.Notifications.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IdmPlatform.Notifications.Email;

/// <summary>Hands mails to the deployment's SMTP server, one connection for a batch of them.</summary>
public sealed class MailSender(IConfiguration configuration, Microsoft.Extensions.Options.IOptions<MailOptions> options)
{
    private readonly Uri? _server = Uri.TryCreate(configuration.GetConnectionString("mail"), UriKind.Absolute, out var server) ? server : null;

    // smtp:// and smtps:// have no port of their own in Uri; a connection string without one means the usual ones.
    private int Port => _server!.Port > 0 ? _server.Port : _server.Scheme == "smtps" ? 465 : 25;

    /// <summary>Whether the deployment has an SMTP server to send through, and an address for the links in its mails.</summary>
    public bool IsConfigured => _server is not null && options.Value.PublicBaseUrl is not null;

    /// <summary>
    /// Sends each message and says how each went, in order. The server's answer is the status code. Only a mailbox it
    /// refuses for good (5xx to RCPT TO: no such mailbox) is not worth retrying; a 5xx to the sender or to the content
    /// (a login required, a sending quota, a rate limit, a policy) is about this deployment or the server's state, not
    /// the subscriber's address, and is tried again later. answered is given each message's index and outcome as soon as
    /// the server has answered it (the caller writes it down and keeps the rest leased).
    /// </summary>
    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(
        IReadOnlyList<MimeMessage> messages, Func<int, DeliveryOutcome, CancellationToken, Task> answered, CancellationToken cancellationToken)
    {
        var server = _server ?? throw new InvalidOperationException("No SMTP server: set the 'mail' connection string.");
        var outcomes = new List<DeliveryOutcome>(messages.Count);
        var clock = Stopwatch.StartNew();
        using var client = new SmtpClient { Timeout = (int)options.Value.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(server.Host, Port, server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (server.UserInfo.Split(':', 2) is [{ Length: > 0 } user, var password])
            {
                await client.AuthenticateAsync(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password), cancellationToken);
            }

            for (var next = 0; next < messages.Count; next++)
            {
                clock.Restart();
                try
                {
                    await client.SendAsync(messages[next], cancellationToken);
                    outcomes.Add(new DeliveryOutcome(true, 250, (int)clock.ElapsedMilliseconds, null));
                }
                catch (SmtpCommandException ex)
                {
                    outcomes.Add(new DeliveryOutcome(false, (int)ex.StatusCode, (int)clock.ElapsedMilliseconds,
                        $"The mail server refused it: {ex.Message}",
                        Permanent: ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)ex.StatusCode >= 500));
                }

                await answered(next, outcomes[next], cancellationToken);
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex)
        {
            // The server is out of reach, did not answer, refused the connection or the login, or went away; the settings
            // do not work with it (a login it does not offer); or the service is stopping. Whatever it was, what was not
            // sent is tried again later, what was sent is said so (not sent twice), and the worker goes on.
            var error = ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? "The service stopped before it was sent."
                : $"The mail server could not be reached: {ex.Message}";
            while (outcomes.Count < messages.Count)
            {
                outcomes.Add(new DeliveryOutcome(false, null, (int)clock.ElapsedMilliseconds, error));
            }
        }

        return outcomes;
    }
}
