using IdmPlatform.Search.Searching;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IdmPlatform.Search.Engine;

/// <summary>A match kept for the page: where it is, and what orders it.</summary>
public readonly record struct RankedMatch(int Doc, float Score, float RankScore, int Date, long Seen, string Id);

/// <summary>What a search collected: the best matches (best first), how many matched, and each facet's value counts.</summary>
/// <param name="FacetsAreEstimates">Whether facet counts were scaled up from the first matches rather than counted over all.</param>
public sealed record CollectedHits(List<RankedMatch> Best, int Total, bool FacetsAreEstimates, List<List<(int Value, int Count)>> Facets);

/// <summary>
/// One pass over the matches: it keeps the best <c>offset + limit</c> in a heap, counts every match, and counts the
/// facets asked for over the first <paramref name="facetBound"/> matches (beyond that, counts are scaled up and
/// flagged as estimates, so a word in half the catalogue does not cost a full facet count).
/// Scores are compared at about four significant digits, then by date and id, so replicas whose segments differ
/// (and so whose scores differ in the last bits) still order alike.
/// </summary>
public sealed class HitCollector(int size, SearchOrder order, ColumnFilter filter, IReadOnlyList<string> facets, FacetValues values, int facetBound)
{
    private readonly Comparer<RankedMatch> _worst = WorstFirst(order);
    private readonly PriorityQueue<RankedMatch, RankedMatch> _best = new(size + 1, WorstFirst(order));
    private readonly int[][] _counts = facets.Select(_ => new int[values.Count + 64]).ToArray();
    private Scorer? _scorer;
    private SegmentColumns _columns = null!;
    private FacetColumn[] _facetColumns = [];
    private int _docBase;

    public int Total { get; private set; }

    public int FacetsCounted { get; private set; }

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _columns = SegmentColumns.Of(context.AtomicReader, values);
        filter.SetColumns(_columns);
        _facetColumns = facets.Select(f => _columns.Facets[f]).ToArray();
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        if (!filter.Accepts(doc))
        {
            return;
        }

        Total++;
        if (FacetsCounted < facetBound && _facetColumns.Length > 0)
        {
            FacetsCounted++;
            for (var f = 0; f < _facetColumns.Length; f++)
            {
                var column = _facetColumns[f];
                var counts = _counts[f];
                for (var v = column.Starts[doc]; v < column.Starts[doc + 1]; v++)
                {
                    // A value first seen by a segment opened during this search has no slot; it is counted next time.
                    if (column.Values[v] < counts.Length)
                    {
                        counts[column.Values[v]]++;
                    }
                }
            }
        }

        var score = order == SearchOrder.Relevance ? _scorer!.GetScore() : 0f;
        var rank = Coarse(score);
        var (date, seen) = (_columns.Dates[doc], _columns.Seen[doc]);
        // Cheap refusals first: most matches lose on score (or date) without their id being looked at.
        if (_best.Count >= size && LosesTo(_best.Peek(), rank, date, seen))
        {
            return;
        }

