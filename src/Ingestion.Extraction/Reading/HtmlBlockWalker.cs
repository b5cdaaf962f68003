using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Walks an element's subtree into blocks without recursion (an explicit stack, so depth costs heap, not
/// thread stack): block elements end a block, headings and list items give theirs a kind, &lt;br&gt; ends a
/// line, footnote references become " [n] ", everything else is inline text.
/// </summary>
internal sealed partial class HtmlBlockWalker(bool sourceLineBreaks)
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "legend",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "title" };

    public List<Block> Walk(IElement root)
    {
        var state = new State();
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                state.Line.Append(Collapse(text.Data, sourceLineBreaks || text.ParentElement?.Closest("pre") is not null));
            }
            else if (node is IElement element && leaving)
            {
                state.Leave(element);
            }
            else if (node is IElement entered && !Skipped.Contains(entered.LocalName))
            {
                if (FootnoteReference(entered) is { } number)
                {
                    state.Line.Append(Footnotes.Marker(number));
                    continue;
                }

                state.Enter(entered);
                stack.Push((entered, true));
                for (var child = entered.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
        }

        state.Flush();
        return state.Blocks;
    }

    /// <summary>"&lt;sup&gt;1&lt;/sup&gt;", "&lt;a href='#fn1'&gt;1&lt;/a&gt;", "&lt;a class='footnote-ref'&gt;&lt;sup&gt;[2]&lt;/sup&gt;&lt;/a&gt;": the number, or null.</summary>
    private static string? FootnoteReference(IElement element)
    {
        var isReference = element.LocalName == "sup"
            || (element.LocalName == "a" && (element.GetAttribute("href") is { } href && (href.StartsWith("#fn", StringComparison.OrdinalIgnoreCase) || href.StartsWith("#footnote", StringComparison.OrdinalIgnoreCase))
                || element.ClassList.Contains("footnote-ref") || element.GetAttribute("role") == "doc-noteref"));
        if (!isReference)
        {
            return null;
        }

        var match = MarkerText().Match(element.TextContent);
        return match.Success ? match.Groups["n"].Value : null;
    }

    private static string Collapse(string text, bool keepLineBreaks) =>
        keepLineBreaks ? SpacesAroundBreaks().Replace(HorizontalSpaces().Replace(text, " "), "\n") : AllSpaces().Replace(text, " ");

    [GeneratedRegex(@"^\s*\[?(?<n>\d{1,3})\]?\s*$")]
    private static partial Regex MarkerText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex AllSpaces();

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex HorizontalSpaces();

    [GeneratedRegex(@" ?\n[\s]*")]
    private static partial Regex SpacesAroundBreaks();

    /// <summary>The walk's position: the line being built and the kind of block it will become.</summary>
    private sealed class State
    {
        private readonly Stack<(BlockKind Kind, int Number, int ListId)> _context = new([(BlockKind.Paragraph, 0, 0)]);
        private readonly Dictionary<IElement, (int Id, int Items)> _lists = [];

        public List<Block> Blocks { get; } = [];

        public StringBuilder Line { get; } = new();

        public void Enter(IElement element)
        {
            var name = element.LocalName;
            if (name == "br")
            {
                // A line break inside a heading is layout; elsewhere it ends a line of its own.
                if (_context.Peek().Kind == BlockKind.Heading)
                {
                    Line.Append(' ');
                }
                else
                {
                    Flush();
                }

                return;
            }

            if (name == "hr")
            {
                Flush();
                Blocks.Add(Block.Rule);
                return;
            }

            if (!BlockElements.Contains(name))
            {
                return;
            }

            Flush();
            _context.Push(name switch
            {
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => (BlockKind.Heading, 0, 0),
                "li" => Item(element),
                "td" or "th" or "caption" => (BlockKind.Paragraph, 0, 0),
                _ => _context.Peek(),
            });
        }

        public void Leave(IElement element)
        {
            if (BlockElements.Contains(element.LocalName))
            {
                Flush();
                _context.Pop();
            }
        }

        public void Flush()
        {
            var text = Line.ToString().Trim();
            Line.Clear();
            if (text.Length > 0)
            {
                var (kind, number, listId) = _context.Peek();
                Blocks.Add(new Block(kind, text, number, listId));
            }
        }

        /// <summary>The item's list, and its number: 0 for a bullet, else the list's start plus the items before it.</summary>
        private (BlockKind, int, int) Item(IElement item)
        {
            var list = item.ParentElement;
            if (list is null || list.LocalName is not ("ol" or "ul" or "menu"))
            {
                return (BlockKind.ListItem, 0, 0);
            }

            var (id, items) = _lists.TryGetValue(list, out var known) ? known : (_lists.Count + 1, 0);
            _lists[list] = (id, items + 1);
            var start = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
            return (BlockKind.ListItem, list.LocalName == "ol" ? Math.Clamp(start + items, 1, 9999) : 0, id);
        }
    }
}
