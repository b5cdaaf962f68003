namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A quotation in the text: Start and End include the marks, the body lies between them.</summary>
public readonly record struct Quotation(int Start, int End)
{
    public int BodyStart { get; init; } = Start + 1;

    public int BodyEnd { get; init; } = End - 1;
}

/// <summary>
/// Pairs quotation marks in one pass over the text: “curly” (a quotation continued over paragraphs reopens each
/// paragraph with “ and closes once), « guillemets », "straight", ‘’doubled single’’ marks and, when asked, ‘single’
/// ones. An opener left unclosed is dropped at the next opener in its paragraph, so hostile text costs linear time.
/// </summary>
public static class Quotations
{
    private const int MaxLength = 4000;

    public static List<Quotation> Find(string text, bool withSingle = false, bool withCutOff = true)
    {
        var found = new List<Quotation>();
        int curly = -1, guillemet = -1, straight = -1, single = -1, doubled = -1;
        var paragraphBreak = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // ‘’Le pacte…’’: some agencies' copy types two single marks for a double one. They open before a word and
            // close after one, closing a “curly” quotation too ("…our world.’’").
            if (IsSingleMark(c) && i + 1 < text.Length && IsSingleMark(text[i + 1]))
            {
                var opens = (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 2 < text.Length && char.IsLetterOrDigit(text[i + 2]);
                var open = doubled >= 0 ? doubled : curly;
                if (!opens && open >= 0 && i > 0 && !char.IsWhiteSpace(text[i - 1]))
                {
                    found.Add(new Quotation(open, i + 2) { BodyStart = AfterMark(open, doubled), BodyEnd = i });
                    doubled = curly = -1;
                }
                else if (opens)
                {
                    doubled = i;
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '\n' when i > 0 && text[i - 1] == '\n':
                    paragraphBreak = i;
                    straight = single = doubled = -1;
                    break;
                case '“':
                    // A new “ in the same paragraph abandons an unclosed one; opening the next paragraph it continues the
                    // quotation (one set inside a paragraph starts a new one).
                    curly = curly < 0 || paragraphBreak < curly || i - curly > MaxLength || !text.AsSpan(paragraphBreak + 1, i - paragraphBreak - 1).IsWhiteSpace() ? i : curly;
                    break;
                case '”' when curly >= 0:
                    found.Add(new Quotation(curly, i + 1));
                    curly = -1;
                    break;
                case '”' when straight >= 0:
                    // "…”, as “… » below: a page that mixes its marks still closes the quotation it opened.
                    found.Add(new Quotation(straight, i + 1));
                    straight = -1;
                    break;
                case '«':
                    guillemet = guillemet < 0 || paragraphBreak < guillemet || i - guillemet > MaxLength ? i : guillemet;
                    break;
                case '»' when guillemet >= 0:
                    found.Add(new Quotation(guillemet, i + 1));
                    guillemet = -1;
                    break;
                case '»' when curly >= 0:
                    // “… »
                    found.Add(new Quotation(curly, i + 1));
                    curly = -1;
                    break;
                // Two straight marks around a “curly” quotation never paired: the first was closed by a ” ("…”).
                case '"' when straight >= 0 && !(found.Count > 0 && found[^1].Start > straight && text[found[^1].Start] is '“' or '«'):
                    found.Add(new Quotation(straight, i + 1));
                    straight = -1;
                    break;
                case '"' when curly >= 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])):
                    // “…," said Dr Akhtar: a straight mark right after the words closes the curly quotation they are in.
                    found.Add(new Quotation(curly, i + 1));
                    curly = -1;
                    break;
                case '"' when i == 0 || !char.IsLetterOrDigit(text[i - 1]):
                    straight = i;
                    break;
                case '"':
                    straight = -1;
                    break;
                case '’' when curly >= 0 && i + 1 < text.Length && text[i + 1] == ',' && char.IsLetter(text[i - 1]) && text[i - 1] != 's':
                    // “… agents of development’, he added: a closer typed as a single mark, before the attribution's comma.
                    found.Add(new Quotation(curly, i + 1));
                    curly = -1;
                    break;
                case '‘' when withSingle:
                    single = i;
                    break;
                case '’' when single >= 0 && (i + 1 == text.Length || !char.IsLetter(text[i + 1])) && !PluralPossessive(text, i):
                    found.Add(new Quotation(single, i + 1));
                    single = -1;
                    break;
            }
        }

        // A quotation the text's end cuts off (a crawler keeps a page's opening) is a quotation still.
        var cut = Math.Max(Math.Max(curly, guillemet), Math.Max(straight, doubled));
        if (withCutOff && cut >= 0 && text.Length - cut <= MaxLength && found.All(q => q.End <= cut) && OpensWords(text, cut))
        {
            found.Add(new Quotation(cut, text.Length) { BodyStart = AfterMark(cut, doubled), BodyEnd = text.Length });
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// A mark after a space or at a line's start, against the words it opens (« guillemets » stand apart): an opener,
    /// not a closer typed the wrong way round ("…, “ says Ana Ruiz").
    /// </summary>
    private static bool OpensWords(string text, int mark) =>
        (mark == 0 || char.IsWhiteSpace(text[mark - 1]))
        && (text[mark] == '«' ? text.AsSpan(mark + 1).TrimStart() : text.AsSpan(mark + 1)) is { Length: > 0 } words && char.IsLetterOrDigit(words[0]);

    // Where the words start after an opening mark: a doubled single mark takes two characters.
    private static int AfterMark(int mark, int doubled) => mark + (mark == doubled ? 2 : 1);

    private static bool IsSingleMark(char c) => c is '‘' or '’' or '\'';

    // "the dockers’ work": after a plural's s and before a word in small letters, ’ is an apostrophe, not a closer.
    private static bool PluralPossessive(string text, int mark) =>
        text[mark - 1] == 's' && mark + 2 < text.Length && text[mark + 1] == ' ' && char.IsLower(text[mark + 2]);

    /// <summary>Whether index falls inside one of the (sorted) quotations.</summary>
    public static bool Inside(List<Quotation> quotations, int index)
    {
        var at = Sorted.LastAtOrBefore(quotations, q => q.Start, index);
        return at >= 0 && index > quotations[at].Start && index < quotations[at].End;
    }
}

/// <summary>Binary search over lists kept sorted by position, so lookups stay cheap in long documents.</summary>
public static class Sorted
{
    /// <summary>The index of the last item whose key is at or before position, or -1.</summary>
    public static int LastAtOrBefore<T>(IReadOnlyList<T> items, Func<T, int> key, int position)
    {
        int low = 0, high = items.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (key(items[middle]) <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>The items whose key lies in [from, to), in order.</summary>
    public static IEnumerable<T> Between<T>(IReadOnlyList<T> items, Func<T, int> key, int from, int to)
    {
        for (var i = LastAtOrBefore(items, key, from - 1) + 1; i < items.Count && key(items[i]) < to; i++)
        {
            yield return items[i];
        }
    }
}