        var match = new RankedMatch(_docBase + doc, score, rank, date, seen, _columns.Ids[doc]);
        if (_best.Count < size)
        {
            _best.Enqueue(match, match);
        }
        else if (_worst.Compare(match, _best.Peek()) > 0)
        {
            _best.EnqueueDequeue(match, match);
        }
    }

    private bool LosesTo(RankedMatch worst, float rank, int date, long seen) => order switch
    {
        SearchOrder.Date => date < worst.Date,
        SearchOrder.Catalogued => seen < worst.Seen,
        _ => rank < worst.RankScore || (rank == worst.RankScore && date < worst.Date),
    };

    /// <summary>The best matches, best first.</summary>
    public List<RankedMatch> Best()
    {
        var best = new List<RankedMatch>(_best.Count);
        while (_best.TryDequeue(out var match, out _))
        {
            best.Add(match);
        }

        best.Reverse();
        return best;
    }

    /// <summary>
    /// Runs <paramref name="query"/> over the index in <paramref name="parts"/> contiguous ranges of its items, each on
    /// its own thread with its own collector, and merges what they kept: the matches of a common word, most of a
    /// query's time, are then scored and counted on every core at once. Each part counts facets over its share of the
    /// bound, so a split query counts no more than a whole one.
    /// </summary>
    public static CollectedHits Collect(
        IndexSearcher searcher, Query query, int parts, int size, SearchOrder order, Func<ColumnFilter> filter, IReadOnlyList<string> facets, FacetValues values, int facetBound)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var items = searcher.IndexReader.MaxDoc;
        var collectors = Enumerable.Range(0, parts).Select(_ => new HitCollector(size, order, filter(), facets, values, (facetBound + parts - 1) / parts)).ToArray();
        void CollectPart(int part)
        {
            var collector = collectors[part];
            int from = (int)((long)items * part / parts), to = (int)((long)items * (part + 1) / parts);
            foreach (var leaf in leaves)
            {
                int start = Math.Max(from - leaf.DocBase, 0), end = Math.Min(to - leaf.DocBase, leaf.AtomicReader.MaxDoc);
                if (start >= end || weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer)
                {
                    continue;
                }

                collector.SetNextReader(leaf);
                collector.SetScorer(scorer);
                for (var doc = scorer.Advance(start); doc < end; doc = scorer.NextDoc())
                {
                    collector.Collect(doc);
                }
            }
        }

        if (parts == 1)
        {
            CollectPart(0);
        }
        else
        {
            Parallel.For(0, parts, CollectPart);
        }

        var worst = WorstFirst(order);
        var best = collectors.SelectMany(c => c.Best()).ToList();
        best.Sort((a, b) => worst.Compare(b, a));
        var counts = Enumerable.Range(0, facets.Count).Select(facet => SummedCounts(collectors, facet)).ToList();
        return new CollectedHits([.. best.Take(size)], collectors.Sum(c => c.Total), collectors.Any(c => c.Total > c.FacetsCounted), counts);
    }

    /// <summary>The parts' counts of one facet, each scaled up to its own matches when it counted only some, added value by value.</summary>
    private static List<(int Value, int Count)> SummedCounts(HitCollector[] parts, int facet)
    {
        var sums = new double[parts.Max(p => p._counts[facet].Length)];
        foreach (var part in parts)
        {
            var scale = part.FacetsCounted == 0 ? 1.0 : (double)part.Total / part.FacetsCounted;
            var counts = part._counts[facet];
            for (var value = 0; value < counts.Length; value++)
            {
                sums[value] += counts[value] * scale;
            }
        }

        return [.. sums.Select((sum, value) => (Value: value, Count: (int)Math.Round(sum))).Where(c => c.Count > 0)];
    }

    private static float Coarse(float score) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(score) & ~0x3FF);

    // The heap's top is the worst kept match, the first to give way.
    private static readonly Comparer<RankedMatch> WorstByScore = Comparer<RankedMatch>.Create((a, b) =>
        a.RankScore != b.RankScore ? a.RankScore.CompareTo(b.RankScore)
        : a.Date != b.Date ? a.Date.CompareTo(b.Date)
        : string.CompareOrdinal(b.Id, a.Id));

    private static readonly Comparer<RankedMatch> WorstByDate = Comparer<RankedMatch>.Create((a, b) =>
        a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(b.Id, a.Id));

    private static readonly Comparer<RankedMatch> WorstBySeen = Comparer<RankedMatch>.Create((a, b) =>
        a.Seen != b.Seen ? a.Seen.CompareTo(b.Seen) : string.CompareOrdinal(b.Id, a.Id));

    private static Comparer<RankedMatch> WorstFirst(SearchOrder order) => order switch
    {
        SearchOrder.Date => WorstByDate,
        SearchOrder.Catalogued => WorstBySeen,
        _ => WorstByScore,
    };
}
