using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Notifications.Tests;

public sealed class NotificationsFixture() : InfrastructureFixture("notificationsdb")
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new ServiceFactory<Program>(new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" });
        Service.CreateClient().Dispose();
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(NotificationsCollection))]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>;
