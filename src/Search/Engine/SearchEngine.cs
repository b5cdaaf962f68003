using System.Diagnostics;
using System.IO.Hashing;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Search.Glossary;
using IdmPlatform.Search.Searching;
using IdmPlatform.Search.Suggest;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Search.Engine;

public sealed class SearchOptions
{
    /// <summary>Where this replica keeps its index; a new folder per replica and per build beneath it.</summary>
    public string IndexPath { get; set; } = Path.Combine(Path.GetTempPath(), "idm-search");

    /// <summary>Facets are counted exactly over this many matches; beyond, counts are scaled up and flagged as estimates.</summary>
    public int ExactFacetBound { get; set; } = 20_000;

    /// <summary>A search over at least this many items, when no other runs, is done in parts at once (a small one gains less than the threads cost).</summary>
    public int SplitFrom { get; set; } = 20_000;

    /// <summary>How many parts: one per core.</summary>
    public int SplitInto { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How deep a walk through the pages goes: a page is ranked against every match before it, so a deep offset costs
    /// a search as much memory and time as a page that large. Past the first this many matches, narrow the query.
    /// </summary>
    public int MaxDepth { get; set; } = 10_000;
}

/// <summary>
/// This replica's in-process index (Lucene.NET): it takes in the catalogue's changes one batch at a time, is rebuilt
/// from the catalogue beside the generation that keeps serving, and answers searches and suggestions from memory
/// and memory-mapped files.
/// </summary>
public sealed class SearchEngine : IDisposable
{
    private static readonly Similarity Ranking = new BM25Similarity();

    private readonly TextAnalysis _analysis;
    private readonly QueryReader _queries;
    private readonly Snippets _snippets;
    private readonly QueryGlossary _glossary;
    private readonly SearchOptions _options;
    private readonly FacetValues _facetValues = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly SemaphoreSlim _rebuilds = new(1, 1);
    private int _searching;
    private volatile IndexGeneration _current;
    private List<IndexChange>? _replay;
    private volatile int _pending;

    public SearchEngine(SearchReplica replica, TextAnalysis analysis, QueryGlossary glossary, IOptions<SearchOptions> options)
    {
        Replica = replica.Name;
        _analysis = analysis;
        _queries = new QueryReader(analysis);
        _snippets = new Snippets(analysis);
        _glossary = glossary;
        _options = options.Value;
        _current = NewGeneration();
    }

    /// <summary>This replica's name, in its index folder, its queue and its answers' headers.</summary>
    public string Replica { get; }

    /// <summary>False until the first build from the catalogue has caught up: an empty index would answer wrongly.</summary>
    public bool IsReady { get; private set; }

    public RebuildProgress? Rebuilding { get; private set; }

    /// <summary>The last build from the catalogue that was swapped in.</summary>
    public BuildDone? LastBuild { get; private set; }

    /// <summary>Changes to what this replica answers: equal on replicas that took in the same statements.</summary>
    /// <remarks>Published only once searchers see the change, so nothing older is ever cached under a newer version.</remarks>
    public IndexVersion Published { get; private set; } = new("0", 0);

    public string Version => Published.Id;

    public int Count => _current.Items.Count;

    /// <summary>Pages reach this many matches at most; a cursor beyond them is refused.</summary>
    public int MaxDepth => _options.MaxDepth;

    public async Task ApplyAsync(IReadOnlyList<IndexChange> changes, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            foreach (var change in changes)
            {
                Apply(_current, change);
            }

            // A build under way takes them again once it has loaded the catalogue, so none is lost in the swap.
            _replay?.AddRange(changes);
            _pending += changes.Count;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Makes what was applied searchable. Called on a short period rather than after every batch: each refresh writes
    /// a segment, and a refresh per small batch would fill the index with tiny ones for merging to clean up.
    /// </summary>
    /// <returns>How many changes it made searchable (none: there was nothing to do).</returns>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        if (_pending == 0)
        {
            return 0;
        }

        IndexGeneration generation;
        IndexVersion version;
        int taken;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            (generation, version, taken, _pending) = (_current, VersionOf(_current), _pending, 0);
        }
        finally
        {
            _writes.Release();
        }

