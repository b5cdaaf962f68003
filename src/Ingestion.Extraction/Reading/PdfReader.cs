using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// PDF through PdfPig: words grouped into lines by baseline, lines into paragraphs where the gap between them
/// is wider than the usual line spacing; lines repeated at the top or bottom of most pages (letterheads,
/// running headers, footers, page numbers) are dropped; a paragraph cut by a page break continues.
/// </summary>
internal static partial class PdfReader
{
    /// <summary>Lines at each end of a page that may be running headers or footers.</summary>
    private const int FurnitureZone = 3;

    public static ReadBlocks Read(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (content.Span[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) < 0)
        {
            throw new DocumentRejectedException("The content is not a PDF (no %PDF header).");
        }

        try
        {
            using var pdf = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            // A page at a time, so an extraction that has run out of time stops within a page.
            var pages = pdf.GetPages().Select(page =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Lines(page);
            }).ToList();
            var blocks = Paragraphs(WithoutRunningLines(pages));
            if (blocks.Count == 0)
            {
                throw new DocumentRejectedException("The PDF has no text layer (scanned pages need OCR, which this service does not do).");
            }

            return new ReadBlocks(blocks, MeaningfulTitle(pdf.Information.Title));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentRejectedException("The PDF is encrypted.");
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OperationCanceledException)
        {
            throw new DocumentRejectedException($"The PDF is truncated or corrupt: {ex.Message}");
        }
    }

    /// <summary>One printed line: its text, baseline, height and font size.</summary>
    private sealed record Line(string Text, double Baseline, double Height, double FontSize);

    private static List<Line> Lines(Page page)
    {
        var lines = new List<Line>();
        var current = new List<Word>();
        foreach (var word in page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
                     .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom, 0)).ThenBy(w => w.BoundingBox.Left))
        {
            if (current.Count > 0 && Math.Abs(current[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > current[0].BoundingBox.Height / 2)
            {
                lines.Add(ToLine(current));
                current.Clear();
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(current));
        }

        return lines;

        static Line ToLine(List<Word> words)
        {
            var ordered = words.OrderBy(w => w.BoundingBox.Left).ToList();
            return new Line(string.Join(' ', ordered.Select(w => w.Text)), ordered[0].BoundingBox.Bottom,
                ordered.Max(w => w.BoundingBox.Height), ordered[0].Letters.Count > 0 ? ordered[0].Letters[0].PointSize : 0);
        }
    }

    /// <summary>Drops lines that recur near the top or bottom of at least half the pages (digits ignored: "Page 2 of 3").</summary>
    private static List<List<Line>> WithoutRunningLines(List<List<Line>> pages)
    {
        if (pages.Count < 2)
        {
            return pages;
        }

        var seenOn = pages
            .SelectMany(lines => Edges(lines).Select(l => Key(l.Text)).Distinct())
            .GroupBy(k => k)
            .ToDictionary(g => g.Key, g => g.Count());
        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        return pages.Select(lines =>
        {
            var edges = Edges(lines).ToHashSet();
            return lines.Where(l => !edges.Contains(l) || seenOn[Key(l.Text)] < threshold).ToList();
        }).ToList();

        static IEnumerable<Line> Edges(List<Line> lines) => lines.Take(FurnitureZone).Concat(lines.TakeLast(FurnitureZone));
    }

    private static List<Block> Paragraphs(List<List<Line>> pages)
    {
        var all = pages.SelectMany(p => p).ToList();
        var spacing = Median(pages.SelectMany(p => p.Zip(p.Skip(1), (a, b) => a.Baseline - b.Baseline)).Where(g => g > 0));
        var bodySize = Median(all.Select(l => l.FontSize).Where(s => s > 0));
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        foreach (var lines in pages)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var gap = i == 0 ? double.MaxValue : lines[i - 1].Baseline - line.Baseline;
                var isHeading = bodySize > 0 && line.FontSize > bodySize * 1.2 && line.Text.Length < 150;

                // A page break continues a paragraph that stopped mid-sentence; a wide gap or a heading starts a new one.
                var continues = i == 0 ? paragraph.Count > 0 && !SentenceEnd().IsMatch(paragraph[^1]) : gap <= spacing * 1.4;
                if (!continues || isHeading)
                {
                    Flush(blocks, paragraph);
                }

                if (isHeading)
                {
                    blocks.Add(Block.Heading(line.Text));
                    continue;
                }

                paragraph.Add(line.Text);
            }
        }

        Flush(blocks, paragraph);
        return blocks;
    }

    private static void Flush(List<Block> blocks, List<string> lines)
    {
        if (lines.Count > 0)
        {
            // Lines that start with a bullet or a number are list items even inside a tight block.
            blocks.AddRange(PlainTextReader.Read(string.Join('\n', lines)).Blocks);
            lines.Clear();
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string Key(string line) => Digits().Replace(line.Trim().ToLowerInvariant(), "#");

    /// <summary>Producers write file names and placeholders into the title field; those say nothing.</summary>
    private static string? MeaningfulTitle(string? title)
    {
        // Cleaned first, so a placeholder written in UTF-16 without its byte-order mark ("\0U\0n\0t...") is still one.
        var trimmed = title is null ? null : TextComposer.Normalise(title);
        return string.IsNullOrEmpty(trimmed) || trimmed.Length < 4 || PlaceholderTitle().IsMatch(trimmed) ? null : trimmed;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex("""[.!?:;»"”]\s*$""")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(untitled|sans titre|sin título|document\d*|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|rtf|odt|indd|tmp)|[\d\s_-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderTitle();
}
