using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Notifications.Tests;

public sealed class NotificationsFixture() : InfrastructureFixture("notificationsdb", withMail: true)
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    /// <summary>The gateway's address as the links in mails give it; a test follows a link by its path.</summary>
    public static Uri PublicBaseUrl { get; } = new("https://idm.example.org/");

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new ServiceFactory<Program>(Settings());
        Service.CreateClient().Dispose();
    }

    /// <summary>The service's settings in tests; another replica of it starts with these too.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Mail:PublicBaseUrl"] = PublicBaseUrl.ToString(),
        // A stopped mail server's port still takes connections (the orchestrator's proxy holds it); an attempt
        // fails when no greeting comes.
        ["Mail:Timeout"] = "00:00:05",
    };

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(NotificationsCollection))]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>;
