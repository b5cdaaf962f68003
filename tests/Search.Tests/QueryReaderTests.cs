using IdmPlatform.Search.Engine;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IdmPlatform.Search.Tests;

/// <summary>How a query in web-search syntax becomes a Lucene query, on an index that holds none of its words.</summary>
public sealed class QueryReaderTests
{
    [Fact]
    public void Only_the_first_few_unknown_words_are_also_searched_as_misspellings()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, TextAnalysis.Load().Words)))
        {
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        // Twelve words long enough to be misspelt and unknown to the index: each would otherwise walk the term dictionary twice.
        var query = string.Join(' ', Enumerable.Range(0, 12).Select(i => $"unheard{(char)('a' + i)}word"));

        var (_, terms) = new QueryReader(TextAnalysis.Load()).Read(query, reader, language: null);

        Assert.Equal(5, terms.Fuzzy.Count);
        Assert.Equal("unheardaword", terms.Fuzzy[0].Word);
    }
}