        try
        {
            generation.Searchers.MaybeRefreshBlocking();
        }
        catch (ObjectDisposedException)
        {
            // A rebuild swapped this generation out meanwhile; the new one was refreshed when it came in.
            return taken;
        }

        // Searchers now see at least what the fingerprint covers; only then may answers be cached under it.
        if (ReferenceEquals(generation, _current))
        {
            Published = version;
        }

        return taken;
    }

    /// <summary>
    /// Merges the serving index into one segment once it has split into <paramref name="atLeast"/> or more. Each
    /// refresh writes a segment, and every segment costs every query term lookups of its own: measured at 30,000
    /// statements, a rare word took 4.6 ms over the segments a steady load leaves and 0.2 ms over one (1 s to merge).
    /// Searches go on over the old segments meanwhile; what they find is the same.
    /// </summary>
    /// <returns>Whether it merged.</returns>
    public async Task<bool> CompactAsync(int atLeast, CancellationToken cancellationToken)
    {
        // Not while a build is under way: it swaps this generation out and closes it when done (and waits for this).
        if (!await _rebuilds.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        var generation = _current;
        try
        {
            var searcher = generation.Searchers.Acquire();
            int segments;
            try
            {
                segments = searcher.IndexReader.Leaves.Count;
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }

            if (segments < atLeast)
            {
                return false;
            }

            await Task.Run(() => generation.Writer.ForceMerge(1), cancellationToken);
            generation.Searchers.MaybeRefreshBlocking();
            return true;
        }
        finally
        {
            _rebuilds.Release();
        }
    }

    /// <summary>
    /// Builds a new generation from <paramref name="statements"/> (the catalogue's export), then applies what arrived
    /// meanwhile and swaps it in. The old generation serves until then.
    /// </summary>
    public async Task<int> RebuildAsync(
        Func<CancellationToken, IAsyncEnumerable<CatalogueItem>> items, Action<RebuildProgress> report, CancellationToken cancellationToken)
    {
        await _rebuilds.WaitAsync(cancellationToken);
        var building = NewGeneration();
        try
        {
            await _writes.WaitAsync(cancellationToken);
            _replay = [];
            _writes.Release();

            var clock = Stopwatch.StartNew();
            var loaded = 0;
            Rebuilding = new RebuildProgress(0, clock.Elapsed);
            await foreach (var item in items(cancellationToken))
            {
                // Version 0: any event about the item, handled during or after the build, is newer than the export.
                if (item.Statement is { } statement)
                {
                    Upsert(building, statement, version: 0, item.Seen);
                    building.Fingerprint ^= XxHash128.HashToUInt128(JsonSerializer.SerializeToUtf8Bytes(statement));
                }
                else if (item.Document is { } document)
                {
                    Upsert(building, document, version: 0, item.Seen);
                    building.Fingerprint ^= XxHash128.HashToUInt128(JsonSerializer.SerializeToUtf8Bytes(document));
                }

                if (++loaded % 1_000 == 0)
                {
                    Rebuilding = new RebuildProgress(loaded, clock.Elapsed);
                    if (loaded % 20_000 == 0)
                    {
                        report(Rebuilding);
                    }
                }
            }

            await _writes.WaitAsync(cancellationToken);
            IndexGeneration old;
            try
            {
                foreach (var change in _replay)
                {
                    Apply(building, change);
                }

                building.Searchers.MaybeRefreshBlocking();
                (old, _current) = (_current, building);
                Published = VersionOf(building);
                _replay = null;
                IsReady = true;
            }
            finally
            {
                _writes.Release();
            }

            old.Dispose();
            LastBuild = new BuildDone(DateTimeOffset.UtcNow, loaded, clock.Elapsed);
            return loaded;
        }
        catch
        {
            _replay = null;
            building.Dispose();
            throw;
        }
        finally
        {
            Rebuilding = null;
            _rebuilds.Release();
        }
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit) => _current.Names.Find(prefix, limit);

    /// <summary>Whether any item in the index has this value in this field (a person's or an organisation's slug).</summary>
    public bool Holds(string field, string value)
    {
        var generation = _current;
        var searcher = generation.Searchers.Acquire();
        try
        {
            // A search, not the term's document frequency: that still counts deleted items until their segment is merged,
            // and a merge in the catalogue replaces every item under the old slug.
            return searcher.Search(new TermQuery(new Term(field, value)), 1).TotalHits > 0;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    public SearchResult Search(SearchQuery query)
    {
        var clock = Stopwatch.StartNew();
        var generation = _current;
        var searcher = generation.Searchers.Acquire();
        Interlocked.Increment(ref _searching);
        try
        {
            QueryTerms? terms = null;
            var filters = Filters(query);
            if (query.Q is { } q)
            {
                // A notion named in one language is searched in all three (the glossary).
                var (text, found) = _queries.Read(_glossary.Expand(q), searcher.IndexReader, query.Language);
                terms = found;
                filters.Add(text, Occur.MUST);
            }
            else
            {
                filters.Add(new MatchAllDocsQuery(), Occur.MUST);
            }

            var order = query.Q is null && query.Order == SearchOrder.Relevance ? SearchOrder.Date : query.Order;
            // Split only a search that runs alone: under load the other cores are busy with other searches, and
            // splitting would only add the cost of handing parts over.
            var parts = searcher.IndexReader.MaxDoc >= _options.SplitFrom && Volatile.Read(ref _searching) == 1 ? _options.SplitInto : 1;
            var depth = (int)Math.Min((long)query.Offset + query.Limit, MaxDepth);
            var collected = HitCollector.Collect(searcher, filters, parts, depth, order, () => BroadFilters(query), query.Facets, _facetValues, _options.ExactFacetBound);

            var hits = collected.Best.Skip(query.Offset).Take(query.Limit).Select(match =>
            {
                var document = searcher.Doc(match.Doc);
                var stored = IndexFields.ReadHit(document);
                return new SearchHit(match.Id, stored.Type, Math.Round(match.Score, 4), _snippets.For(document.Get(IndexFields.Text), stored.Language, terms),
                    stored.Speaker, stored.Organisation, stored.Event, stored.Date, stored.Title, stored.Url, stored.Language)
                {
                    Catalogued = new DateTimeOffset(stored.Seen, TimeSpan.Zero),
                };
            }).ToList();

            var facets = query.Facets.Select((facet, i) => (facet, values: (IReadOnlyList<FacetValue>)collected.Facets[i]
                    .Select(c => (Value: _facetValues[c.Value], c.Count))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(20)
                    .Select(c => new FacetValue(c.Value, generation.Names.Label(facet, c.Value) ?? c.Value, c.Count)).ToList()))
                .ToDictionary(f => f.facet, f => f.values);

            // No cursor past the depth: the walk ends there, as if the matches did.
            var next = query.Offset + hits.Count < Math.Min(collected.Total, MaxDepth)
                ? Paging.Position(new DateTimeOffset(query.AsOf, TimeSpan.Zero), (query.Offset + hits.Count).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : null;
            return new SearchResult(collected.Total, TotalIsEstimate: false, clock.ElapsedMilliseconds, hits, facets, FacetsAreEstimates: collected.FacetsAreEstimates && query.Facets.Count > 0, next);
        }
        finally
        {
            Interlocked.Decrement(ref _searching);
            generation.Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _current.Dispose();
        _writes.Dispose();
        _rebuilds.Dispose();
    }

    /// <summary>The selective filters (a person, organisation, event or theme: few items each) as query clauses, which skip ahead.</summary>
    private static BooleanQuery Filters(SearchQuery query)
    {
        var filters = new BooleanQuery();
        foreach (var (field, value) in new[] { ("event", query.Event), ("organisation", query.Organisation), ("person", query.Person), ("theme", query.Theme) })
        {
            if (value is not null)
            {
                // Filters narrow; they add nothing to the score.
                filters.Add(new TermQuery(new Term(field, value)) { Boost = 0 }, Occur.MUST);
            }
        }

        return filters;
    }

    /// <summary>The broad filters, checked on the columns of each match.</summary>
    private ColumnFilter BroadFilters(SearchQuery query)
    {
        var values = new[]
            {
                ("gcm", query.Gcm?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("language", query.Language), ("kind", query.Kind),
            }
            .Where(f => f.Item2 is not null)
            .Select(f => (f.Item1, _facetValues.Find(f.Item2!)))
            .ToList();
        return new ColumnFilter(query.Type == "document", query.AsOf, query.From?.DayNumber, query.To?.DayNumber, values);
    }

    private static IndexVersion VersionOf(IndexGeneration generation) =>
        new(generation.Fingerprint.ToString("x32", System.Globalization.CultureInfo.InvariantCulture), generation.NewestSeen);

    private IndexGeneration NewGeneration() =>
        new(Path.Combine(_options.IndexPath, Replica, Guid.NewGuid().ToString("N")[..8]), _analysis, Ranking, _facetValues);

    private void Apply(IndexGeneration generation, IndexChange change)
    {
        // One event may carry several statements: the item's id goes in beside the event's, or they would cancel out.
        var key = XxHash128.HashToUInt128([.. change.EventId.ToByteArray(), .. System.Text.Encoding.UTF8.GetBytes(change.ItemId)]);
        if (!generation.Applied.Add(key))
        {
            // Already taken in. Folded in a second time it would take itself out of the fingerprint, and the version
            // would go back to one whose cached answers show what has changed since (a retracted statement, say).
            return;
        }

        switch (change)
        {
            case StatementChanged changed:
                Upsert(generation, changed.Statement, changed.OccurredAt.UtcTicks, changed.OccurredAt.UtcTicks);
                break;
            case DocumentChanged changed:
                Upsert(generation, changed.Document, changed.OccurredAt.UtcTicks, changed.Document.CataloguedAt.UtcTicks);
                break;
            case StatementRemoved removed:
                if (generation.Items.Remove(removed.StatementId, out var state))
                {
                    generation.Writer.DeleteDocuments(new Term(IndexFields.Id, removed.StatementId));
                    generation.Names.Remove(state.Names);
                }

                // A retraction wins over any change handled after it (retried, redelivered or out of order).
                generation.Retracted.Add(removed.StatementId);
                break;
        }

        generation.Fingerprint ^= key;
    }

    private void Upsert(IndexGeneration generation, DocumentView document, long version, long seen)
    {
        // A duplicate is the same text again; its original is the one found.
        if (document.DuplicateOf is not null || (generation.Items.TryGetValue(document.Id, out var known) && known.Version > version))
        {
            return;
        }

        var state = new ItemState(version, known?.Seen ?? seen, []);
        if (known is null)
        {
            generation.Writer.AddDocument(IndexFields.ForDocument(_analysis, document, state.Seen));
        }
        else
        {
            generation.Writer.UpdateDocument(new Term(IndexFields.Id, document.Id), IndexFields.ForDocument(_analysis, document, state.Seen));
        }

        generation.Items[document.Id] = state;
        generation.NewestSeen = Math.Max(generation.NewestSeen, state.Seen);
    }

    private void Upsert(IndexGeneration generation, StatementView statement, long version, long seen)
    {
        if (generation.Retracted.Contains(statement.Id))
        {
            return;
        }

        generation.Items.TryGetValue(statement.Id, out var known);
        if (known is not null && known.Version > version)
        {
            return;
        }

        var state = new ItemState(version, known?.Seen ?? seen, [.. SuggestDictionary.NamesOf(statement)]);
        var document = IndexFields.ForStatement(_analysis, statement, state.Seen);
        if (known is null)
        {
            // New to this generation: nothing to delete, which spares the writer a term lookup per statement.
            generation.Writer.AddDocument(document);
        }
        else
        {
            generation.Writer.UpdateDocument(new Term(IndexFields.Id, statement.Id), document);
            generation.Names.Remove(known.Names);
        }

        generation.Names.Add(state.Names);
        generation.Items[statement.Id] = state;
        generation.NewestSeen = Math.Max(generation.NewestSeen, state.Seen);
    }
}

/// <summary>
/// What answers are computed from: the version's id, and the newest first-seen time of what it holds (a page walk's
/// snapshot at or after it leaves nothing out, so its pages are the same as any other such walk's).
/// </summary>
public sealed record IndexVersion(string Id, long NewestSeen);

/// <summary>This running copy of the search service: its queue, its index folder and its answers carry the name.</summary>
public sealed record SearchReplica(string Name)
{
    public static SearchReplica New() => new($"{Guid.NewGuid():N}"[..12]);
}

public sealed record RebuildProgress(int Loaded, TimeSpan Elapsed);

public sealed record BuildDone(DateTimeOffset FinishedAt, int Statements, TimeSpan Took);
