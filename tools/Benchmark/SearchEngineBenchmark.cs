using System.Diagnostics;
using System.Globalization;
using IdmPlatform.Contracts;
using IdmPlatform.Search.Engine;
using IdmPlatform.Search.Glossary;
using IdmPlatform.Search.Searching;

namespace IdmPlatform.Benchmark;

/// <summary>
/// The search engine alone, in this process, on the same generated catalogue: what indexing and each kind of query
/// cost before HTTP, the gateway, RabbitMQ and the cache add theirs. It tells the engine's share of the platform's figures.
/// </summary>
internal static class SearchEngineBenchmark
{
    public static async Task<int> RunAsync(int statements, int queries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"idm-engine-bench-{Guid.NewGuid():N}"[..28]);
        using var engine = new SearchEngine(SearchReplica.New(), TextAnalysis.Load(), QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { IndexPath = path }));
        await engine.RebuildAsync(_ => AsyncEnumerable.Empty<CatalogueItem>(), _ => { }, CancellationToken.None);

        var catalogue = new SearchCatalogue(seed: 2026);
        var generated = Enumerable.Range(0, statements).Select(catalogue.Next).ToArray();
        var clock = Stopwatch.StartNew();
        // As the service takes a load: batches of 500, each made searchable (a refresh) before the next.
        foreach (var batch in generated.Chunk(500))
        {
            await engine.ApplyAsync([.. batch.Select(s => new StatementChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, s))], CancellationToken.None);
            await engine.RefreshAsync(CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: {statements:N0} statements indexed in {clock.Elapsed.TotalSeconds:N1} s ({statements / clock.Elapsed.TotalSeconds:N0}/s), one thread"));
        // Then its segments merged into one (which the service does not do yet: see the README).
        var merging = Stopwatch.StartNew();
        await engine.CompactAsync(atLeast: 2, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged into one segment in {merging.Elapsed.TotalSeconds:N1} s"));

        var random = new Random(7);
        var now = DateTimeOffset.UtcNow.UtcTicks;
        SearchQuery Query(string? q, bool byDate = false, string[]? facets = null, string? theme = null, string? language = null, DateOnly? from = null, int offset = 0) =>
            new(q, "statement", null, null, null, theme, null, language, null, from, null, byDate ? SearchOrder.Date : SearchOrder.Relevance, facets ?? [], 20, offset, now);
        (string Name, Action<Random> Run)[] kinds =
        [
            ("common term", _ => engine.Search(Query("migration"))),
            ("two terms", r => engine.Search(Query($"migration {Word(r, "en", 1, 20)}"))),
            ("phrase", r => engine.Search(Query($"\"{Word(r, "en", 1, 10)} {Word(r, "en", 1, 10)}\""))),
            ("rare terms", r => engine.Search(Query($"{Word(r, "en", 60, 120)} {Word(r, "fr", 40, 80)}"))),
            ("term, 4 facets", _ => engine.Search(Query("migration", facets: ["theme", "organisation", "person", "year"]))),
            ("filters alone", r => engine.Search(Query(null, byDate: true, theme: "protection", language: "en", from: new DateOnly(2001 + r.Next(20), 1, 1)))),
            ("page 25", _ => engine.Search(Query("migration", offset: 480))),
            ("suggest", r => engine.Suggest(SearchCatalogue.Vocabulary["en"][r.Next(40)][..3], 10)),
        ];

        Console.WriteLine($"{"query",-20}{"engine p50/p95/p99 ms",26}");
        foreach (var (name, run) in kinds)
        {
            var latencies = new List<double>(queries);
            for (var i = 0; i < queries; i++)
            {
                var watch = Stopwatch.StartNew();
                run(random);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }

            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-20}{$"{P(latencies, 50):N2} / {P(latencies, 95):N2} / {P(latencies, 99):N2}",26}"));
        }

        return 0;
    }

    private static double P(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Word(Random random, string language, int from, int to) =>
        SearchCatalogue.Vocabulary[language][random.Next(from, Math.Min(to, SearchCatalogue.Vocabulary[language].Length))];
}
