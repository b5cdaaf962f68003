using System.Diagnostics;
using System.Text;
using IdmPlatform.Ingestion.Extraction.Reading;

namespace IdmPlatform.Benchmark;

/// <summary>Reading throughput on one thread: warm up (JIT, compiled regexes), then time a fixed count.</summary>
internal static class ExtractionBenchmark
{
    private const int HtmlDocuments = 1_000;
    private const int PdfDocuments = 20;
    private const int PagesPerPdf = 10;

    public static void Run()
    {
        var reader = DocumentReader.Default;
        var html = Enumerable.Range(0, HtmlDocuments).Select(i => Encoding.UTF8.GetBytes(SampleDocuments.HtmlPage(i))).ToList();
        var pdfs = Enumerable.Range(0, PdfDocuments).Select(i => SampleDocuments.PdfReport(i, PagesPerPdf)).ToList();

        foreach (var document in html.Take(50))
        {
            reader.Read(document, DocumentReader.Html);
        }

        reader.Read(pdfs[0], DocumentReader.Pdf);

        var htmlRate = Time(html, d => reader.Read(d, DocumentReader.Html), out var htmlBytes);
        var pdfRate = Time(pdfs, d => reader.Read(d, DocumentReader.Pdf), out var pdfBytes);

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
