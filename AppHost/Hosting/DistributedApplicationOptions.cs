namespace IdmPlatform.Hosting;

/// <summary>How an AppHost run is set up: where data lives, which ports, what tests need.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>Servers' data lives under it (one folder per resource). Default: &lt;ContentRoot&gt;/.data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Dashboard port: 0 picks a free port, null turns the dashboard off (the OTLP receiver still runs).</summary>
    public int? DashboardPort { get; set; } = 18888;

    /// <summary>Every project endpoint on a free port, ignoring fixed ports (tests run side by side).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Receives every line any resource writes to its console (tests pipe it to their output).</summary>
    public Action<ResourceLogLine>? ResourceLog { get; set; }

    /// <summary>Receives the orchestrator's own messages (state changes, the dashboard link). Null: silent.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>The checkout root; project paths are relative to it. Default: the folder holding IdmPlatform.sln.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>Throw-away data: PostgreSQL without fsync, no Redis persistence, servers killed instead of stopped.</summary>
    public bool FastUnsafeStorage { get; set; }

    /// <summary>Delete the data directory when the application is disposed (tests using a temp folder).</summary>
    public bool DeleteDataOnDispose { get; set; }

    /// <summary>Build configuration whose output projects are run from. Default: the one this library was built with.</summary>
    public string? Configuration { get; set; }

    /// <summary>Overrides for fixed project ports by resource name (from --gateway-port and the like).</summary>
    public IDictionary<string, int> PortOverrides { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
}
