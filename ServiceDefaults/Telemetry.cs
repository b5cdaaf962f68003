using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own activity source and meter, for work no library traces or counts (outbox relay, extraction, delivery).</summary>
public static class Telemetry
{
    public const string SourceName = "IdmPlatform";

    public static readonly ActivitySource Source = new(SourceName);

    public static readonly Meter Meter = new(SourceName);
}
