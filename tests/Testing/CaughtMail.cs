using System.Text.RegularExpressions;
using MimeKit;

namespace IdmPlatform.Testing;

/// <summary>
/// The mails the mail catcher was given, read from its Maildir: the server writes each one whole into tmp/ and moves
/// it into new/, so a file there is complete.
/// </summary>
public sealed partial class CaughtMail(string mailDirectory)
{
    /// <summary>Every mail to <paramref name="address"/> so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) => [.. Directory.GetFiles(Path.Combine(mailDirectory, "new"))
        .OrderBy(File.GetLastWriteTimeUtc)
        .Select(file => MimeMessage.Load(file))
        .Where(message => message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits for the <paramref name="count"/>th mail to the address and answers the mails so far.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1) =>
        Eventually.ReturnsAsync(() => Task.FromResult(To(address) is { } mails && mails.Count >= count ? mails : null), $"{count} mail(s) to {address}");

    /// <summary>The first link in a mail's text that leads to <paramref name="path"/>.</summary>
    public static Uri LinkTo(MimeMessage message, string path) =>
        Links().Matches(message.TextBody ?? string.Empty).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
        ?? throw new InvalidOperationException($"The mail '{message.Subject}' has no link to {path}.");

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
