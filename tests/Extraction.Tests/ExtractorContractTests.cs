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

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/pdf")]
    public void A_cancelled_extraction_stops_and_does_not_call_the_document_broken(string contentType)
    {
        const string text = "\u201CPathways save lives,\u201D said Ana Ruiz, a youth delegate.";
        var content = contentType == "application/pdf" ? Reading.TestDocuments.Pdf([[text]]) : Encoding.UTF8.GetBytes($"<p>{text}</p>");
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new DocumentExtractor().Extract(content, contentType, new ExtractionHints(), stop.Token));
    }
}
