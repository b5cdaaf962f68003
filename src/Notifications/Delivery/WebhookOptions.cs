namespace IdmPlatform.Notifications.Delivery;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Loopback and private targets are refused unless the deployment allows them (local runs and tests do).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long a failing delivery keeps being retried before it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A subscription with nothing delivered for this long when a delivery is given up is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);
}
