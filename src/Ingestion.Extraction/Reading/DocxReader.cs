using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// DOCX through DocumentFormat.OpenXml (the Open XML SDK), after <see cref="ZipBombGuard"/>: paragraphs, headings
/// (by style name or outline level, so localised style ids work), list items numbered as Word shows them, and
/// footnotes as " [n]" markers with their bodies at the end. The title is the core title, else the first heading.
/// </summary>
internal static class DocxReader
{
    public static ReadBlocks Read(ReadOnlyMemory<byte> content)
    {
        if (content.Span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            // Password-protected Office files are OLE compound files wrapping the encrypted package.
            throw new DocumentRejectedException("The DOCX is encrypted (password-protected) or an old binary .doc file.");
        }

        using var stream = new MemoryStream(content.ToArray(), writable: false);
        try
        {
            ZipBombGuard.Check(stream);
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentRejectedException("The DOCX has no document body.");
            var reader = new DocxBodyReader(document.MainDocumentPart);
            var blocks = reader.Read(body);
            var title = document.PackageProperties.Title?.Trim() is { Length: > 0 } core
                ? core
                : blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text;
            return new ReadBlocks(blocks, title);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentRejectedException($"The DOCX is not a valid zip package: {ex.Message}");
        }
        catch (System.Xml.XmlException ex)
        {
            throw new DocumentRejectedException($"The DOCX holds malformed XML: {ex.Message}");
        }
        catch (OpenXmlPackageException ex)
        {
            throw new DocumentRejectedException($"The DOCX is not a valid Office Open XML package: {ex.Message}");
        }
    }

    /// <summary>One document's body, with the style, numbering and footnote parts it refers to.</summary>
    private sealed class DocxBodyReader(MainDocumentPart main)
    {
        private readonly Dictionary<string, Style> _styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null).DistinctBy(s => s.StyleId!.Value!).ToDictionary(s => s.StyleId!.Value!) ?? [];

        private readonly Dictionary<(int NumId, int Level), int> _counters = [];
        private readonly List<Block> _notes = [];
        private bool _inFootnote;

        public List<Block> Read(Body body)
        {
            var blocks = new List<Block>();
            foreach (var paragraph in body.Descendants<Paragraph>().Where(p => !p.Ancestors<AlternateContentFallback>().Any()))
            {
                var text = ParagraphText(paragraph);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var numbering = paragraph.ParagraphProperties?.NumberingProperties ?? StyleOf(style)?.StyleParagraphProperties?.NumberingProperties;
                blocks.Add(IsHeading(paragraph, style) ? Block.Heading(text)
                    : numbering?.NumberingId?.Val?.Value is int numId and > 0 ? Block.Item(text, ItemNumber(numId, numbering.NumberingLevelReference?.Val?.Value ?? 0), numId)
                    : Block.Paragraph(text));
            }

            blocks.AddRange(_notes);
            return blocks;
        }

        /// <summary>Runs' text; tabs as spaces, manual line breaks as soft breaks, footnote references as markers.</summary>
        private string ParagraphText(Paragraph paragraph)
        {
            var text = new System.Text.StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    // A reference inside a footnote's own body is not followed: a note that cites itself would never end.
                    case FootnoteReference reference when reference.Id?.Value is long id && !_inFootnote:
                        text.Append(Footnote(id));
                        break;
                }
            }

            return text.ToString();
        }

        /// <summary>Footnotes are numbered in order of reference, as Word displays them; the body waits for the end.</summary>
        private string Footnote(long id)
        {
            var number = (_notes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var note = main.FootnotesPart?.Footnotes?.Elements<Footnote>().FirstOrDefault(f => f.Id?.Value == id);
            _inFootnote = true;
            var body = note is null ? string.Empty : string.Join(' ', note.Descendants<Paragraph>().Select(ParagraphText)).Trim();
            _inFootnote = false;
            _notes.Add(new Block(BlockKind.Footnote, $"[{number}] {body}"));
            return Footnotes.Marker(number);
        }

        private bool IsHeading(Paragraph paragraph, string? styleId)
        {
            if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                return true;
            }

            // Follows the style chain: "Heading 1" may be the base of a custom style.
            for (var (style, hops) = (StyleOf(styleId), 0); style is not null && hops < 10; style = StyleOf(style.BasedOn?.Val?.Value), hops++)
            {
                var name = style.StyleName?.Val?.Value?.ToLowerInvariant() ?? string.Empty;
                if (name.StartsWith("heading", StringComparison.Ordinal) || name is "title" || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
                {
                    return true;
                }
            }

            return false;
        }

        private Style? StyleOf(string? id) => id is not null && _styles.TryGetValue(id, out var style) ? style : null;

        /// <summary>0 for a bullet; otherwise the number Word shows, counting per list and level.</summary>
        private int ItemNumber(int numId, int level)
        {
            var instance = main.NumberingDefinitionsPart?.Numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = main.NumberingDefinitionsPart?.Numbering?.Elements<AbstractNum>()
                .FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition?.NumberingFormat?.Val?.Value is not { } format || format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return 0;
            }

            // A shallower item restarts the deeper levels' counts, as Word does.
            foreach (var deeper in _counters.Keys.Where(k => k.NumId == numId && k.Level > level).ToList())
            {
                _counters.Remove(deeper);
            }

            var start = definition.StartNumberingValue?.Val?.Value ?? 1;
            var number = _counters.TryGetValue((numId, level), out var previous) ? previous + 1 : start;
            _counters[(numId, level)] = number;
            return number;
        }
    }
}
