using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Extraction.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>Builds the binary fixtures (PDF, DOCX, zip) in memory, from text written for these tests.</summary>
internal static class TestDocuments
{
    public const string DocxType = DocumentReader.Docx;

    public static ReadDocument Read(string text, string contentType) => DocumentReader.Default.Read(Encoding.UTF8.GetBytes(text), contentType);

    public static DocumentRejectedException Rejected(byte[] content, string contentType) =>
        Assert.Throws<DocumentRejectedException>(() => DocumentReader.Default.Read(content, contentType));

    /// <summary>
    /// A letter-like PDF in Helvetica: every page carries the same three-language letterhead and a footer with
    /// its page number; body lines are 14 pt apart and paragraphs 28 pt apart.
    /// </summary>
    public static byte[] Pdf(IReadOnlyList<IReadOnlyList<string>> pages, string? title = null)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText("WAO World Agency for Outreach", 9, new PdfPoint(72, 800), font);
            page.AddText("AMR Agence Mondiale de Rayonnement", 9, new PdfPoint(72, 789), font);
            page.AddText("AMA Agencia Mundial de Alcance", 9, new PdfPoint(72, 778), font);
            var y = 740.0;
            foreach (var line in pages[p])
            {
                if (line.Length == 0)
                {
                    y -= 14; // An empty entry widens the gap: a new paragraph.
                    continue;
                }

                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    y -= 6;
                    page.AddText(line[2..], 16, new PdfPoint(72, y), bold);
                    y -= 26;
                    continue;
                }

                page.AddText(line, 11, new PdfPoint(72, y), font);
                y -= 14;
            }

            page.AddText("Outreach Review - confidential draft", 8, new PdfPoint(72, 50), font);
            page.AddText($"Page {p + 1} of {pages.Count}", 8, new PdfPoint(480, 50), font);
        }

        return builder.Build();
    }

    /// <summary>A DOCX with a core title, a heading, a numbered and a bulleted list, and a footnote.</summary>
    public static byte[] Docx(Action<Body, MainDocumentPart> content, string? title = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new StartNumberingValue { Val = 1 }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
            main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes();
            var body = new Body();
            main.Document = new Document(body);
            content(body, main);
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(params OpenXmlElement[] runs) => new(runs);

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    public static Paragraph ListItem(int numId, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })), new Run(new Text(text)));

    public static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Run FootnoteReference(MainDocumentPart main, int id, string note)
    {
        main.FootnotesPart!.Footnotes!.Append(new Footnote(new Paragraph(new Run(new Text(note)))) { Id = id });
        return new Run(new FootnoteReference { Id = id });
    }

    /// <summary>A zip holding one entry of the given size, all spaces: it compresses about a thousand to one.</summary>
    public static byte[] ZipOfSpaces(string entryName, long size)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < size; written += chunk.Length)
            {
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites every header's uncompressed size to a lie, as a forged zip bomb does.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, uint declared)
    {
        var forged = (byte[])zip.Clone();
        for (var i = 0; i + 46 < forged.Length; i++)
        {
            var signature = BitConverter.ToUInt32(forged, i);
            var offset = signature switch { 0x04034b50 => 22, 0x02014b50 => 24, _ => -1 };
            if (offset > 0)
            {
                BitConverter.TryWriteBytes(forged.AsSpan(i + offset, 4), declared);
            }
        }

        return forged;
    }
}
