namespace IdmPlatform.Ingestion.Jobs;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";
    public const long DefaultMaxDocumentBytes = 25 * 1024 * 1024;

    /// <summary>Uploads above this size are refused with 413 before they are read in full.</summary>
    public long MaxDocumentBytes { get; set; } = DefaultMaxDocumentBytes;

    /// <summary>How long fetching a document by URL may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether URLs (and their redirects) may point at loopback or private addresses; local runs and tests allow it.</summary>
    public bool AllowPrivateUrls { get; set; }

    /// <summary>
    /// Host names fetched even though they resolve to a private address (an intranet document server); every other
    /// private or loopback target stays refused, also on a later redirect hop.
    /// </summary>
    public IReadOnlyList<string> AllowedPrivateHosts { get; set; } = [];
}
