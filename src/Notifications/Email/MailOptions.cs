namespace IdmPlatform.Notifications.Email;

/// <summary>
/// How alerts go out by e-mail. The SMTP server is the "mail" connection string (smtp://host:port, or smtps://, with
/// user:password@ if it wants a login); without one, e-mail subscriptions are refused.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender every mail names.</summary>
    public string From { get; set; } = "IdmPlatform alerts <alerts@localhost>";

    /// <summary>How long the mail server may take to answer one step before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The gateway's public address, which the confirmation and unsubscribe links in a mail lead to.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
