using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>The headline and the line it stands on.</summary>
public sealed record FoundTitle(string Text, int Index, int End);

/// <summary>
/// A page's title is its headline, found the way a reader finds it: going down the first lines, past the page
/// furniture — site sections and menu items (a label repeated or spelt out on the next line), bullets, datelines
/// and date stamps, document symbols, salutations, bylines, pagers, cookie notices, photo credits, teasers cut
/// short — to the first line that reads as a headline: a few words, not a sentence, not a fragment. A known
/// subtitle ("Workshop Summary") on the next line is joined to it. A line that spells most words of the address's
/// last segment (its slug) is the headline wherever it stands: sites build that slug from the headline.
/// </summary>
public sealed partial class TitleFinder
{
    private const int MaxTitleLength = 300;
    private const int MinTitleWords = 3;
    private const int MinTitleCasedWords = 4;
    private const int RepeatReach = 15;
    private const int MinRepeatTail = 20;
    private const int MinOutletLength = 4;
    private const int MaxGluedSiteWords = 6;
    private const int CoverReach = 2000;
    private const int MinCoverWords = 4;
    private const int SearchLines = 80;
    private const int MaxSalutationWords = 12;
    private const int MaxMenuItemWords = 6;

    // The words of one link in a row of them ("Home | About | Newsroom").
    private const int MaxLinkWords = 3;
    private const int MaxRepeatedLabelWords = 5;
    private const int MaxBylineWords = 6;
    private const int MinBodyWords = 20;
    private const int BodyReach = 5;
    private const int MaxLabelWords = 4;
    private const int MinSlugWords = 3;
    private const int MinWrappedWords = 8;
    private const int MaxStoppedHeadlineWords = 12;
    private const int MaxShortHeadlineWords = 16;
    private const int MinTags = 4;
    private const int MaxTagWords = 3;
    private const int MaxMeetingLineWords = 14;
    private const int MaxGluedLabelWords = 2;
    private const int MaxGluedLabelLength = 30;
    private const double MinSlugCover = 0.75;
    private const double MinSpelledCover = 0.9;
    private const double MinSpelledShare = 0.8;
    private readonly HashSet<string> _subtitles;
    private readonly HashSet<string> _furniture;
    private readonly HashSet<string> _stampWords;
    private readonly HashSet<string> _rangeWords;
    private readonly HashSet<string> _places;
    private readonly Regex _furnitureCue;
    private readonly Regex _salutation;
    private readonly Regex _byline;
    private readonly Regex _storyStart;
    private readonly string[] _wireAgencies;
    private readonly Regex? _gluedByline;
    private readonly Regex _stampCueOpening;
    private readonly HashSet<string> _bylineWords;
    private readonly HashSet<string> _nameJoiners;
    private readonly Regex _pager;
    private readonly Regex _stampPrefix;
    private readonly Regex _trailingLabel;
    private readonly Regex _gluedLabel;
    private readonly Regex? _counter;
    private readonly Regex _sectionSuffix;
    private readonly HashSet<string> _controls;
    private readonly HashSet<string> _wrapWords;

