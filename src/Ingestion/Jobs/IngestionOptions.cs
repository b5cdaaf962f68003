namespace IdmPlatform.Ingestion.Jobs;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";
    public const long DefaultMaxDocumentBytes = 25 * 1024 * 1024;

    /// <summary>Uploads above this size are refused with 413 before they are read in full.</summary>
    public long MaxDocumentBytes { get; set; } = DefaultMaxDocumentBytes;
}
