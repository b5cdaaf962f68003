using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// HTML through AngleSharp: metadata from the head, footnote sections set aside, furniture removed (nav, forms,
/// cookie banners, share widgets, comments...), then the main content (&lt;main&gt;, else the largest &lt;article&gt;,
/// else &lt;body&gt;) walked into blocks.
/// </summary>
internal sealed class HtmlReader(Boilerplate boilerplate)
{
    /// <summary>Far beyond any real page (a few dozen levels), far below what could exhaust a thread's stack.</summary>
    public const int MaxDepth = 1000;

    private const string FootnoteSections = ".footnotes, .footnote-list, #footnotes, [role=doc-endnotes], [role=doc-footnotes]";
    private const string FootnoteBackLinks = ".footnote-back-ref, .footnote-backref, [role=doc-backlink], a[href^='#fnref']";

    private static readonly string[] MetaKeys = ["name", "property", "itemprop"];

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <param name="sourceLineBreaks">True for HTML rendered from Markdown, whose line breaks are the author's lines.</param>
    public ReadBlocks Read(string html, bool sourceLineBreaks = false)
    {
        var depth = HtmlDepth.Measure(html, MaxDepth);
        if (depth > MaxDepth)
        {
            throw new DocumentRejectedException($"The HTML nests elements more than {MaxDepth:N0} levels deep.");
        }

        // A parser per call: AngleSharp's parser keeps state while it works.
        var document = new HtmlParser(ParserOptions).ParseDocument(html);
        var title = Title(document);
        var publishedOn = PublishedOn(document);
        var language = Language(document);

        var walker = new HtmlBlockWalker(sourceLineBreaks);
        var notes = TakeFootnotes(document, walker);
        var root = ContentRoot(document);
        RemoveFurniture(root);

        var blocks = walker.Walk(root);
        blocks.AddRange(notes);
        return new ReadBlocks(blocks, title, publishedOn, language);
    }

    private static string? Title(IHtmlDocument document)
    {
        var candidates = new[]
        {
            document.QuerySelector("head > title")?.TextContent,
            Meta(document, "og:title"),
            document.QuerySelector("h1")?.TextContent,
        };
        return candidates.Select(c => c is null ? null : string.Join(' ', c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .FirstOrDefault(c => !string.IsNullOrEmpty(c));
    }

    private static DateOnly? PublishedOn(IHtmlDocument document)
    {
        string?[] candidates =
        [
            Meta(document, "article:published_time"), Meta(document, "datepublished"), Meta(document, "date"), Meta(document, "dc.date"),
            Meta(document, "dc.date.issued"), Meta(document, "dcterms.date"), Meta(document, "dcterms.issued"), Meta(document, "citation_publication_date"),
            document.QuerySelector("time[pubdate][datetime], time.published[datetime], time.entry-date[datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("article time[datetime], main time[datetime]")?.GetAttribute("datetime"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        ];
        foreach (var value in candidates)
        {
            var text = value?.Trim();
            if (text is { Length: >= 10 }
                && DateOnly.TryParseExact(text[..10].Replace('/', '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The primary subtag of &lt;html lang&gt;: "fr-CH" → "fr".</summary>
    private static string? Language(IHtmlDocument document)
    {
        var lang = document.DocumentElement.GetAttribute("lang") ?? document.DocumentElement.GetAttribute("xml:lang");
        var primary = lang?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is { Length: >= 2 and <= 3 } && primary.All(char.IsAsciiLetter) ? primary : null;
    }

    /// <summary>A meta's content by name, property or itemprop, case-insensitively (sites write "DC.Date" and "dc.date").</summary>
    private static string? Meta(IHtmlDocument document, string key) =>
        document.QuerySelectorAll("meta[content]")
            .FirstOrDefault(m => MetaKeys.Any(a => string.Equals(m.GetAttribute(a), key, StringComparison.OrdinalIgnoreCase)))
            ?.GetAttribute("content");

    /// <summary>Footnote sections become footnote blocks ("[n] text") and leave the tree, wherever they sat.</summary>
    private static List<Block> TakeFootnotes(IHtmlDocument document, HtmlBlockWalker walker)
    {
        var notes = new List<Block>();
        foreach (var section in document.QuerySelectorAll(FootnoteSections).ToList())
        {
            foreach (var backLink in section.QuerySelectorAll(FootnoteBackLinks).ToList())
            {
                backLink.Remove();
            }

            var items = section.QuerySelectorAll("li").ToList() is { Count: > 0 } listItems ? listItems : section.QuerySelectorAll("p").ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var text = string.Join(' ', walker.Walk(items[i]).Select(b => b.Text)).Trim();
                if (text.Length > 0)
                {
                    notes.Add(new Block(BlockKind.Footnote, Footnotes.StartsWithMarker(text) ? text : $"[{i + 1}] {text}"));
                }
            }

            section.Remove();
        }

        return notes;
    }

    private static IElement ContentRoot(IHtmlDocument document) =>
        document.QuerySelector("main, [role=main]")
        ?? document.QuerySelectorAll("article").MaxBy(a => a.TextContent.Length)
        ?? document.Body
        ?? document.DocumentElement;

    /// <summary>Removes furniture inside the content root, which is all that is read.</summary>
    private void RemoveFurniture(IElement root)
    {
        var furniture = root.QuerySelectorAll(boilerplate.HtmlRemoveSelector)
            .Concat(root.QuerySelectorAll("header").Where(h => h.Closest("article, main") is null)) // The site's header, not an article's.
            .Concat(root.QuerySelectorAll("[class], [id]").Where(IsWidget))
            .ToList();
        foreach (var element in furniture)
        {
            element.Remove();
        }
    }

    private bool IsWidget(IElement element) =>
        element.LocalName is not ("main" or "article" or "body")
        && (boilerplate.HtmlRemoveWords.IsMatch(element.ClassName ?? string.Empty) || boilerplate.HtmlRemoveWords.IsMatch(element.Id ?? string.Empty));
}
