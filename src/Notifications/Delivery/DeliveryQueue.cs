namespace IdmPlatform.Notifications.Delivery;

/// <summary>
/// Wakes the delivery worker's two senders when new deliveries have been committed: webhooks and mail each wait on
/// their own signal, so neither waits for the other.
/// </summary>
public sealed class DeliveryQueue : IDisposable
{
    public WakeSignal Webhooks { get; } = new();

    public WakeSignal Mail { get; } = new();

    public void Wake()
    {
        Webhooks.Wake();
        Mail.Wake();
    }

    public void Dispose()
    {
        Webhooks.Dispose();
        Mail.Dispose();
    }
}
