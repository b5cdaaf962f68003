using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>A person the text names, without honorifics, with the role and organisation it gives them.</summary>
public sealed record FoundPerson(string Name, string? Role, string? Organisation);

/// <summary>Where a person is named, in full or by surname after an honorific ("Ambassador Swing").</summary>
public sealed record PersonMention(int Index, int Length, FoundPerson Person);

/// <summary>
/// People are runs of two to four capitalised words that the text treats as a person: after an honorific or a
/// role ("IOM Director General William Lacy Swing", "Dr Ian M Kysel"), before an appositive role
/// (", Director of MRI"), next to a verb of speech or intervention, in a photo credit or a contact block.
/// Shape alone is not enough: "Effective Community Engagement" is a panel, not a person.
/// </summary>
public sealed partial class PersonFinder
{
    private const int LookBack = 90;
    private readonly HashSet<string> _honorifics;
    private readonly HashSet<string> _nonNameWords;
    private readonly Regex _roleAtEnd;
    private readonly Regex _roleAnywhere;
    private readonly Regex _honorificOrRoleAtEnd;
    private readonly Regex _speechAtEnd;
    private readonly Regex _verbAfter;
    private readonly Regex _appositive;
    private readonly Regex _photoAtEnd;
    private readonly Regex _contactHeader;

    public PersonFinder(PeopleData data)
    {
        _honorifics = new HashSet<string>(data.Honorifics, StringComparer.Ordinal);
        _nonNameWords = new HashSet<string>(data.NonNameWords, StringComparer.Ordinal);
        var roles = Phrases.Alternation(data.Roles);
        var honorifics = Phrases.Alternation(data.Honorifics);
        var speech = Phrases.Alternation(data.SpeechVerbs.Values.SelectMany(v => v));
        var interventions = Phrases.Alternation(data.InterventionVerbs);
        _roleAtEnd = new Regex($@"(?<![\p{{L}}])(?<role>{roles})\s*,?\s*$", RegexOptions.CultureInvariant);
        _roleAnywhere = new Regex($@"(?<![\p{{L}}])(?:{roles})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        _honorificOrRoleAtEnd = new Regex($@"(?<![\p{{L}}])(?:{honorifics}|{roles})\s*$", RegexOptions.CultureInvariant);
        _speechAtEnd = new Regex($@"(?<![\p{{L}}])(?:{speech})\s*,?\s*$", RegexOptions.CultureInvariant);
        _verbAfter = new Regex($@"^,?\s+(?:(?:also|later|then|further|subsequently|aussi|también)\s+)?(?:{speech}|{interventions}|{Phrases.Alternation(data.ActionVerbs)})(?![\p{{L}}])", RegexOptions.CultureInvariant);
        _appositive = new Regex($@"^(?:,\s+(?:the\s+|a\s+|an\s+|le\s+|la\s+|el\s+)?[^,.;:“”""«»]{{0,70}}?(?<![\p{{L}}])(?:{roles})(?![\p{{L}}])|\s+(?:from|of|de|del)\s+(?=\p{{Lu}}))", RegexOptions.CultureInvariant);
        _photoAtEnd = new Regex($@"(?:{Phrases.Alternation(data.PhotoCredits)})\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        _contactHeader = Phrases.Matcher(data.ContactHeaders);
    }

    public (IReadOnlyList<FoundPerson> People, IReadOnlyList<PersonMention> Mentions) Find(string text, IReadOnlyList<FoundOrganisation> organisations)
    {
        var people = new Dictionary<string, FoundPerson>(StringComparer.Ordinal);
        var mentions = new List<PersonMention>();
        var quoted = Quotations.Find(text, withSingle: true);
        var organisationChars = new bool[text.Length];
        foreach (var mention in organisations.SelectMany(o => o.Mentions))
        {
            Array.Fill(organisationChars, true, mention.Index, mention.Length);
        }

        var contactFrom = _contactHeader.Match(text) is { Success: true } header ? header.Index : int.MaxValue;

        foreach (Match run in CapitalisedRun().Matches(text))
        {
            var tokens = Tokens().Matches(run.Value).ToList();
            var first = tokens.FindIndex(t => IsNameToken(t.Value));
            if (first < 0)
            {
                continue;
            }

            var last = first;
            while (last + 1 < tokens.Count && IsNameToken(tokens[last + 1].Value) && !EndsSentence(tokens[last].Value))
            {
                last++;
            }

            var nameStart = run.Index + tokens[first].Index;
            var nameEnd = run.Index + tokens[last].Index + tokens[last].Length;
            var name = text[nameStart..nameEnd].TrimEnd('.', ',');
            nameEnd = nameStart + name.Length;
            var before = text[Math.Max(0, nameStart - LookBack)..nameStart];
            before = before[(before.LastIndexOfAny(['\n', '.', ';', '“', '”', '"', '«', '»']) + 1)..];
            if (before.EndsWith('.') && !_honorificOrRoleAtEnd.IsMatch(before))
            {
                before = string.Empty;
            }

            var after = text[nameEnd..Math.Min(text.Length, nameEnd + 120)];
            var wordCount = last - first + 1;

            // One capitalised word after an honorific or a role refers back to someone already named.
            if (wordCount == 1)
            {
                if (_honorificOrRoleAtEnd.IsMatch(before) && people.Values.LastOrDefault(p => p.Name.EndsWith(" " + name, StringComparison.Ordinal)) is { } known)
                {
                    mentions.Add(new PersonMention(nameStart, name.Length, known));
                }

                continue;
            }

            if (wordCount > 4 || name.Length < 5 || Quotations.Inside(quoted, nameStart) || organisationChars.AsSpan(nameStart, nameEnd - nameStart).Contains(true))
            {
                continue;
            }

            var role = _roleAtEnd.Match(before) is { Success: true } r ? r.Groups["role"].Value : null;
            var inContactBlock = IsAloneOnLine(text, nameStart, nameEnd) && (nameStart > contactFrom || IsSignature(text, nameStart, organisations));
            var evidence = role is not null
                || _honorificOrRoleAtEnd.IsMatch(before)
                || (before.TrimEnd().EndsWith(',') && _roleAnywhere.IsMatch(before))
                || _speechAtEnd.IsMatch(before)
                || _photoAtEnd.IsMatch(before)
                || _verbAfter.IsMatch(after)
                || _appositive.IsMatch(after)
                || inContactBlock;
            if (!evidence)
            {
                continue;
            }

            var organisation = OrganisationNear(organisations, nameStart - before.Length, nameStart) ?? OrganisationAfter(organisations, after, nameEnd);
            role ??= AppositiveRole(after);
            if (!people.TryGetValue(name, out var person))
            {
                person = new FoundPerson(name, role, organisation);
                people[name] = person;
            }
            else if (person.Role is null && role is not null)
            {
                person = person with { Role = role, Organisation = person.Organisation ?? organisation };
                people[name] = person;
            }

            mentions.Add(new PersonMention(nameStart, name.Length, person));
        }

        // Mentions point at the final record of each person (its role may have been learnt later).
        return (people.Values.ToList(), mentions.Select(m => m with { Person = people[m.Person.Name] }).OrderBy(m => m.Index).ToList());
    }

    private bool IsNameToken(string token) =>
        !_nonNameWords.Contains(token.TrimEnd('.', ',')) && !_honorifics.Contains(token) && !IsAcronym(token)
        && !_roleAnywhere.IsMatch(token);

    // An initial ("J.") is part of a name; two capitals or more ("IOM", "UN") are an acronym.
    private static bool IsAcronym(string token) => token.TrimEnd('.', ',') is { Length: >= 2 } bare && bare.All(c => char.IsUpper(c) || c == '-' || c == '&');

    private static bool EndsSentence(string token) => token.EndsWith('.') && token.Length > 2;

    private static bool IsAloneOnLine(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] is ' ' or '\t')
        {
            before--;
        }

        var after = end;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return (before < 0 || text[before] == '\n') && (after == text.Length || text[after] == '\n');
    }

