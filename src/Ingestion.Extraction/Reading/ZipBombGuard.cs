using System.IO.Compression;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Checks a zip package (DOCX) before any parser inflates it: entry count, total size and ratio from the central
/// directory. A directory that understates sizes gains nothing: .NET's zip reader stops at the declared length.
/// </summary>
internal static class ZipBombGuard
{
    private const int MaxEntries = 2_000;
    private const long MaxUncompressedBytes = 50L * 1024 * 1024;
    private const long MaxRatio = 100;

    /// <summary>Small entries compress to nothing legitimately (an empty part, a run of spaces); only big ones are judged by ratio.</summary>
    private const long RatioCheckedFrom = 1024 * 1024;

    public static void Check(Stream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new DocumentRejectedException($"The package has {zip.Entries.Count:N0} entries (the limit is {MaxEntries:N0}): a zip bomb or not a document.");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length >= RatioCheckedFrom && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new DocumentRejectedException($"'{entry.FullName}' inflates more than {MaxRatio}:1: a zip bomb.");
            }
        }

        if (declared > MaxUncompressedBytes)
        {
            throw new DocumentRejectedException($"The package inflates to {declared / (1024 * 1024):N0} MiB (the limit is {MaxUncompressedBytes / (1024 * 1024)} MiB): a zip bomb.");
        }
    }
}
