using IdmPlatform.Ingestion.Extraction.Analysis;
using IdmPlatform.Ingestion.Extraction.Reading;

namespace IdmPlatform.Ingestion.Extraction;

/// <summary>
/// Turns the bytes of a submitted document into clean text and what it says: the reading stage makes clean text
/// out of each format, the analysis stage finds the title, dates, entities and statements in that text.
/// What the submitter said (date, language) wins over what the format states, which wins over inference.
/// </summary>
public sealed class DocumentExtractor(DocumentReader reader, TextAnalyzer analyzer)
{
    public DocumentExtractor()
        : this(DocumentReader.Default, TextAnalyzer.Default)
    {
    }

    public static IReadOnlySet<string> SupportedContentTypes => DocumentReader.SupportedContentTypes;

    /// <summary>
    /// Reads and analyses the document. Cancelling stops it between stages (and between a PDF's pages): a caller that
    /// gave up waiting does not leave it running.
    /// </summary>
    public ExtractedDocument Extract(ReadOnlyMemory<byte> content, string contentType, ExtractionHints hints, CancellationToken cancellationToken = default)
    {
        var read = reader.Read(content, contentType, cancellationToken);
        if (string.IsNullOrWhiteSpace(read.Text))
        {
            throw new DocumentRejectedException("The document has no readable text.");
        }

        return analyzer.Analyse(read.Text, read.Title, hints.PublishedOn ?? read.PublishedOn, hints.Language ?? read.Language, hints.SourceUrl, cancellationToken);
    }
}