    /// <summary>A name alone on a line near the end, under a line naming an organisation: a contact or signature block.</summary>
    private static bool IsSignature(string text, int nameStart, IReadOnlyList<FoundOrganisation> organisations)
    {
        const int Tail = 600;
        if (nameStart < text.Length - Tail)
        {
            return false;
        }

        var above = text[..nameStart].TrimEnd();
        var lineStart = above.LastIndexOf('\n') + 1;
        return organisations.Any(o => o.Mentions.Any(m => m.Index >= lineStart && m.End <= above.Length));
    }

    private static string? OrganisationNear(IReadOnlyList<FoundOrganisation> organisations, int from, int to) =>
        organisations.FirstOrDefault(o => o.Mentions.Any(m => m.Index >= from && m.End <= to))?.Name;

    private static string? OrganisationAfter(IReadOnlyList<FoundOrganisation> organisations, string after, int offset)
    {
        var clause = AppositiveClause().Match(after);
        return clause.Success
            ? organisations.FirstOrDefault(o => o.Mentions.Any(m => m.Index >= offset && m.End <= offset + clause.Length))?.Name
            : null;
    }

    private string? AppositiveRole(string after)
    {
        var clause = AppositiveClause().Match(after);
        if (!clause.Success || !_roleAnywhere.IsMatch(clause.Value))
        {
            return null;
        }

        // ", the Special Representative, Louise Arbour": the role belongs to the name that follows it.
        if (NameFollows().IsMatch(after[clause.Length..]))
        {
            return null;
        }

        var role = clause.Groups["clause"].Value.Trim();
        return role.Length is > 0 and <= 120 ? role : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:\p{Lu}[\p{L}’'\-]*\.?)(?:[ \u00A0]+(?:(?:de|da|do|dos|das|del|della|di|van|von|der|la|le|bin|al|y)[ \u00A0]+)?(?:\p{Lu}[\p{L}’'\-]*\.?))*")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"^,\s*\p{Lu}[\p{Ll}’'\-]+\s+\p{Lu}")]
    private static partial Regex NameFollows();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^,\s+(?:the\s+|le\s+|la\s+|el\s+)?(?<clause>[^,.;:“”""«»\n]{2,120}?)(?=\s+will\s|\s+said|\s+who\s|,|\.|;|:|\s*$)")]
    private static partial Regex AppositiveClause();
}
