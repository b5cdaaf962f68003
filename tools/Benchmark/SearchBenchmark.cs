using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using IdmPlatform.Contracts;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdmPlatform.Benchmark;

/// <summary>
/// Starts the whole platform from the AppHost on throw-away data, loads a generated catalogue through the real
/// indexing path (StatementsPublished on RabbitMQ, one event per document as the catalogue publishes them), then prints for each kind of query
/// p50/p95/p99 through the gateway and straight to the search service, the throughput of a mix with 8 clients, the
/// indexing rate, and how long a new statement takes to become searchable.
/// </summary>
internal static class SearchBenchmark
{
    private sealed record QueryKind(string Name, Func<Random, string> Url);

    private static readonly QueryKind[] Kinds =
    [
        new("common term", _ => "/api/search?q=migration"),
        new("two terms", r => $"/api/search?q=migration+{Word(r, "en", 1, 20)}"),
        new("phrase", r => $"/api/search?q=%22{Word(r, "en", 1, 10)}+{Word(r, "en", 1, 10)}%22"),
        new("rare terms", r => $"/api/search?q={Word(r, "en", 60, 120)}+{Word(r, "fr", 40, 80)}"),
        new("term, 4 facets", _ => "/api/search?q=migration&facets=theme,organisation,person,year"),
        new("filters alone", r => $"/api/search?theme=protection&language=en&from={2001 + r.Next(20)}-01-01&sort=date"),
        new("page 25 by cursor", _ => "/api/search?q=migration&limit=20&cursor=" + Cursor(480)),
        new("suggest", r => $"/api/search/suggest?q={SearchCatalogue.Vocabulary["en"][r.Next(40)][..3]}"),
    ];

