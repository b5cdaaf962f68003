using IdmPlatform.Contracts;

namespace IdmPlatform.Search.Searching;

public sealed record SearchHit(
    string Id, string Type, double Score, string Snippet, NamedRef? Speaker, NamedRef? Organisation, NamedRef? Event,
    DateOnly? Date, string? Title, string? Url, string Language)
{
    /// <summary>When the item entered the catalogue (first seen by the index): the feed's order and its entries' "updated".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset Catalogued { get; init; }
}

public sealed record FacetValue(string Value, string Label, int Count);

/// <summary>
/// A page of hits. <c>total</c> is exact: the engine counts every match while ranking them. Facet counts are exact
/// up to a bound of matches and scaled up beyond it, and then say so (<c>facetsAreEstimates</c>).
/// </summary>
public sealed record SearchResult(
    int Total, bool TotalIsEstimate, long TookMs, IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, bool FacetsAreEstimates, string? NextCursor);

/// <param name="AsOf">Only items first seen by then (UTC ticks): a walk through the pages keeps to what the first page saw.</param>
public sealed record SearchQuery(
    string? Q, string Type, string? Event, string? Organisation, string? Person, string? Theme, int? Gcm, string? Language, string? Kind,
    DateOnly? From, DateOnly? To, SearchOrder Order, IReadOnlyList<string> Facets, int Limit, int Offset, long AsOf);

/// <summary>How hits are ordered; without q, relevance means nothing and the newest by date come first.</summary>
public enum SearchOrder
{
    Relevance,

    /// <summary>Newest first by the item's own date (when it was said or published); undated ones last.</summary>
    Date,

    /// <summary>Newest in the catalogue first, whatever the item's own date: what a feed reader expects.</summary>
    Catalogued,
}
