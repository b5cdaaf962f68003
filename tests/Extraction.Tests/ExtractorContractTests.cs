using System.Text;
using IdmPlatform.Ingestion.Extraction;

namespace IdmPlatform.Extraction.Tests;

public sealed class ExtractorContractTests
{
    [Fact]
    public void An_empty_document_is_rejected_with_a_reason()
    {
        var ex = Assert.Throws<DocumentRejectedException>(() => new DocumentExtractor().Extract(Encoding.UTF8.GetBytes("   "), "text/plain", new ExtractionHints()));

        Assert.Contains("empty", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
