using System.IO.Compression;
using System.Text;
using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Extraction.Reading;
using Xunit.Abstractions;
using static IdmPlatform.Extraction.Tests.Reading.TestDocuments;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>
/// Thousands of deterministic mutations of valid documents (byte flips, truncations, insertions, splices) go through
/// the whole extractor, reading and analysis: each must be extracted or rejected with a reason, never throw
/// anything else, and never take long.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int MutationsPerFormat = 1000;
    // A guard against a hang, far beyond what a busy machine needs for one small document (they take milliseconds).
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromMinutes(2);
    private static readonly DocumentExtractor Extractor = new();

    public static TheoryData<string> Formats => ["text/plain", "text/html", "text/markdown", "application/pdf", DocxType];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Mutated_documents_are_read_or_rejected_never_crash_or_hang(string contentType)
    {
        var sample = Sample(contentType);
        var random = new Random(contentType.Length * 7919); // Deterministic: a failure names its mutation number.
        int read = 0, rejected = 0;
        var reasons = new Dictionary<string, int>();
        for (var i = 0; i < MutationsPerFormat; i++)
        {
            // Half the DOCX mutations go inside the package, or the zip's checksums would reject nearly all of them.
            var input = contentType == DocxType && i % 2 == 0 ? MutateInsideZip(sample, "word/document.xml", random) : Mutate(sample, random);
            var outcome = await Task.Run(() =>
            {
                try
                {
                    Extractor.Extract(input, contentType, new ExtractionHints());
                    return (Exception?)null;
                }
                catch (Exception ex)
                {
                    return ex;
                }
            }).WaitAsync(PerInputLimit);

            if (outcome is null)
            {
                read++;
            }
            else if (outcome is DocumentRejectedException rejection)
            {
                rejected++;
                var reason = rejection.Message[..Math.Min(60, rejection.Message.Length)];
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
            else
            {
                Assert.Fail($"Mutation {i} of {contentType} threw {outcome.GetType().Name}: {outcome.Message}");
            }
        }

        output.WriteLine($"{contentType}: {read} read, {rejected} rejected");
        output.WriteLine(string.Join("\n", reasons.OrderByDescending(r => r.Value).Take(5).Select(r => $"  {r.Value} × {r.Key}")));
        // Both paths were exercised: the mutations are neither all harmless nor all fatal.
        Assert.True(read > 0 && rejected > 0, $"{read} read, {rejected} rejected");
    }

    private static byte[] Mutate(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        for (var edits = random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: // Flip bits in a few bytes.
                    for (var k = 0; k < random.Next(1, 8) && at + k < bytes.Count; k++)
                    {
                        bytes[at + k] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1: // Truncate.
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // Insert random bytes.
                    var noise = new byte[random.Next(1, 64)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
                case 3: // Splice: repeat a slice of the document elsewhere (duplicated tags, half objects).
                    var length = random.Next(1, Math.Max(2, Math.Min(4096, bytes.Count - at)));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, Math.Min(length, bytes.Count - at)));
                    break;
                default: // Delete a slice.
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 256), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] MutateInsideZip(byte[] package, string entryName, Random random)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var content = new MemoryStream();
                read.CopyTo(content);
                var bytes = entry.FullName == entryName ? Mutate(content.ToArray(), random) : content.ToArray();
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static byte[] Sample(string contentType) => contentType switch
    {
        "text/html" => Encoding.UTF8.GetBytes("""
            <html lang="en"><head><meta charset="utf-8"><title>Forum notes</title><meta property="article:published_time" content="2024-02-01"></head>
            <body><nav><a href="/">Home</a></nav><main><h1>Forum notes</h1><p>“We share the sea,” said the chair<sup>1</sup>.</p>
            <ul><li>First</li><li>Second</li></ul><ol start="2"><li>Two</li></ol><hr><p><sup>1</sup> A note.</p><p>Continued text.</p>
            <section class="footnotes"><ol><li>Note body</li></ol></section></main><form>Leave a Reply</form></body></html>
            """),
        "text/markdown" => Encoding.UTF8.GetBytes("""
            # Forum notes

            > “We share the sea,” said the chair<sup>1</sup>, [mayor](#) of Portsea.

            - First **point**
              1. Nested
            - Second[^2]

            ---

            <sup>1</sup> A note.

            [^2]: Another note.

            | a | b |
            |---|---|
            | 1 | 2 |
            """),
        "application/pdf" => Pdf([["# Forum notes", "First line of text on page one,", "and its continuation.", "", "1. A list item."], ["Second page text."]], "Forum notes"),
        DocxType => Docx((body, main) => body.Append(
            Styled("Title", "Forum notes"),
            Paragraph(Run("Text with a note"), FootnoteReference(main, 1, "The note."), Run(" and more.")),
            ListItem(1, "One."),
            ListItem(2, "Bullet."))),
        _ => Encoding.UTF8.GetBytes("WAO World Agency for Outreach\n\nForum notes\n\nFirst paragraph with a hyphen-\nated word.\n\n1. One\n2. Two\n\nLeave a Reply\n\nGone."),
    };
}
