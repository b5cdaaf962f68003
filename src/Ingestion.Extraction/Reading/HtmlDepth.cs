namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// How deep the markup nests, measured on the raw text in one linear pass before any parser sees it: a page
/// nested thousands of levels deep makes tree builders quadratic and recursive walkers overflow the stack
/// (which kills the process, no catch possible). Elements whose end tag is optional or absent are not counted.
/// </summary>
internal static class HtmlDepth
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // End tag optional: closed implicitly by their next sibling.
        "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
        "rb", "rt", "rp", "colgroup", "caption",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext"];

    public static int Measure(string html, int stopAbove)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                i = SkipPast(html, "-->", i + 4);
            }
            else if (next is '!' or '?')
            {
                i = SkipPast(html, ">", i + 2);
            }
            else if (next == '/')
            {
                var name = TagName(html, i + 2);
                if (name.Length > 0 && !NotNesting.Contains(name))
                {
                    depth = Math.Max(0, depth - 1);
                }

                i = SkipPast(html, ">", i + 2);
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = TagName(html, i + 1);
                var end = SkipPast(html, ">", i + 1);
                var selfClosing = end >= 2 && end <= html.Length && html[end - 2] == '/';
                if (!selfClosing && !NotNesting.Contains(name))
                {
                    max = Math.Max(max, ++depth);
                    if (max > stopAbove)
                    {
                        return max;
                    }
                }

                i = RawText.Contains(name, StringComparer.OrdinalIgnoreCase) ? SkipPast(html, "</" + name, end) : end;
            }
            else
            {
                i++;
            }
        }

        return max;
    }

    private static string TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':'))
        {
            end++;
        }

        return html[start..end];
    }

    private static int SkipPast(string html, string token, int from)
    {
        var at = html.IndexOf(token, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + token.Length;
    }
}
