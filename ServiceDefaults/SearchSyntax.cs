namespace Microsoft.Extensions.Hosting;

/// <summary>One term of a query in web-search syntax: a word, a quoted phrase, either of them excluded, or OR.</summary>
public sealed record QueryTerm(string Text, bool Phrase, bool Excluded)
{
    /// <summary>Only a bare upper-case OR joins alternatives; "or", "-OR" and "\"OR\"" are words like any other.</summary>
    public bool IsOr => !Phrase && !Excluded && Text == "OR";
}

/// <summary>
/// Reads q the way every service does (search's queries, a subscription's filter): terms split on white space,
/// "a phrase" runs to the next quote or the end, and "-" excludes the term it stands right before.
/// </summary>
public static class SearchSyntax
{
    public static IReadOnlyList<QueryTerm> Terms(string query)
    {
        var terms = new List<QueryTerm>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            var excluded = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]);
            var start = excluded ? i + 1 : i;
            if (query[start] == '"')
            {
                var end = query.IndexOf('"', start + 1);
                end = end < 0 ? query.Length : end;
                terms.Add(new QueryTerm(query[(start + 1)..end], Phrase: true, excluded));
                i = end + 1;
                continue;
            }

            var stop = start;
            while (stop < query.Length && !char.IsWhiteSpace(query[stop]) && query[stop] != '"')
            {
                stop++;
            }

            terms.Add(new QueryTerm(query[start..stop], Phrase: false, excluded));
            i = stop;
        }

        return terms;
    }
}
