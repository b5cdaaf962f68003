using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>
/// An SMTP server that keeps every message it is given in a Maildir instead of passing it on (aiosmtpd from Debian's
/// package): local runs and tests see the mail the platform sends, and nobody outside receives it.
/// </summary>
public sealed class MailCatcherExecutableResource(string name, string mailDirectory)
    : ExecutableResource(name, "/usr/bin/python3", mailDirectory), IResourceWithConnectionString
{
    /// <summary>The Maildir: each message is a file in its new/ folder.</summary>
    public string MailDirectory { get; } = mailDirectory;

    public EndpointReference PrimaryEndpoint => field ??= new(this, "smtp");

    /// <summary>smtp://host:port, as the notifications service reads it.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}

public static class MailCatcherExecutableExtensions
{
    /// <summary>Adds the mail catcher on loopback, keeping what it receives in <paramref name="mailDirectory"/>.</summary>
    public static IResourceBuilder<MailCatcherExecutableResource> AddMailCatcherExecutable(
        this IDistributedApplicationBuilder builder, string name, string mailDirectory)
    {
        foreach (var folder in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(mailDirectory, folder));
        }

        var mail = new MailCatcherExecutableResource(name, mailDirectory);
        var healthCheck = $"{name}_greeting";
        // A ready SMTP server greets a new connection with 220; the NOOP only keeps the exchange a request and a reply.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new ProtocolHealthCheck(
            mail.PrimaryEndpoint, "NOOP\r\n"u8.ToArray(), 3, reply => reply is [(byte)'2', (byte)'2', (byte)'0'], "No SMTP greeting."), null, null));

        return builder.AddResource(mail)
            .WithEndpoint(name: "smtp", scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("-m");
                context.Args.Add("aiosmtpd");
                context.Args.Add("-n");
                context.Args.Add("-l");
                context.Args.Add(ReferenceExpression.Create($"127.0.0.1:{mail.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("-c");
                context.Args.Add("aiosmtpd.handlers.Mailbox");
                context.Args.Add(mailDirectory);
            })
            .WithHealthCheck(healthCheck);
    }
}
