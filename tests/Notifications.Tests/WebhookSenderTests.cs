using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Notifications.Tests;

/// <summary>
/// A webhook URL is checked when it is subscribed, but its name may resolve elsewhere later: each delivery's
/// connection is checked again, so a public deployment never posts to its own network.
/// </summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private LocalSite _site = null!;
    private int _received;

    public async Task InitializeAsync() => _site = await LocalSite.StartAsync(app => app.MapPost("/hook", () =>
    {
        Interlocked.Increment(ref _received);
        return Results.NoContent();
    }));

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private string Hook => _site.Url("/hook").ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    [Fact]
    public async Task A_delivery_to_a_name_that_now_resolves_to_loopback_is_not_sent()
    {
        using var sender = new WebhookSender(Options.Create(new WebhookOptions { AllowPrivateTargets = false }));

        var outcome = await sender.SendAsync(Hook, WebhookSender.NewSecret(), "msg_1", "{}", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("loopback or private address", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref _received));
    }

    [Fact]
    public async Task A_deployment_that_allows_private_targets_delivers_to_them()
    {
        using var sender = new WebhookSender(Options.Create(new WebhookOptions { AllowPrivateTargets = true }));

        var outcome = await sender.SendAsync(Hook, WebhookSender.NewSecret(), "msg_1", "{}", CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(1, Volatile.Read(ref _received));
    }
}
