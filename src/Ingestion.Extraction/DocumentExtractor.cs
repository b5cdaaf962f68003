using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction;

/// <summary>
/// Turns the bytes of a submitted document into clean text and the statements found in it.
/// Placeholder: reads UTF-8 text and finds straight or curly quotations followed by "said Name".
/// </summary>
public sealed partial class DocumentExtractor
{
    public static readonly IReadOnlySet<string> SupportedContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/plain", "text/html", "text/markdown", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Placeholder; the real extractor holds data.")]
    public ExtractedDocument Extract(ReadOnlyMemory<byte> content, string contentType, ExtractionHints hints)
    {
        var text = Encoding.UTF8.GetString(content.Span).Trim();
        if (text.Length == 0)
        {
            throw new DocumentRejectedException("The document is empty.");
        }

        var statements = new List<ExtractedStatement>();
        foreach (Match m in QuoteThenSpeaker().Matches(text))
        {
            var quote = m.Groups["quote"];
            statements.Add(new ExtractedStatement("quote", quote.Value, m.Groups["speaker"].Value, null, null, null,
                quote.Index, quote.Index + quote.Length, [], []));
        }

        var title = text.Split('\n', 2)[0].Trim();
        return new ExtractedDocument(title, hints.PublishedOn, [], hints.Language ?? "en", "news", text, [], [],
            statements.Select(s => new ExtractedPerson(s.Speaker!, null, null)).DistinctBy(p => p.Name).ToList(),
            [], [], statements);
    }

    [GeneratedRegex("[\"“](?<quote>[^\"”]{10,})[\"”],? said (?<speaker>[A-Z][\\w\\-]+(?: [A-Z][\\w\\-]+){1,3})")]
    private static partial Regex QuoteThenSpeaker();
}
