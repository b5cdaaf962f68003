using System.Diagnostics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own activity source, for work that no library traces (outbox relay, extraction, delivery).</summary>
public static class Telemetry
{
    public const string SourceName = "IdmPlatform";

    public static readonly ActivitySource Source = new(SourceName);
}
