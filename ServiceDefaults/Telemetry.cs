using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own activity source and meter, for work no library traces or counts (outbox relay, extraction, delivery).</summary>
public static class Telemetry
{
    public const string SourceName = "IdmPlatform";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);

    /// <summary>
    /// Starts work that continues a trace stored with it (an outbox row, a queued delivery), so it shows in the trace
    /// that caused it rather than as a trace of its own.
    /// </summary>
    public static Activity? StartContinuing(string name, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity(name, ActivityKind.Internal, parent);
    }
}
