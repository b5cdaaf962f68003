using System.Diagnostics;
using System.Text;
using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Extraction.Reading;

namespace IdmPlatform.Benchmark;

/// <summary>Extraction throughput (reading and analysis) on one thread: warm up (JIT, compiled regexes), then time a fixed count.</summary>
internal static class ExtractionBenchmark
{
    private const int HtmlDocuments = 1_000;
    private const int PdfDocuments = 20;
    private const int PagesPerPdf = 10;

    public static void Run()
    {
        var extractor = new DocumentExtractor();
        var hints = new ExtractionHints();
        var html = Enumerable.Range(0, HtmlDocuments).Select(i => Encoding.UTF8.GetBytes(SampleDocuments.HtmlPage(i))).ToList();
        var pdfs = Enumerable.Range(0, PdfDocuments).Select(i => SampleDocuments.PdfReport(i, PagesPerPdf)).ToList();

        foreach (var document in html.Take(50))
        {
            extractor.Extract(document, DocumentReader.Html, hints);
        }

        extractor.Extract(pdfs[0], DocumentReader.Pdf, hints);

        var htmlRate = Time(html, d => extractor.Extract(d, DocumentReader.Html, hints), out var htmlBytes);
        var pdfRate = Time(pdfs, d => extractor.Extract(d, DocumentReader.Pdf, hints), out var pdfBytes);

        Console.WriteLine($"HTML: {htmlRate:N0} documents/s ({HtmlDocuments} pages of {htmlBytes / HtmlDocuments / 1024:N0} KB, one thread)");
        Console.WriteLine($"PDF:  {pdfRate * PagesPerPdf:N0} pages/s ({PdfDocuments} reports of {PagesPerPdf} pages, {pdfBytes / PdfDocuments / 1024:N0} KB each, one thread)");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    }

    /// <summary>Documents per second over the whole list.</summary>
    private static double Time(List<byte[]> documents, Action<byte[]> read, out long bytes)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            read(document);
        }

        stopwatch.Stop();
        bytes = documents.Sum(d => (long)d.Length);
        return documents.Count / stopwatch.Elapsed.TotalSeconds;
    }
}