    public static async Task<int> RunAsync(int statements, int queries)
    {
        var data = Path.Combine(Path.GetTempPath(), $"idm-bench-{Guid.NewGuid():N}"[..20]);
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.IdmPlatform_AppHost>(
            [$"--Platform:DataDirectory={data}", "--Platform:Ephemeral=true", "--Platform:SeedSampleData=false", "--Platform:RateLimit=100000000"]);
        // Figures only: the platform's own logs (every request at this rate) would bury them.
        appHost.Services.AddLogging(logging => logging.ClearProviders());
        await using var app = await appHost.BuildAsync();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway");
        using var gateway = app.CreateHttpClient("gateway");
        // "Straight to the service": the first search replica, without the gateway in front.
        using var direct = app.CreateHttpClient("search-1");

        // A bare publisher on the platform's broker: the events go where the catalogue's go.
        var broker = new Uri((await app.GetConnectionStringAsync("eventbus"))!);
        var bus = Host.CreateApplicationBuilder();
        bus.Logging.SetMinimumLevel(LogLevel.Warning);
        bus.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.UsingRabbitMq((_, rabbit) => rabbit.Host(broker));
        });
        using var host = bus.Build();
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<IBus>();

        Console.WriteLine($"Search benchmark: {statements:N0} statements, {queries} queries per kind and path, {Environment.ProcessorCount} cores");
        var catalogue = new SearchCatalogue(seed: 2026);
        // Made before the clock starts (the generator is sequential; the publishing is not).
        var generated = Enumerable.Range(0, statements).Select(catalogue.Next).ToArray();
        var clock = Stopwatch.StartNew();
        // As a busy catalogue's outbox relay would: many publishes in flight, each confirmed by the broker, one for each
        // document's statements (the generator gives a document ten).
        var documents = generated.GroupBy(s => s.Document.Id).ToArray();
        await Parallel.ForAsync(0, documents.Length, new ParallelOptions { MaxDegreeOfParallelism = 1_000 }, async (n, token) =>
            await publisher.Publish(Published(documents[n].ToArray()), token));

        var published = clock.Elapsed;
        var last = catalogue.Next(statements);
        var marker = "zzbenchmarkend";
        await publisher.Publish(Published(last with { Text = $"{last.Text} {marker}" }));
        await SearchableEverywhereAsync(gateway, marker, TimeSpan.FromMilliseconds(100));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexing: {statements:N0} statements published in {published.TotalSeconds:N1} s, searchable after {clock.Elapsed.TotalSeconds:N1} s ({statements / clock.Elapsed.TotalSeconds:N0}/s)"));

        // The rest of the platform (notifications matches every statement too) may still be working through the load;
        // queries are measured on a settled machine, as they would be served between bursts of ingestion.
        var settling = Stopwatch.StartNew();
        await MachineSettledAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(the rest of the platform settled {settling.Elapsed.TotalSeconds:N0} s later)"));

        // A service that has run a while has compiled its code paths and opened its connections; the first requests of a
        // fresh start pay for that once. Warm them with queries of every shape but other words than those measured, so
        // nothing measured is already in the cache.
        await WarmUpAsync(gateway, direct);

        Console.WriteLine($"{"query",-20}{"gateway p50/p95/p99 ms",26}{"direct p50/p95/p99 ms",26}{"ratio p50",11}{"cached",8}{"engine p50/p95 ms (misses)",30}");
        var random = new Random(7);
        foreach (var kind in Kinds)
        {
            // Each path gets its own draw of the kind's queries; a query asked before may be answered from the cache.
            var (through, throughHits, throughEngine) = await LatenciesAsync(gateway, Enumerable.Range(0, queries).Select(_ => kind.Url(random)).ToList());
            var (straight, straightHits, straightEngine) = await LatenciesAsync(direct, Enumerable.Range(0, queries).Select(_ => kind.Url(random)).ToList());
            List<double> engineTimes = [.. throughEngine, .. straightEngine];
            var engine = engineTimes.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{P(engineTimes, 50):N0} / {P(engineTimes, 95):N0} ({engineTimes.Count})") : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind.Name,-20}{$"{P(through, 50):N1} / {P(through, 95):N1} / {P(through, 99):N1}",26}{$"{P(straight, 50):N1} / {P(straight, 95):N1} / {P(straight, 99):N1}",26}{P(through, 50) / Math.Max(0.001, P(straight, 50)),11:N2}{(throughHits + straightHits) * 100.0 / (2 * queries),7:N0}%{engine,30}"));
        }

        var served = 0;
        var window = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            var own = new Random(client);
            while (!stop.IsCancellationRequested)
            {
                using var response = await gateway.GetAsync(Kinds[own.Next(Kinds.Length)].Url(own));
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref served);
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {served / window.Elapsed.TotalSeconds:N0} searches/s through the gateway with 8 clients (the mix above)"));

        var freshness = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var word = $"zzfresh{i}x{Environment.TickCount64}";
            var statement = catalogue.Next(statements + 1 + i);
            var sent = Stopwatch.StartNew();
            await publisher.Publish(Published(statement with { Text = $"{statement.Text} {word}" }));
            await SearchableEverywhereAsync(gateway, word, TimeSpan.FromMilliseconds(5));

            freshness.Add(sent.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"freshness: a published statement searchable after p50 {P(freshness, 50):N0} ms, p99 {P(freshness, 99):N0} ms"));
        Console.WriteLine("freshness samples: " + string.Join(' ', freshness.Select(f => f.ToString("N0", CultureInfo.InvariantCulture))));
        await host.StopAsync();
        await app.StopAsync();
        return 0;
    }

    private static StatementsPublished Published(params StatementView[] statements) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, statements[0].Document.Id, statements);

    /// <summary>Eight clients for a few seconds, on both paths, with words the measured kinds never draw.</summary>
    private static async Task WarmUpAsync(HttpClient gateway, HttpClient direct)
    {
        string[] shapes =
        [
            "/api/search?q=governance", "/api/search?q=governance+{0}", "/api/search?q=%22{0}+{1}%22", "/api/search?q={2}+{3}",
            "/api/search?q=governance&facets=theme,organisation,person,year", "/api/search?theme=detention&language=fr&from={4}-01-01&sort=date",
            "/api/search?q=governance&limit=20&cursor=" + Uri.EscapeDataString(Cursor(200)), "/api/search/suggest?q={5}",
        ];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            var own = new Random(1_000 + client);
            while (!stop.IsCancellationRequested)
            {
                // English words 20-59 and Spanish ones: no measured kind draws them.
                var url = string.Format(CultureInfo.InvariantCulture, shapes[own.Next(shapes.Length)], Word(own, "en", 20, 60), Word(own, "en", 20, 60),
                    Word(own, "es", 20, 77), Word(own, "es", 20, 77), 2001 + own.Next(20), SearchCatalogue.Vocabulary["es"][own.Next(20, 77)][..3]);
                using var response = await (client % 2 == 0 ? gateway : direct).GetAsync(url);
                response.EnsureSuccessStatusCode();
            }
        }));
    }

    /// <returns>Each request's time, how many the cache answered, and the engine's own time (tookMs) for those it did not.</returns>
    private static async Task<(List<double> Latencies, int CacheHits, List<double> EngineTimes)> LatenciesAsync(HttpClient client, List<string> urls)
    {
        var latencies = new List<double>(urls.Count);
        var engineTimes = new List<double>();
        var hits = 0;
        foreach (var url in urls)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.Headers.TryGetValues("Search-Cache", out var cache) && cache.Contains("hit"))
            {
                hits++;
            }
            else
            {
                using var answer = JsonDocument.Parse(body);
                if (answer.RootElement is { ValueKind: JsonValueKind.Object } found && found.TryGetProperty("tookMs", out var took))
                {
                    engineTimes.Add(took.GetDouble());
                }
            }
        }

        return (latencies, hits, engineTimes);
    }

    /// <summary>Until the machine's processors are mostly idle (under a quarter busy) for three seconds running, or five minutes passed.</summary>
    private static async Task MachineSettledAsync()
    {
        static (long Busy, long Total) Sample()
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            return (fields.Sum() - idle, fields.Sum());
        }

        var deadline = Stopwatch.StartNew();
        for (var quiet = 0; quiet < 3 && deadline.Elapsed < TimeSpan.FromMinutes(5);)
        {
            var before = Sample();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var after = Sample();
            quiet = (after.Busy - before.Busy) * 4 < after.Total - before.Total ? quiet + 1 : 0;
        }
    }

    /// <summary>Searchable on every replica: the gateway balances between them, so three finds in a row.</summary>
    private static async Task SearchableEverywhereAsync(HttpClient client, string word, TimeSpan poll)
    {
        for (var found = 0; found < 3;)
        {
            found = await TotalAsync(client, $"/api/search?q={word}") > 0 ? found + 1 : 0;
            if (found == 0)
            {
                await Task.Delay(poll);
            }
        }
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Word(Random random, string language, int from, int to) =>
        Uri.EscapeDataString(SearchCatalogue.Vocabulary[language][random.Next(from, Math.Min(to, SearchCatalogue.Vocabulary[language].Length))]);

    /// <summary>The search service's cursor for an offset, as it issues them (a walk that started now).</summary>
    private static string Cursor(int offset) => Paging.Position(DateTimeOffset.UtcNow, offset.ToString(CultureInfo.InvariantCulture));
}
