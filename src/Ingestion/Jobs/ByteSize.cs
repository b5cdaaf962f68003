using System.Globalization;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>A size as people read it in a limit's message: "64 KiB", "50 MiB", "1.5 MiB".</summary>
public static class ByteSize
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MiB",
        >= 1024 => $"{(bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture)} KiB",
        _ => $"{bytes} bytes",
    };
}
