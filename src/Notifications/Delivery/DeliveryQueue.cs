namespace IdmPlatform.Notifications.Delivery;

/// <summary>Wakes the delivery worker when new deliveries have been committed.</summary>
public sealed class DeliveryQueue : WakeSignal;
