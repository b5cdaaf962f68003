using IdmPlatform.Notifications.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IdmPlatform.Notifications.Tests;

/// <summary>
/// What a mail server's refusal means for the delivery: only a mailbox it will not take is given up at once; a refusal
/// about the sender, the login or the rate of sending is the server's or the deployment's, and is tried again later.
/// </summary>
public sealed class MailSenderTests
{
    [Theory]
    [InlineData("RCPT", "550 5.1.1 No such mailbox here", true)]
    [InlineData("MAIL", "553 5.7.1 Sender address rejected: not owned by the logged-in user", false)]
    [InlineData("MAIL", "550 5.7.1 Daily sending quota exceeded", false)]
    [InlineData("END", "554 5.7.1 Too many messages, slow down", false)]
    public async Task Only_a_mailbox_the_server_refuses_is_a_permanent_failure(string step, string reply, bool permanent)
    {
        await using var server = ScriptedSmtpServer.Start();
        server.Refuse(step, reply);

        var outcome = Assert.Single(await Sender(server).SendAsync([Mail("reader@example.org")], (_, _, _) => Task.CompletedTask, CancellationToken.None));

        Assert.False(outcome.Succeeded);
        Assert.Equal(int.Parse(reply[..3], System.Globalization.CultureInfo.InvariantCulture), outcome.StatusCode);
        Assert.Equal(permanent, outcome.Permanent);
    }

    private static MailSender Sender(ScriptedSmtpServer server) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mail"] = server.ConnectionString }).Build(),
        Options.Create(new MailOptions { PublicBaseUrl = NotificationsFixture.PublicBaseUrl }));

    private static MimeMessage Mail(string to)
    {
        var message = new MimeMessage { Subject = "A new statement", Body = new TextPart("plain") { Text = "Every child on the move needs a guardian." } };
        message.From.Add(MailboxAddress.Parse("alerts@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
