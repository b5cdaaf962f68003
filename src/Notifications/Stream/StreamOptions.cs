namespace IdmPlatform.Notifications.Stream;

public sealed class StreamOptions
{
    public const string Section = "Stream";

    /// <summary>
    /// How often an open stream looks for events another replica appended (this replica's own wake it at once): a
    /// shorter interval shows them sooner, for a query per open stream each time.
    /// </summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);
}
