using IdmPlatform.Search.Suggest;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IdmPlatform.Search.Engine;

/// <summary>
/// One build of the index: its directory, writer and searchers, the names it suggests, and what it knows of each item
/// (so an older event cannot overwrite a newer one, and a retracted statement stays out). A rebuild makes a new
/// generation beside the one serving, and the two swap when the new one has caught up.
/// </summary>
public sealed class IndexGeneration : IDisposable
{
    private readonly string _path;

    public IndexGeneration(string path, TextAnalysis analysis, Similarity similarity, FacetValues facetValues)
    {
        _path = path;
        System.IO.Directory.CreateDirectory(path);
        Directory = new MMapDirectory(new DirectoryInfo(path));
        Writer = new IndexWriter(Directory, new IndexWriterConfig(TextAnalysis.Version, analysis.Indexing)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            Similarity = similarity,
        });
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, new WarmSearchers(similarity, facetValues));
    }

    public Lucene.Net.Store.Directory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    public SuggestDictionary Names { get; } = new();

    /// <summary>Per statement: when the change applied last happened, when it was first seen, and the names it carries.</summary>
    public Dictionary<string, ItemState> Items { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Retracted { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The changes taken in, by the hash of their event and item: a change delivered again (a republished or retried
    /// event) is skipped, so the fingerprint only ever moves on. 16 bytes and some overhead per change, until the next build.
    /// </summary>
    public HashSet<UInt128> Applied { get; } = [];

    /// <summary>Order-free fingerprint of what this generation has taken in: equal on replicas that took in the same.</summary>
    public UInt128 Fingerprint { get; set; }

    /// <summary>The latest first-seen time among its items: a page walk's snapshot from then on leaves none of them out.</summary>
    public long NewestSeen { get; set; }

    public void Dispose()
    {
        Searchers.Dispose();
        // Nothing of a generation outlives it (the next start builds anew), so it closes without a last commit.
        Writer.Rollback();
        Directory.Dispose();
        try
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // Files still mapped by a search in flight go with the process; the folder is temporary.
        }
    }

    /// <summary>Reads each new segment's columns when its searcher opens, on the refresh's thread, not on a search's.</summary>
    private sealed class WarmSearchers(Similarity similarity, FacetValues facetValues) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                SegmentColumns.Of(leaf.AtomicReader, facetValues);
            }

            return new IndexSearcher(reader) { Similarity = similarity };
        }
    }
}

public sealed record ItemState(long Version, long Seen, (string Type, string Value, string Label)[] Names);
