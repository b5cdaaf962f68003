using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace IdmPlatform.Search.Engine;

/// <summary>
/// Every facet value the index has seen, numbered once for the life of the process, so counting a facet is one array
/// increment per matching item whatever segment it sits in.
/// </summary>
public sealed class FacetValues
{
    private readonly ConcurrentDictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public string this[int number]
    {
        get
        {
            lock (_values)
            {
                return _values[number];
            }
        }
    }

    public int Number(string value) => _numbers.TryGetValue(value, out var number) ? number : Add(value);

    /// <summary>The value's number, or -1 when no item has ever had it.</summary>
    public int Find(string value) => _numbers.TryGetValue(value, out var number) ? number : -1;

    private int Add(string value)
    {
        lock (_values)
        {
            if (_numbers.TryGetValue(value, out var number))
            {
                return number;
            }

            _values.Add(value);
            _numbers[value] = _values.Count - 1;
            return _values.Count - 1;
        }
    }
}

/// <summary>
/// One index segment's ids, dates and facet values as plain arrays, read once from its doc values when the segment is
/// first searched and kept while the segment lives. Ranking ties, date order and facet counts read these, not Lucene.
/// </summary>
public sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();

    private SegmentColumns(AtomicReader reader, FacetValues values)
    {
        var max = reader.MaxDoc;
        Ids = new string[max];
        var ids = reader.GetSortedDocValues(IndexFields.Id);
        var scratch = new BytesRef();
        Dates = new int[max];
        var dates = reader.GetNumericDocValues(IndexFields.Date);
        Seen = new long[max];
        var seen = reader.GetNumericDocValues(IndexFields.Seen);
        IsDocument = new bool[max];
        var types = reader.GetNumericDocValues(IndexFields.Type);
        for (var doc = 0; doc < max; doc++)
        {
            if (ids is not null && ids.GetOrd(doc) is var ord and >= 0)
            {
                ids.LookupOrd(ord, scratch);
                Ids[doc] = scratch.Utf8ToString();
            }

            Dates[doc] = dates is null ? IndexFields.Undated : (int)dates.Get(doc);
            Seen[doc] = seen?.Get(doc) ?? 0;
            IsDocument[doc] = types?.Get(doc) == 1;
        }

        foreach (var facet in IndexFields.Facets)
        {
            Facets[facet] = ManyValues(reader, facet, values, max);
        }
    }

    public string[] Ids { get; }

    public int[] Dates { get; }

    /// <summary>When each item was first seen (UTC ticks): later pages of a walk keep to what its first page saw.</summary>
    public long[] Seen { get; }

    public bool[] IsDocument { get; }

    /// <summary>Per facet: for each document, where its value numbers start and end in <see cref="FacetColumn.Values"/>.</summary>
    public Dictionary<string, FacetColumn> Facets { get; } = [];

    public static SegmentColumns Of(AtomicReader reader, FacetValues values) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader, values));

    private static FacetColumn ManyValues(AtomicReader reader, string field, FacetValues values, int max)
    {
        var docValues = reader.GetSortedSetDocValues(field);
        var starts = new int[max + 1];
        var numbers = new List<int>(max);
        var byOrd = docValues is null ? [] : Numbers((int)docValues.ValueCount, (ord, bytes) => docValues.LookupOrd(ord, bytes), values);
        for (var doc = 0; doc < max; doc++)
        {
            starts[doc] = numbers.Count;
            if (docValues is null)
            {
                continue;
            }

            docValues.SetDocument(doc);
            for (var ord = docValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = docValues.NextOrd())
            {
                numbers.Add(byOrd[ord]);
            }
        }

        starts[max] = numbers.Count;
        return new FacetColumn(starts, [.. numbers]);
    }

    private static int[] Numbers(int count, Action<int, BytesRef> lookup, FacetValues values)
    {
        var numbers = new int[count];
        var bytes = new BytesRef();
        for (var ord = 0; ord < count; ord++)
        {
            lookup(ord, bytes);
            numbers[ord] = values.Number(bytes.Utf8ToString());
        }

        return numbers;
    }
}

/// <summary>The values of one facet for each document of a segment, end to end: document d has Values[Starts[d]..Starts[d+1]].</summary>
public sealed record FacetColumn(int[] Starts, int[] Values);

/// <summary>
/// The filters checked on the columns as matches are collected, rather than as query clauses: broad ones (type, a
/// language, a theme, a date range, what a page walk saw) would otherwise make every search walk long posting lists.
/// </summary>
public sealed class ColumnFilter(bool documents, long asOf, int? fromDay, int? toDay, IReadOnlyList<(string Facet, int Value)> values)
{
    private (FacetColumn Column, int Value)[] _required = [];
    private SegmentColumns _columns = null!;

    public void SetColumns(SegmentColumns columns)
    {
        _columns = columns;
        _required = values.Select(v => (columns.Facets[v.Facet], v.Value)).ToArray();
    }

    public bool Accepts(int doc)
    {
        // An undated item is in no date range, as in the catalogue (a NULL date is neither after nor before a day).
        if (_columns.IsDocument[doc] != documents || _columns.Seen[doc] > asOf
            || (fromDay is { } from && _columns.Dates[doc] < from) || (toDay is { } to && (_columns.Dates[doc] > to || _columns.Dates[doc] == IndexFields.Undated)))
        {
            return false;
        }

        foreach (var (column, value) in _required)
        {
            if (Array.IndexOf(column.Values, value, column.Starts[doc], column.Starts[doc + 1] - column.Starts[doc]) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