    public TitleFinder(KindData kinds, TitleData titles, CalendarData calendar, IEnumerable<string>? rangeWords = null, IReadOnlyList<string>? authorCues = null)
    {
        _rangeWords = new HashSet<string>(rangeWords ?? [], StringComparer.OrdinalIgnoreCase);
        _subtitles = new HashSet<string>(kinds.Subtitles, StringComparer.OrdinalIgnoreCase);
        _furniture = new HashSet<string>(titles.FurnitureLines.Select(Normal), StringComparer.Ordinal);
        _stampWords = titles.StampWordSet();
        _places = new HashSet<string>(calendar.Places.Values.SelectMany(p => p), StringComparer.OrdinalIgnoreCase);
        // Most cues mark furniture wherever they stand ("cookie", "©"); a stamp's, a banner's or a field's only when it
        // opens the line ("Published on 3 May", not "Country Profiles Published on the Data Portal"; "Welcome to …").
        // "Publié le 31 juillet 2021 - écrit par : Ana Ruiz": a line that ends by naming its author is a byline too.
        var byAuthor = authorCues is { Count: > 0 } ? $@"|(?<![\p{{L}}])(?:{Phrases.Alternation(authorCues)})\s*:?\s+\p{{Lu}}[^.!?]{{0,60}}$" : string.Empty;
        // "Harbour Towns Sign the Pact Rédigé par harbour.net le Mercredi 18 Décembre 2024 | 0 commentaire(s)": a
        // byline run into the headline's line; "created by the Global Compact" in a sentence is none, an author being
        // named rather than brought in by an article.
        var articles = titles.Articles ?? [];
        var notArticle = articles.Count > 0 ? $@"(?!(?:{Phrases.Alternation(articles)})\s)" : string.Empty;
        _gluedByline = authorCues is { Count: > 0 } ? new Regex($@"\s+(?:{Phrases.Alternation(authorCues)})\s*:?\s+{notArticle}\S.*$", RegexOptions.CultureInvariant | RegexOptions.Compiled) : null;
        _stampCueOpening = new Regex($@"^\s*(?:{Phrases.Alternation(titles.StampCues.Concat(titles.UpdatedCues))})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _furnitureCue = new Regex($@"{Phrases.Alternation(titles.FurnitureCues)}|^\s*(?:{Phrases.Alternation(titles.OpeningCues ?? [])})(?![\p{{L}}]){byAuthor}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _salutation = new Regex($@"^(?:{Phrases.Alternation(titles.Salutations)})(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _pager = new Regex($@"^(?:{Phrases.Alternation(titles.PagerWords)})\s+\d+\s*[-–]\s*\d+\s+(?:of|de|sur|sobre)\s+\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "date 2020-12 Harbour Towns Sign…": a stamp, its day or only its month, opening the headline's line.
        _stampPrefix = titles.StampOpening();
        // "4.039 views", "12 commentaires": a page's counters.
        // "1,204 views", and a document site's "Views 1,789 Downloads 510 File size 913KB".
        _counter = titles.CounterWords is { Count: > 0 } counters ? new Regex($@"^(?:[0-9][0-9.,\s]*(?:{Phrases.Alternation(counters)})$|(?:(?:{Phrases.Alternation(counters)})\s*:?\s*[0-9][0-9.,]*\s+){{2}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled) : null;
        // "NewsUnited Nations Fund Kicks Off…", "PRESS RELEASE: Summit to Address…": the section's label run into the
        // headline, its space lost or a colon after it.
        var labels = Phrases.Alternation(titles.FurnitureLines);
        _gluedLabel = new Regex($@"^(?:(?:{labels})(?=\p{{Lu}}\p{{Ll}})|(?i:{labels})\s*:\s+(?=\S))", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "Global Forum story highlights": a soft line break joined a section label of several words to the headline.
        _trailingLabel = new Regex($@"\s+(?:{Phrases.Alternation(titles.FurnitureLines.Where(l => l.Contains(' ', StringComparison.Ordinal)))})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "Socialist International in the News": a site's section of press cuttings, named after its owner.
        _sectionSuffix = new Regex($@"(?<![\p{{L}}])(?:{Phrases.Alternation(titles.SectionSuffixes)})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        _controls = new HashSet<string>(titles.Controls, StringComparer.OrdinalIgnoreCase);
        _wrapWords = new HashSet<string>(titles.WrapWords, StringComparer.OrdinalIgnoreCase);
        _bylineWords = new HashSet<string>(titles.Bylines.Select(b => b.Split(' ')[0]), StringComparer.OrdinalIgnoreCase);
        _nameJoiners = new HashSet<string>(titles.NameJoiners, StringComparer.Ordinal);
        _byline = new Regex($@"^(?:{Phrases.Alternation(titles.Bylines)})\s+\p{{Lu}}", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // "… wraps up today – Reuters": a wire agency after a dash is the outlet, as the site's own name would be.
        _wireAgencies = [.. (titles.WireAgencies ?? []).Select(Squashed)];
        var storyOpeners = articles.Count > 0 ? $@"|(?<=\s\p{{Ll}}{{2,}}\s)(?=(?:{Phrases.Alternation(articles.Select(Phrases.Capitalised))})\s)" : string.Empty;
        // Where a story run into its headline visibly starts: a dateline glued on, a block in capitals, an agency's
        // dateline, a quotation opening after a headline in capitals, or a capitalised article after a word written
        // small (see GluedHeadline).
        _storyStart = new Regex(
            $@"(?<=\p{{Ll}})(?=\p{{Lu}}\p{{Ll}}+(?:\s\p{{Lu}}\p{{Ll}}+)?,\s+\d{{1,2}}\s+\p{{L}}{{3,}})|(?<=\p{{Ll}}\s)(?=(?:\p{{Lu}}[\p{{Lu}}’'\-]*\s+){{2}}\p{{Lu}}{{2,}})|(?<=\p{{L}}\s)(?=\p{{Lu}}{{2,6}},\s\p{{Lu}}\p{{Ll}}+\s)|(?<=\p{{Lu}}{{2}}\s)(?=[“«]\s?\p{{Lu}}\p{{Ll}}*\s\p{{Ll}}){storyOpeners}",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public FoundTitle? Find(string text, IReadOnlyList<WrittenDate> dates, string? sourceUrl = null)
    {
        if (CoverTitle(text) is { } cover)
        {
            return cover;
        }

        var lines = TextLayout.Lines(text).Take(SearchLines).Select(Trimmed).Where(l => l.Length > 0).ToList();
        // Each line as a headline candidate, stripped when first looked at and once only: the slug's search reads
        // every line, the reading below usually stops after a few.
        var candidates = new Span?[lines.Count];
        // Read from the whole text only when a line ends on a name after a dash.
        var outlets = new Lazy<HashSet<string>>(() => [.. OutletNames(text, sourceUrl), .. _wireAgencies]);
        Span CandidateAt(int i) => candidates[i] ??= Candidate(lines, i, dates, outlets);
        if (SlugHeadline(lines, CandidateAt, dates, sourceUrl) is { } named)
        {
            return named;
        }

        if (RepeatedHeadline(lines, CandidateAt, dates) is { } repeated)
        {
            return repeated;
        }

        FoundTitle? first = null;
        FoundTitle? firstLong = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = CandidateAt(i);
            if (!IsHeadlineShaped(lines, i, line, dates))
            {
                continue;
            }

            var title = WithSubtitle(lines, i, line);
            // A headline heads a story: the body starts within a few lines (after a subtitle, a dateline, a credit).
            // A short first candidate with no story under it is a section label; a later headline with one wins.
            var headsStory = lines.Skip(i + 1).Take(BodyReach).Any(IsBody);
            var isLabelSized = Words().Count(line.Text) <= MaxLabelWords;
            // "Migrants and Refugees" over the headline is the site's section: a longer headline right under it wins.
            if (headsStory && isLabelSized && HeadlineUnder(lines, i, CandidateAt, dates) is { } under)
            {
                return under;
            }

            if (headsStory || (first is null && !isLabelSized))
            {
                return title;
            }

            first ??= title;
            firstLong ??= isLabelSized ? null : title;
        }

        // No line heads a story here: a headline-sized line before a label-sized one.
        return firstLong ?? first ?? StoppedHeadline(lines, CandidateAt, dates) ?? GluedHeadline(lines) ?? ShortHeadline(lines, CandidateAt, dates)
               ?? FirstLine(lines, CandidateAt, dates);
    }

    /// <summary>
    /// "The Executive Committee" twice over its story, "JOURNEE INTERNATIONALE DES MIGRANTS" over a line that repeats it
    /// with more: when nothing else reads as a headline, the first line of a few words that is no fixed furniture is
    /// the page's title, though it looks like a repeated label; a line that ends like a sentence is the story.
    /// </summary>
    private FoundTitle? FirstLine(List<Span> lines, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates)
    {
        for (var i = 0; i < lines.Count && !IsBody(lines[i]); i++)
        {
            var line = candidate(i);
            if (Words().Count(line.Text) is >= 2 and <= MaxShortHeadlineWords && char.IsUpper(line.Text[0]) && !SentenceInside().IsMatch(line.Text)
                && !SentencePunctuation().IsMatch(line.Text[^1..]) && !line.Text.EndsWith(',') && !IsFixedFurniture(lines, i, line, dates))
            {
                return new FoundTitle(line.Text, line.Index, line.End);
            }
        }

        return null;
    }

    /// <summary>
    /// "Harbour towns sign a pact" over "Harbour towns sign a pact The mayors of the coast…" (or "… Harbour News December 18,
    /// 2021"): a page that prints its headline again at the start of the next line, story or byline run on after it, shows
    /// which line is the headline, whatever kicker or section stands above it.
    /// </summary>
    private FoundTitle? RepeatedHeadline(List<Span> lines, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates)
    {
        for (var i = 0; i + 1 < Math.Min(lines.Count, RepeatReach); i++)
        {
            // The cheap test on the lines as they stand first: most pages repeat nothing.
            if (!RepeatsAsHeadline(lines[i].Text, lines[i + 1].Text))
            {
                continue;
            }

            var line = candidate(i);
            if (Words().Count(line.Text) >= MinTitleWords && LooksLikeTitle(line.Text) && !IsFurniture(lines, i, line, dates))
            {
                return new FoundTitle(line.Text, line.Index, line.End);
            }
        }

        return null;
    }

    /// <summary>
    /// " date 2021-03 Harbour towns sign a pactValletta, 1 Mar 2021 (AFP) - The mayors…": a crawler that dropped the
    /// page's line breaks runs the headline into the story. When no line reads as a headline, the first one's opening is
    /// the headline if the story visibly starts after it: a dateline glued on, a block in capitals ("… to Migrants A
    /// STATEMENT BY …"), a capitalised article after a word written small ("… movilidad humana La Presidenta …"), an
    /// agency's dateline ("… DDG election BSS, Dhaka Bangladesh is …") or a witness quoted under a headline in capitals
    /// ("… AHEAD OF THE WORLD CUP “ My employer kept …").
    /// </summary>
    private FoundTitle? GluedHeadline(List<Span> lines)
    {
        if (lines.Count == 0 || WithoutStamp(lines[0]) is not { Length: > MaxTitleLength } line)
        {
            return null;
        }

        var story = _storyStart.Match(line.Text, 0, MaxTitleLength);
        var title = story.Success ? line.Text[..story.Index].TrimEnd() : string.Empty;
        return Words().Count(title) > MinTitleWords && LooksLikeTitle(title) && !title.Contains(". ", StringComparison.Ordinal)
            ? new FoundTitle(title, line.Index, line.Index + title.Length)
            : null;
    }

    /// <summary>
    /// "NINETY-SIXTH SESSION ____ REPORT OF THE DIRECTOR GENERAL ON THE WORK OF THE ORGANIZATION FOR THE YEAR 2007 ____":
    /// a Council document's cover sets its title in capitals under a rule of underscores (a document site runs the
    /// cover's lines together, so the title ends at the first word written small: "… DEL CONSEJO Ginebra 2 al 5 …").
    /// </summary>
    private static FoundTitle? CoverTitle(string text)
    {
        var cover = RuledCapitals().Match(text, 0, Math.Min(text.Length, CoverReach));
        if (!cover.Success || Words().Count(cover.Groups["title"].Value) < MinCoverWords)
        {
            return null;
        }

        var title = cover.Groups["title"];
        return new FoundTitle(title.Value, title.Index, title.Index + title.Length);
    }

    /// <summary>
    /// "Agencies Keep Working for Migrants’ Health." over the story: when no line reads as a headline, a short line
    /// before the story that ends with a full stop is one (the stop is not kept).
    /// </summary>
    private FoundTitle? StoppedHeadline(List<Span> lines, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates)
    {
        for (var i = 0; i < lines.Count && !IsBody(lines[i]); i++)
        {
            var line = candidate(i);
            var bare = line.Text.TrimEnd('.', ' ');
            if (line.Text.EndsWith('.') && Words().Count(bare) <= MaxStoppedHeadlineWords && !IsFurniture(lines, i, line, dates) && LooksLikeTitle(bare)
                && lines.Skip(i + 1).Take(BodyReach).Any(IsBody))
            {
                return new FoundTitle(bare, line.Index, line.Index + bare.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// "Regional Consultations", "GFMD 2013-2014" right over the story's first paragraph: when no line reads as a
    /// headline, a line of a word or two that is no furniture and opens the story is one.
    /// </summary>
    private FoundTitle? ShortHeadline(List<Span> lines, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates)
    {
        for (var i = 0; i + 1 < lines.Count && !IsBody(lines[i]); i++)
        {
            var line = candidate(i);
            if (IsBody(lines[i + 1]) && Words().Count(line.Text) is > 0 and < MinTitleWords && char.IsUpper(line.Text[0])
                && !SentencePunctuation().IsMatch(line.Text) && !IsFurniture(lines, i, line, dates))
            {
                return new FoundTitle(line.Text, line.Index, line.End);
            }
        }

        return null;
    }

    /// <summary>
    /// The line that spells most of the slug's words ("countdown-to-marrakech"), the closest spelling first.
    /// Slugs drop small words and accents, so only the slug's words have to be found, accents folded or dropped.
    /// </summary>
    private FoundTitle? SlugHeadline(List<Span> lines, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates, string? sourceUrl)
    {
        var slug = SlugWords(sourceUrl);
        if (slug.Count < MinSlugWords)
        {
            return null;
        }

        FoundTitle? best = null;
        var bestLine = -1;
        var (bestCover, bestShare) = (0.0, 0.0);
        for (var i = 0; i < lines.Count; i++)
        {
            // "Día Internacional del Migrante.": a short line the slug spells may end with a full stop and still be the
            // headline; a long one is the story's first sentence.
            var line = WithoutFinalStop(candidate(i));
            var words = LineWords(line.Text);
            var found = slug.Count(words.Contains);
            var cover = (double)found / slug.Count;
            // Of two lines spelling the slug, the one with fewer other words ("Headline" over "Headline – Site").
            var share = (double)found / Math.Max(1, Words().Count(line.Text));
            if (cover >= MinSlugCover && (cover > bestCover || (cover == bestCover && share > bestShare)) && (IsHeadlineShaped(lines, i, line, dates) || IsSpelledOut(lines, i, line, dates, cover, share)))
            {
                (best, bestLine, bestCover, bestShare) = (WithSubtitle(lines, i, line), i, cover, share);
            }
        }

        // "International Migrants Day" over "Message of the President … for International Migrants Day": a label the
        // slug names, over a headline that names it too, is the page's section; the headline is under it (unless that
        // line is the label again with more run on, as in RepeatedHeadline).
        if (best is not null && Words().Count(best.Text) <= MaxLabelWords && HeadlineUnder(lines, bestLine, candidate, dates) is { } under
            && slug.All(LineWords(under.Text).Contains) && !RepeatsAsHeadline(best.Text, under.Text))
        {
            return under;
        }

        return best;
    }

    /// <summary>
    /// "Latin America. The Compact. “Faith Builds Bridges”": a line made of the slug's words and hardly any others is
    /// the headline even when it holds several sentences.
    /// </summary>
    private bool IsSpelledOut(List<Span> lines, int i, Span line, IReadOnlyList<WrittenDate> dates, double cover, double share) =>
        cover >= MinSpelledCover && share >= MinSpelledShare && line.Length <= MaxTitleLength && !char.IsLower(line.Text[0])
        && line.Text.TrimEnd('”', '"', '»', ' ') is var bare && !bare.EndsWith('.') && !bare.EndsWith(':') && !bare.EndsWith(',')
        && !IsFurniture(lines, i, line, dates);

    /// <summary>The words of the address's last path segment ("/2018/11/28/countdown-to-marrakech/"), none if it has too few.</summary>
    /// <summary>The one-word names of the page's host and of the web addresses it shows ("middleeastmonitor").</summary>
    private static HashSet<string> OutletNames(string text, string? sourceUrl)
    {
        var hosts = WebAddress().Matches(text).Select(m => m.Groups["host"].Value).ToList();
        if (sourceUrl is not null && Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri))
        {
            hosts.Add(uri.Host);
        }

        return hosts.SelectMany(h => h.Split('.')[..^1]).Select(Squashed).Where(label => label.Length >= MinOutletLength && label != "www").ToHashSet(StringComparer.Ordinal);
    }

    private static string Squashed(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static HashSet<string> SlugWords(string? sourceUrl)
    {
        if (sourceUrl is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out var uri))
        {
            return [];
        }

        // A last segment of one word ("/amp", "/print", "/20160701") is a view or a number: the slug is the one before.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => FileExtension().Replace(Uri.UnescapeDataString(p), string.Empty)).ToList();
        var segment = segments.Count > 1 && SlugToken().Count(segments[^1]) == 1 ? segments[^2] : segments.LastOrDefault() ?? string.Empty;
        // Long digit runs are the site's numbers, not words of the headline.
        var words = SlugToken().Matches(segment).Select(m => Spelling.Folded(m.Value)).Where(w => w.Any(char.IsLetter) || w.Length <= 4).ToHashSet(StringComparer.Ordinal);
        return words.Count >= MinSlugWords ? words : [];
    }

    /// <summary>A line's words as a slug may spell them: lower case, accents folded ("centesima") or dropped ("centsima").</summary>
    private static HashSet<string> LineWords(string line)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in SlugToken().Matches(line))
        {
            words.Add(Spelling.Folded(m.Value));
            words.Add(new string(m.Value.ToLowerInvariant().Where(char.IsAscii).ToArray()));
        }

        return words;
    }

    /// <summary>A line stripped of a bullet, a stamp and the site's name, and joined to its second half when the headline wraps.</summary>
    private Span Candidate(List<Span> lines, int i, IReadOnlyList<WrittenDate> dates, Lazy<HashSet<string>> outlets)
    {
        var line = WithoutSiteName(outlets, WithoutControls(WithoutStamp(WithoutEnclosingQuotes(WithoutHeadingMarks(WithoutBullet(WithoutGluedDate(WithoutGluedLabel(WithoutFootnoteMark(WithoutFeedFooter(lines[i]))), dates)))))));
        line = WithoutGluedByline(WithoutLabelBelow(lines, i, line));
        var label = _trailingLabel.Match(line.Text);
        if (label.Success && Words().Count(line.Text[..label.Index]) >= MinTitleWords)
        {
            line = new Span(line.Index, label.Index, line.Text[..label.Index]);
        }

        // "DRAFT REPORT ON THE" over "109TH SESSION OF THE COUNCIL": a headline never ends on a small word, written
        // small unless the whole line is in capitals ("… del Sur" ends on a name).
        var last = Words().Matches(line.Text).LastOrDefault()?.Value;
        var allCaps = !line.Text.Any(char.IsLower);
        // "Statement by the Government of Fiji," over "Lauding the Endorsement of…": wrapped at its comma (or its colon,
        // before the subtitle: "Ministerial Conference on Migration:" over "The Harbour Process").
        var wrapsAtWord = last is not null && line.Text.EndsWith(last, StringComparison.Ordinal) && (allCaps || !last.Any(char.IsUpper)) && _wrapWords.Contains(last);
        // "THIRD INTERNATIONAL FORUM" over "ON MIGRATION AND PEACE": a headline in capitals wrapped before its preposition.
        // A document symbol in capitals above it ("REF/G/102") is no first half.
        wrapsAtWord |= allCaps && i + 1 < lines.Count && !lines[i + 1].Text.Any(char.IsLower) && _wrapWords.Contains(Words().Match(lines[i + 1].Text).Value)
                       && !DocumentSymbol().IsMatch(line.Text.Trim());
        var wrapsAtComma = (line.Text.EndsWith(',') || line.Text.EndsWith(':')) && Words().Count(line.Text) > MinTitleWords && !_salutation.IsMatch(line.Text) && !IsDateLine(line, dates);
        // "Remarks by the President of the Harbour Assembly" over "at the 12th Session of the Port Council": a headline
        // broken before a small word goes on in lowercase, without a sentence's stop.
        var goesOnSmall = i + 1 < lines.Count && Words().Match(lines[i + 1].Text).Value is var opening && char.IsLower(lines[i + 1].Text[0]) && _wrapWords.Contains(opening)
                          && !_bylineWords.Contains(opening) && !SentencePunctuation().IsMatch(lines[i + 1].Text) && !SentencePunctuation().IsMatch(line.Text[^1..])
                          && !IsDateLine(lines[i + 1], dates) && !_stampCueOpening.IsMatch(lines[i + 1].Text);
        if (i + 1 < lines.Count && (((wrapsAtWord || goesOnSmall) && LooksLikeTitle($"{line.Text} {lines[i + 1].Text}")) || (wrapsAtComma && LooksLikeTitle(lines[i + 1].Text))))
        {
            line = new Span(line.Index, lines[i + 1].End - line.Index, $"{line.Text} {lines[i + 1].Text}");
        }

        // "Harbour Programme Supports Fair Recruitment in the Region.": a headline in title case may keep a full stop.
        return line.Text.EndsWith('.') && !line.Text.EndsWith("..", StringComparison.Ordinal) && !InitialAtEnd().IsMatch(line.Text) && IsTitleCased(line.Text)
            ? new Span(line.Index, line.Length - 1, line.Text[..^1])
            : line;
    }

    private bool IsHeadlineShaped(List<Span> lines, int i, Span line, IReadOnlyList<WrittenDate> dates) =>
        !IsFurniture(lines, i, line, dates) && LooksLikeTitle(line.Text) && !IsRunTogether(lines, i, line.Text) && !IsWrappedSentence(lines, i, line, dates);

    /// <summary>
    /// "To save the cost of reprinting the whole report, it is requested that" over "be added to the original…": a
    /// long line that goes on in lowercase on the next is a sentence a transcript broke, not a headline.
    /// </summary>
    private bool IsWrappedSentence(List<Span> lines, int i, Span line, IReadOnlyList<WrittenDate> dates)
    {
        var next = i + 1;
        while (next < lines.Count && lines[next].End <= line.End)
        {
            next++;
        }

        // The sentence goes on: the next line ends it or is long ("illegal immigrants" under a headline is a caption).
        if (next >= lines.Count || Words().Count(line.Text) < MinWrappedWords || !char.IsLower(lines[next].Text[0])
            || (Words().Count(lines[next].Text) < MinWrappedWords && !SentencePunctuation().IsMatch(lines[next].Text)))
        {
            return false;
        }

        // "by Jane Doe", "mardi, 1 décembre, 2020", "last modified Dec 05, 2018 01:10 PM": a byline, a date or a stamp
        // under a headline starts small too.
        var first = Words().Match(lines[next].Text).Value;
        return !_bylineWords.Contains(first) && !IsDateLine(lines[next], dates) && !_stampCueOpening.IsMatch(lines[next].Text);
    }

    private FoundTitle WithSubtitle(List<Span> lines, int i, Span line) =>
        i + 1 < lines.Count && _subtitles.Contains(lines[i + 1].Text)
            ? new FoundTitle($"{line.Text} — {lines[i + 1].Text}", line.Index, lines[i + 1].End)
            : new FoundTitle(line.Text, line.Index, line.End);

    /// <summary>
    /// "Headline, Venue, 14-15 May" above "Headline" and "Venue, 14-15 May" on lines of their own: a page title or a
    /// document site's summary runs the heading lines together; the reader takes the heading itself. A headline
    /// that is only wrapped again below (no stop where the lines meet) is the headline still.
    /// </summary>
    private static bool IsRunTogether(List<Span> lines, int i, string line)
    {
        // Every later pair of lines is looked at, so words are counted first and listed only for a pair that could fit.
        var wordCount = Words().Count(line);
        List<Match>? words = null;
        var nextCount = i + 1 < lines.Count ? Words().Count(lines[i + 1].Text) : 0;
        for (var j = i + 1; j + 1 < lines.Count; j++)
        {
            var headCount = nextCount;
            nextCount = Words().Count(lines[j + 1].Text);
            // "…ON INTERNATIONAL MIGRATION," over "HEARING CALL FOR…": the headline wrapped again at its comma.
            if (headCount < 2 || nextCount == 0 || headCount + nextCount > wordCount || WrapsAtStop().IsMatch(lines[j].Text))
            {
                continue;
            }

            words ??= Words().Matches(line).ToList();
            var head = Words().Matches(lines[j].Text).Select(m => m.Value).ToList();
            var run = head.Concat(Words().Matches(lines[j + 1].Text).Select(m => m.Value)).ToList();
            var start = IndexOf(words, run);
            if (start >= 0 && (run.Count < words.Count || Separator().IsMatch(line[words[start + head.Count - 1].Index..words[start + head.Count].Index])))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(List<Match> words, List<string> run)
    {
        for (var start = 0; start + run.Count <= words.Count; start++)
        {
            if (run.Select((w, k) => string.Equals(words[start + k].Value, w, StringComparison.OrdinalIgnoreCase)).All(same => same))
            {
                return start;
            }
        }

        return -1;
    }

    private FoundTitle? HeadlineUnder(List<Span> lines, int i, Func<int, Span> candidate, IReadOnlyList<WrittenDate> dates)
    {
        for (var j = i + 1; j < Math.Min(lines.Count, i + 1 + BodyReach); j++)
        {
            var line = candidate(j);
            if (IsFurniture(lines, j, line, dates))
            {
                continue;
            }

            return LooksLikeTitle(line.Text) && Words().Count(line.Text) > MaxLabelWords ? new FoundTitle(line.Text, line.Index, line.End) : null;
        }

        return null;
    }

    /// <summary>"Migrants at the port Migrants at the port (AFP)": an image's text and its caption, the same words twice.</summary>
    private static bool IsDoubled(string value)
    {
        var words = Words().Matches(TrailingBrackets().Replace(value, string.Empty)).Select(w => w.Value).ToList();
        return words.Count >= 6 && TextLayout.TwiceInARow(words);
    }

    /// <summary>
    /// "Seventy-sixth session, 75th &amp; 76th meetings (AM &amp; PM)" over "GA/12422": a UN press release's meeting line sits
    /// right above its symbol (or runs into it when the page's lines were joined), and the headline comes after both.
    /// </summary>
    /// <summary>
    /// "PORT TALKS Port Talks is a short guide to the har" over "PORT TALKS" and "Port Talks is a short guide…": a
    /// document site's summary runs a heading into the start of the text under it and cuts it short.
    /// </summary>
    private static bool IsSnippetOfLinesBelow(List<Span> lines, int i)
    {
        var value = lines[i].Text;
        for (var j = i + 1; j + 1 < lines.Count && j <= i + BodyReach; j++)
        {
            var heading = lines[j].Text;
            if (value.Length > heading.Length + 1 && value.StartsWith(heading + " ", StringComparison.Ordinal)
                && value[(heading.Length + 1)..] is var rest && rest.Length < lines[j + 1].Length && lines[j + 1].Text.StartsWith(rest, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAboveSymbol(List<Span> lines, int i, Span line) =>
        Words().Count(line.Text) <= MaxMeetingLineWords
        && (SymbolAtEnd().IsMatch(line.Text) || (lines.Skip(i + 1).FirstOrDefault(l => l.Index >= line.End && l.Text.Trim().Length > 0) is { Length: > 0 } next && DocumentSymbol().IsMatch(next.Text.Trim())));

    private static bool IsBody(Span line) => Words().Count(line.Text) >= MinBodyWords && SentencePunctuation().IsMatch(line.Text) && !IsLinkRow(line.Text);

    /// <summary>
    /// "Major news items • Weather forecast • …" or "Home | About | Newsroom": a row of links, long and punctuated
    /// perhaps, but no story and no headline. A headline with a site's name after a bar ("HRC 47 | UN expert calls…")
    /// has a long part, and is not one.
    /// </summary>
    private static bool IsLinkRow(string value) =>
        value.Count(c => c == '•') >= 2
        || (value.Count(c => c == '|') >= 2 && value.Split('|', StringSplitOptions.TrimEntries).All(item => Words().Count(item) <= MaxLinkWords));

    /// <summary>Whether a line (or its date) comes before the headline a reader would pick.</summary>
    private bool IsFurniture(List<Span> lines, int i, Span line, IReadOnlyList<WrittenDate> dates) =>
        IsFixedFurniture(lines, i, line, dates) || IsRepeatedLabel(lines, i, line.Text);

    /// <summary>Furniture by what the line says, whatever stands around it.</summary>
    private bool IsFixedFurniture(List<Span> lines, int i, Span line, IReadOnlyList<WrittenDate> dates)
    {
        var value = line.Text;
        var words = Words().Count(value);
        if ((lines[i].Text.StartsWith('-') && (words <= MaxMenuItemWords || IsListed(lines, i))) || lines[i].Text.StartsWith('|') || _furniture.Contains(Normal(value)) || _furnitureCue.IsMatch(value)
            || DocumentSymbol().IsMatch(value) || _pager.IsMatch(value) || value.EndsWith('…') || value.EndsWith("..", StringComparison.Ordinal) || SnippetJoin().IsMatch(value)
            || (value.StartsWith('(') && value.EndsWith(')')) || (_salutation.IsMatch(value) && words <= MaxSalutationWords) || IsByline(value, words)
            || Contact().IsMatch(value) || IsControls(value) || IsMachineStamp(value) || value.Contains('\uFFFD', StringComparison.Ordinal) || CreditLine().IsMatch(value) || Citation().IsMatch(value) || ScheduleEntry().IsMatch(value)
            || GluedMenu().Count(value) >= 2 || IsLinkRow(value) || (NumberedHeading().IsMatch(lines[i].Text) && words <= MaxMenuItemWords) || PageOfPages().IsMatch(value) || Doi().IsMatch(value) || Temperature().IsMatch(value) || (_counter?.IsMatch(value) ?? false) || IsTagList(value) || IsMasthead(value)
            || (words <= MaxMenuItemWords && _sectionSuffix.IsMatch(value)) || IsDoubled(value) || IsAboveSymbol(lines, i, line) || IsSnippetOfLinesBelow(lines, i))
        {
            return true;
        }

        // "Recent Statements Recent Statements", "Take Action Take Action Work with us Work with us": labels doubled by the markup.
        return DoubledLabel().IsMatch(value) || IsDateLine(line, dates);
    }

    /// <summary>
    /// A menu label: "Who we are" above "WHO WE AREThe International…", or the same short label twice. A long line that
    /// the next repeats with more ("… pour les migrations" over "… pour les migrations (OIM)") is the page's title.
    /// </summary>
    private static bool IsRepeatedLabel(List<Span> lines, int i, string value)
    {
        var words = Words().Count(value);
        var next = i + 1 < lines.Count ? lines[i + 1].Text : string.Empty;
        return (next.Length > value.Length && next.StartsWith(value, StringComparison.OrdinalIgnoreCase) && (words <= MaxMenuItemWords || char.IsLetter(next[value.Length]))
                && !(words >= MinTitleWords && RepeatsAsHeadline(value, next)))
               || (words <= MaxRepeatedLabelWords && ((i > 0 && string.Equals(lines[i - 1].Text, value, StringComparison.OrdinalIgnoreCase)) || string.Equals(next, value, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// "International Migrants Day 2021" over "International Migrants Day 2021 Harbour News December 18, 2021": the same
    /// words in the same case, a space and a byline or story after them, print a headline twice, not a menu label.
    /// </summary>
    private static bool RepeatsAsHeadline(string value, string next) =>
        next.Length > value.Length + MinRepeatTail && next.StartsWith(value, StringComparison.Ordinal) && next[value.Length] == ' ';

    /// <summary>"By Jane Doe", and "Written by Jane Doe, John Roe and Ann Poe": a byline naming several authors runs longer.</summary>
    private bool IsByline(string value, int words)
    {
        var cue = _byline.Match(value);
        if (!cue.Success || words <= MaxBylineWords)
        {
            return cue.Success;
        }

        // Names only, and more than one: capitalised words, with commas or "and" between them.
        var names = Words().Matches(value[(cue.Length - 1)..]).Select(w => w.Value).ToList();
        return names.All(w => char.IsUpper(w[0]) || _nameJoiners.Contains(w)) && (value.Contains(',', StringComparison.Ordinal) || names.Any(_nameJoiners.Contains));
    }

    /// <summary>"Geneva, Harbour Initiative, dialogue, migration": the page's keywords, short items with no "and" between them.</summary>
    private bool IsTagList(string value)
    {
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        return items.Length >= MinTags && items.All(t => Words().Count(t) is > 0 and <= MaxTagWords && !Words().Matches(t).Any(w => _nameJoiners.Contains(w.Value)))
            && items.Any(t => !t.Any(char.IsUpper));
    }

    /// <summary>
    /// "HIO - Harbour Initiative Organisation", "Harbour Initiative Organisation (HIO)": a body's name with its own
    /// acronym and nothing else is the site's masthead.
    /// </summary>
    private static bool IsMasthead(string value)
    {
        var named = Masthead().Match(value);
        if (!named.Success)
        {
            return false;
        }

        var initials = string.Concat(Words().Matches(named.Groups["name"].Value).Where(w => char.IsUpper(w.Value[0])).Select(w => w.Value[0]));
        return string.Equals(initials, named.Groups["acronym"].Value, StringComparison.Ordinal);
    }

    /// <summary>"Home 2018-06-27T14:44:31+00:00": a site's machine time stamp, with at most a menu word beside it.</summary>
    private static bool IsMachineStamp(string value) =>
        IsoDateTime().IsMatch(value) && Words().Count(IsoDateTime().Replace(value, " ")) <= 2;

    /// <summary>"PRINT ME subscribe", "Share this page": buttons, not words a headline is made of.</summary>
    private bool IsControls(string value) => Words().Matches(value).All(w => _controls.Contains(w.Value));

    /// <summary>A date stamp ("21 Dec 2018", "date 2019-11-15", "25/6/2013") or a dateline ("New York, 8 May 2019", "IOM, 17 May 2022").</summary>
    private bool IsDateLine(Span line, IReadOnlyList<WrittenDate> dates)
    {
        var inLine = Sorted.Between(dates, d => d.Index, line.Index, line.End).ToList();
        var rest = line.Text;
        foreach (var date in inLine.OrderByDescending(d => d.Index))
        {
            // A headline joined to its second line reads one space where the page broke it: its text can be shorter than its span.
            var start = date.Index - line.Index;
            if (start >= rest.Length)
            {
                continue;
            }

            var length = Math.Min(date.Length, rest.Length - start);
            rest = rest.Remove(start, length);
        }

        // "MC/2266/Rev.1 Original: inglés 26 de noviembre de 2009": a document's symbol opens its stamp, and
        // "November 21, 2018 / 1:03 PM / in an hour" gives the time as well.
        rest = ClockTime().Replace(SymbolOpening().Replace(rest, string.Empty), " ");
        // "3 May 2023 to 4 May 2023": between two dates, the word joining them belongs to the stamp.
        var remaining = Words().Matches(rest).Select(w => w.Value).Where(w => !_stampWords.Contains(w) && !(inLine.Count > 1 && _rangeWords.Contains(w))).ToList();
        if (remaining.Count == 0)
        {
            return true;
        }

        if (inLine.Count == 0 || remaining.Count > 3)
        {
            return false;
        }

        // "Original: English 4 March 2019", "Fecha: 3 de mayo": a labelled stamp.
        var place = string.Join(' ', remaining);
        return _places.Contains(place) || FieldLabel().IsMatch(rest) || remaining.All(w => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)));
    }

    /// <summary>A list item among others is a menu entry; a lone long one can be a bulleted headline.</summary>
    private static bool IsListed(List<Span> lines, int i) =>
        (i > 0 && lines[i - 1].Text.StartsWith('-') && lines[i - 1].End + 1 == lines[i].Index)
        || (i + 1 < lines.Count && lines[i + 1].Text.StartsWith('-') && lines[i].End + 1 == lines[i + 1].Index);

    // Not a sentence (nor a quoted one), not two run together ("… 171 countries. - Our Work"), not a fragment. A
    // short line that ends by asking ("Ten States Signed the Compact. Now What?") is a headline of two sentences.
    private static bool LooksLikeTitle(string line) =>
        line.Length <= MaxTitleLength && Words().Count(line) is var words && words >= MinTitleWords && !char.IsLower(line[0])
        && line.TrimEnd('”', '"', '»', '’', ')', ' ') is var bare && bare.Length > 0 && (!bare.EndsWith('.') || InitialAtEnd().IsMatch(bare)) && !bare.EndsWith(':') && !bare.EndsWith(',') && !bare.EndsWith(';')
        && (!SentenceInside().IsMatch(line) || (bare.EndsWith('?') && words <= MaxShortHeadlineWords));

    /// <summary>
    /// "Harbour Programme Supports Fair Recruitment in the Region.": a headline in title case keeps its full stop now
    /// and then; prose capitalises few of its longer words, and a sentence naming people and bodies sets them apart
    /// with commas.
    /// </summary>
    private static bool IsTitleCased(string line)
    {
        if (line.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }

        int longer = 0, capitalised = 0;
        foreach (var word in Words().EnumerateMatches(line))
        {
            if (word.Length > 3)
            {
                longer++;
                capitalised += char.IsUpper(line[word.Index]) ? 1 : 0;
            }
        }

        return longer >= MinTitleCasedWords && capitalised * 10 >= longer * 9;
    }

    private static Span Trimmed(Span line)
    {
        var start = line.Text.Length - line.Text.TrimStart().Length;
        var text = line.Text.Trim();
        return new Span(line.Index + start, text.Length, text);
    }

    /// <summary>"Opening Remarks at the Dialogue | Harbour Office": a page title keeps the site's name after a bar.</summary>
    private static Span WithoutSiteName(Lazy<HashSet<string>> outlets, Span line)
    {
        // "… as Sudan war enters 3rd year – Middle East Monitor" over "News Source: www.middleeastmonitor.com": the outlet
        // after a dash, named as its address spells it.
        if (OutletAfterDash().Match(line.Text) is { Success: true } outlet && outlets.Value.Contains(Squashed(outlet.Groups["name"].Value))
            && Words().Count(line.Text[..outlet.Index]) >= MinTitleWords)
        {
            return new Span(line.Index, outlet.Index, line.Text[..outlet.Index]);
        }

        var bar = line.Text.IndexOf(" | ", StringComparison.Ordinal);
        if (bar > 0 && Words().Count(line.Text[..bar]) >= MinTitleWords)
        {
            return new Span(line.Index, bar, line.Text[..bar]);
        }

        // "… réfugiées et déplacées.Alliance Internationale des Migrants": the site's name glued to the headline's stop.
        if (GluedSiteName().Match(line.Text) is { Success: true } glued && Words().Count(line.Text[..glued.Index]) >= MinTitleWords
            && Words().Count(line.Text[(glued.Index + 1)..]) <= MaxGluedSiteWords)
        {
            return new Span(line.Index, glued.Index, line.Text[..glued.Index]);
        }

        // "Ports reopen\" - portnews.com": the site's address after a dash, and a quotation mark left open by the feed.
        if (SiteAddressAtEnd().Match(line.Text) is { Success: true } site && Words().Count(line.Text[..site.Index]) >= MinTitleWords)
        {
            var title = line.Text[..site.Index];
            var openers = title.Count(c => c is '“' or '«') + (title.Count(c => c == '"') / 2);
            title = openers == 0 ? title.TrimEnd('"', '”', '»') : title;
            return new Span(line.Index, title.Length, title);
        }

        return line;
    }

    private Span WithoutStamp(Span line)
    {
        var stamp = _stampPrefix.Match(line.Text);
        return stamp.Success ? new Span(line.Index + stamp.Length, line.Length - stamp.Length, line.Text[stamp.Length..]) : line;
    }

    /// <summary>"= Heading =", "== Section ==": a wiki's heading marks around the words.</summary>
    private static Span WithoutHeadingMarks(Span line) => InnerWords(line, HeadingMarks().Match(line.Text));

    /// <summary>"«Harbour Towns Sign a Pact»": quotation marks around the whole headline are not part of it.</summary>
    private static Span WithoutEnclosingQuotes(Span line) => InnerWords(line, EnclosingQuotes().Match(line.Text));

    /// <summary>The part of the line a match's "words" group holds, or the line itself when it did not match.</summary>
    private static Span InnerWords(Span line, Match match)
    {
        if (!match.Success)
        {
            return line;
        }

        var words = match.Groups["words"];
        return new Span(line.Index + words.Index, words.Length, words.Value);
    }

    /// <summary>"SHARE Harbour Towns Sign…", "PARTAGER Les villes…": a button's label in capitals run into the headline.</summary>
    private Span WithoutControls(Span line)
    {
        var words = Words().Matches(line.Text).ToList();
        var skip = 0;
        while (skip < words.Count && _controls.Contains(words[skip].Value) && words[skip].Value.Length > 1 && !words[skip].Value.Any(char.IsLower))
        {
            skip++;
        }

        // "World Harbour Report 2010 Print E-mail": a page's buttons after the headline, two or more of them.
        var keep = words.Count;
        while (keep > skip && _controls.Contains(words[keep - 1].Value) && char.IsUpper(words[keep - 1].Value[0]))
        {
            keep--;
        }

        if (words.Count - keep < 2 || keep - skip < MinTitleWords)
        {
            keep = words.Count;
        }

        if ((skip == 0 && keep == words.Count) || keep - skip < MinTitleWords || !line.Text[words[skip].Index..].Any(char.IsLower))
        {
            return line;
        }

        var start = skip < words.Count ? words[skip].Index : 0;
        var end = keep < words.Count ? words[keep - 1].Index + words[keep - 1].Length : line.Length;
        return new Span(line.Index + start, end - start, line.Text[start..end]);
    }

    private static Span WithoutFinalStop(Span line) =>
        line.Text.EndsWith('.') && !line.Text.EndsWith("..", StringComparison.Ordinal) && Words().Count(line.Text) <= MaxStoppedHeadlineWords
            ? new Span(line.Index, line.Length - 1, line.Text[..^1])
            : line;

    private Span WithoutGluedLabel(Span line) =>
        _gluedLabel.Match(line.Text) is { Success: true } label && Words().Count(line.Text[label.Length..]) >= MinTitleWords
            ? new Span(line.Index + label.Length, line.Length - label.Length, line.Text[label.Length..])
            : line;

    /// <summary>"The post Ports reopen appeared first on Harbour News": a blog feed's footer around the headline.</summary>
    private static Span WithoutFeedFooter(Span line) =>
        FeedFooter().Match(line.Text) is { Success: true } footer
            ? new Span(line.Index + footer.Groups["title"].Index, footer.Groups["title"].Length, footer.Groups["title"].Value)
            : line;

    /// <summary>
    /// "Greece Mexico takes the chair…" over "Greece", "BFF-55 Ports reopen…" over a wire's "BFF-55" a few lines down:
    /// a page's tag or a story's slug, printed again on its own line, run into the headline.
    /// </summary>
    private static Span WithoutLabelBelow(List<Span> lines, int i, Span line)
    {
        foreach (var below in lines.Skip(i + 1).Take(BodyReach - 1).Select(l => l.Text.Trim()))
        {
            if (below.Length > 0 && Words().Count(below) <= MaxGluedLabelWords && line.Text.StartsWith(below + " ", StringComparison.Ordinal)
                && Words().Count(line.Text[(below.Length + 1)..]) >= MinTitleWords)
            {
                return new Span(line.Index + below.Length + 1, line.Length - below.Length - 1, line.Text[(below.Length + 1)..]);
            }
        }

        return line;
    }

    private Span WithoutGluedByline(Span line) =>
        _gluedByline?.Match(line.Text) is { Success: true } byline && Words().Count(line.Text[..byline.Index]) >= MinTitleWords
            ? new Span(line.Index, byline.Index, line.Text[..byline.Index])
            : line;

    /// <summary>"…¿hacia dónde vamos?1": a footnote's number after the headline's last mark.</summary>
    private static Span WithoutFootnoteMark(Span line) =>
        FootnoteMark().Match(line.Text) is { Success: true } mark ? new Span(line.Index, mark.Index, line.Text[..mark.Index]) : line;

    /// <summary>
    /// "December 18, 2018Global Compact for Migration", "Communiqué 18 décembre 2025 La Directrice…": a list's date,
    /// or a section's label and its date, run into the headline beside it.
    /// </summary>
    private static Span WithoutGluedDate(Span line, IReadOnlyList<WrittenDate> dates)
    {
        var date = Sorted.Between(dates, d => d.Index, line.Index, line.Index + Math.Min(line.Length, MaxGluedLabelLength)).FirstOrDefault();
        var offset = date is null ? 0 : date.Index - line.Index;
        var label = line.Text[..offset];
        if (date is null || offset + date.Length >= line.Length || Words().Matches(label).Any(w => !char.IsUpper(w.Value[0])) || Words().Count(label) > MaxGluedLabelWords)
        {
            return line;
        }

        // A year glued to the headline is not read as the date's ("December 18" then ", 2018Global"). Without a
        // year the date is the headline's own ("18 December International Migrants Day").
        var year = GluedYear().Match(line.Text, offset + date.Length);
        if (!date.YearWritten && !year.Success)
        {
            return line;
        }

        var end = offset + date.Length + (year.Success ? year.Length : 0);
        end += line.Text.Length - end - line.Text[end..].TrimStart().Length;
        return end < line.Length && char.IsUpper(line.Text[end]) && Words().Count(line.Text[end..]) >= MinTitleWords
            ? new Span(line.Index + end, line.Length - end, line.Text[end..])
            : line;
    }

    private static Span WithoutBullet(Span line)
    {
        var bullet = Bullet().Match(line.Text);
        return bullet.Success ? new Span(line.Index + bullet.Length, line.Length - bullet.Length, line.Text[bullet.Length..]) : line;
    }

    private static string Normal(string value) => Whitespace().Replace(value.Replace('’', '\''), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Words();

    // "… (AFP or licensors)": a closing bracket, such as a caption's credit.
    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex TrailingBrackets();

    // "… at Georgetown University, Washington D. C.": an initial's full stop does not end a sentence.
    [GeneratedRegex(@"(?<![\p{L}])\p{Lu}\.$")]
    private static partial Regex InitialAtEnd();

    // "…lowercase. Next" or "…(Place). 2018-07-13": a sentence ended inside the line, with or without a closing bracket or quote.
    [GeneratedRegex(@"\p{Ll}{3,}[)”""»’]?[.!?]\s+\S")]
    private static partial Regex SentenceInside();

    [GeneratedRegex(@"(?<![\p{L}])(?<label>\p{Lu}[\p{L}'’\-]*(?: [\p{L}'’\-]+){0,4}) \k<label>(?![\p{L}])")]
    private static partial Regex DoubledLabel();

    [GeneratedRegex(@"[.!?;:]")]
    private static partial Regex SentencePunctuation();

    [GeneratedRegex(@"\s+[-–—]\s+(?:www\.)?[\p{L}\d\-]+(?:\.\p{L}{2,})+\s*$")]
    private static partial Regex SiteAddressAtEnd();

    [GeneratedRegex(@"_{10,}[ \t]*(?<title>[^\s\p{Ll}_]+(?:[ \t]+[^\s\p{Ll}_]+)+?)(?=[ \t]+\S*\p{Ll}|[ \t]*_{5,}|[ \t]*\r?\n|[ \t]*$)")]
    private static partial Regex RuledCapitals();

    // "25.4 C", "-3°C": a weather widget in the header.
    [GeneratedRegex(@"^-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]$")]
    private static partial Regex Temperature();

    [GeneratedRegex(@"\s+[-–—]\s+(?:[Tt]he\s+)?(?<name>\p{Lu}[\p{L}\d&'’]*(?:\s+\p{Lu}[\p{L}\d&'’]*){0,3})\s*$")]
    private static partial Regex OutletAfterDash();

    [GeneratedRegex(@"(?<=\p{Ll})\.(?=\p{Lu}\p{Ll}[^.!?]*$)")]
    private static partial Regex GluedSiteName();

    [GeneratedRegex(@"(?:https?://|www\.)(?<host>[\p{L}\d\-]+(?:\.[\p{L}\d\-]+)+)")]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"^(?:«\s*(?<words>[^«»“”""]+?)\s*»|“(?<words>[^«»“”""]+)”|""(?<words>[^«»“”""]+)"")$")]
    private static partial Regex EnclosingQuotes();

    [GeneratedRegex(@"(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^(?<marks>=+)\s*(?<words>[^=]+?)\s*\k<marks>$")]
    private static partial Regex HeadingMarks();

    [GeneratedRegex(@"^(?:[•·▪►*■□●◆▶]|-\s)\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // An e-mail or web address ("editor@example.org", "bodies.example.int"): a contact, sharing or source line ("Comments/questions: editor@example.org"), never a headline.
    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.\w|https?://|www\.|(?<![\p{L}])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|int|com|net|gov|edu|info)(?![\p{L}])")]
    private static partial Regex Contact();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex SlugToken();

    [GeneratedRegex(@"^\s*\p{L}+\s*:")]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"[,;:|·–—]|\s-\s")]
    private static partial Regex Separator();

    [GeneratedRegex(@"[,;:–—]\s*$")]
    private static partial Regex WrapsAtStop();

    [GeneratedRegex(@"\G,?\s*(?:19|20)[0-9]{2}(?=\p{Lu})")]
    private static partial Regex GluedYear();

    [GeneratedRegex(@"\.[A-Za-z]{2,5}$")]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"^\s*[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+\s+")]
    private static partial Regex SymbolOpening();

    // "CONSEIL...Gouvernements Locaux Unis": a document site's summary joins snippets of the text with an ellipsis
    // ("ready to support...those that suffer" is a headline's own).
    [GeneratedRegex(@"\p{L}(?:\.\.\.|…)\p{Lu}")]
    private static partial Regex SnippetJoin();

    // "IOM/Muse Mohammed", "UN Photo/Loey Felipe": a photo's credit, the agency and the photographer.
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}.&\-]*\s?){1,3}/\s?\p{Lu}[\p{L}'’.\-]*(?:\s\p{Lu}[\p{L}'’.\-]*){1,3}$")]
    private static partial Regex CreditLine();

    // "Journal of Migration (New Series), 137, June 2023, pp. 115-121", "ISSN 0326-7806": where a paper was printed.
    [GeneratedRegex(@"(?<![\p{L}])(?:pp?\.\s?[0-9]+\s?[-–]\s?[0-9]+|ISSN\s?[0-9]{4}-[0-9]{3}[0-9X]|ISBN[\s:]|doi:\s?10\.)", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();

    // "11.00-12.30 hrs: Business meeting", "9:30 – Opening": a programme's time slot.
    [GeneratedRegex(@"^[0-2]?[0-9][:.h][0-5][0-9]\s*(?:[-–]\s*[0-2]?[0-9][:.h][0-5][0-9])?\s*(?:hrs?\.?|h|[ap]\.?m\.?)?\s*[:–-]\s", RegexOptions.IgnoreCase)]
    private static partial Regex ScheduleEntry();

    [GeneratedRegex(@"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?![0-9])")]
    private static partial Regex ClockTime();

    // "Ver día anteriorDomingo 7 de noviembreVer día siguiente": menu labels run together without a space, twice at
    // least (one join may be a name: "WhatsApp", "#GlobalCompact").
    [GeneratedRegex(@"(?<![#\p{L}])\p{L}*?\p{Ll}{4}\p{Lu}\p{Ll}{2}")]
    private static partial Regex GluedMenu();

    // "Page 1 of 15", "Está en la página 1de 15": a document viewer's pager.
    [GeneratedRegex(@"(?<![\p{L}])(?:page|página|pagina)\s*[0-9]+\s*(?:of|de|sur|/)\s*[0-9]+", RegexOptions.IgnoreCase)]
    private static partial Regex PageOfPages();

    [GeneratedRegex(@"(?<=[?!.»”])[0-9]{1,2}$")]
    private static partial Regex FootnoteMark();

    // "10.18601/16577558.n36.11", "DOI: 10.1000/xyz123": a journal article's identifier.
    [GeneratedRegex(@"^(?:(?:DOI|doi)\s*:?\s*|https?://(?:dx\.)?doi\.org/)?10\.[0-9]{4,9}/\S+$")]
    private static partial Regex Doi();

    // "1. OPENING OF THE PANEL", "IV. Recommendations": a numbered section of a report, not its headline.
    [GeneratedRegex(@"^(?:[0-9]{1,2}|[IVX]{1,4})\.\s+\p{Lu}")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^(?:(?<acronym>\p{Lu}{2,8})\s*[-–—|:]\s*(?<name>[^()]+)|(?<name>[^()]+?)\s*\((?<acronym>\p{Lu}{2,8})\))$")]
    private static partial Regex Masthead();

    [GeneratedRegex(@"\s[A-Z]{1,6}(?:/[A-Z0-9.\-]+)+$")]
    private static partial Regex SymbolAtEnd();

    // WordPress's feed footer in English, French and Spanish.
    [GeneratedRegex(@"^(?:The post|L['’]article|La entrada) (?<title>.+?) (?:appeared first on|est apparu en premier sur|se publicó primero en) ")]
    private static partial Regex FeedFooter();

    // GA/12345, SG/SM/19249-DEV/3359, A/AC.293/2022/L.1
    [GeneratedRegex(@"^[A-Z]{1,6}(?:/[A-Z0-9.\-]+)+$")]
    private static partial Regex DocumentSymbol();
}
