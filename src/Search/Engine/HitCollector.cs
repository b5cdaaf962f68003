using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IdmPlatform.Search.Engine;

/// <summary>A match kept for the page: where it is, and what orders it.</summary>
public readonly record struct RankedMatch(int Doc, float Score, float RankScore, int Date, string Id);

/// <summary>
/// One pass over the matches: it keeps the best <c>offset + limit</c> in a heap, counts every match, and counts the
/// facets asked for over the first <paramref name="facetBound"/> matches (beyond that, counts are scaled up and
/// flagged as estimates, so a word in half the catalogue does not cost a full facet count).
/// Scores are compared at about four significant digits, then by date and id, so replicas whose segments differ
/// (and so whose scores differ in the last bits) still order alike.
/// </summary>
public sealed class HitCollector(int size, bool byDate, ColumnFilter filter, IReadOnlyList<string> facets, FacetValues values, int facetBound) : ICollector
{
    private readonly PriorityQueue<RankedMatch, RankedMatch> _best = new(size + 1, byDate ? WorstByDate : WorstByScore);
    private readonly int[][] _counts = facets.Select(_ => new int[values.Count + 64]).ToArray();
    private Scorer? _scorer;
    private SegmentColumns _columns = null!;
    private FacetColumn[] _facetColumns = [];
    private int _docBase;

    public int Total { get; private set; }

    public int FacetsCounted { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

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

        var score = byDate ? 0f : _scorer!.GetScore();
        var rank = Coarse(score);
        var date = _columns.Dates[doc];
        if (_best.Count >= size)
        {
            var worst = _best.Peek();
            // Cheap refusals first: most matches lose on score (or date) without their id being looked at.
            if (byDate ? date < worst.Date : rank < worst.RankScore || (rank == worst.RankScore && date < worst.Date))
            {
                return;
            }
        }

        var match = new RankedMatch(_docBase + doc, score, rank, date, _columns.Ids[doc]);
        if (_best.Count < size)
        {
            _best.Enqueue(match, match);
        }
        else if ((byDate ? WorstByDate : WorstByScore).Compare(match, _best.Peek()) > 0)
        {
            _best.EnqueueDequeue(match, match);
        }
    }

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

    /// <summary>Values and counts of the i-th facet asked for, most frequent first.</summary>
    public IEnumerable<(int Value, int Count)> Counts(int facet) =>
        _counts[facet].Select((count, value) => (value, count)).Where(c => c.count > 0);

    private static float Coarse(float score) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(score) & ~0x3FF);

    // The heap's top is the worst kept match, the first to give way.
    private static readonly Comparer<RankedMatch> WorstByScore = Comparer<RankedMatch>.Create((a, b) =>
        a.RankScore != b.RankScore ? a.RankScore.CompareTo(b.RankScore)
        : a.Date != b.Date ? a.Date.CompareTo(b.Date)
        : string.CompareOrdinal(b.Id, a.Id));

    private static readonly Comparer<RankedMatch> WorstByDate = Comparer<RankedMatch>.Create((a, b) =>
        a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(b.Id, a.Id));
}
