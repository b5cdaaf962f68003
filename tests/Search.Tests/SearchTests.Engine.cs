using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.Search.Tests;

/// <summary>What the in-process index adds: typos, spellings, stable pages, bounded facets, the names dictionary, the cache and rebuilds.</summary>
public sealed partial class SearchTests
{
    private static List<string?> Ids(JsonElement result) =>
        result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();

    [Fact]
    public async Task A_misspelt_name_or_word_still_finds_its_matches_ranked_after_exact_ones()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var byName = Statement($"Mobility must be safe {marker}.", "en", "Antonio Vitorino", "governance");
        var exact = Statement($"The note misspells the name Vittorino {marker}.", "en", "Sara Lind", "governance");
        var word = Statement($"Regularisation opens doors {marker}.", "en", "Mia Berg", "regular-pathways");
        var arbour = Statement($"Protection comes first {marker}.", "en", "Louise Arbour", "protection");
        await IndexAsync(byName, exact, word, arbour);

        Assert.Equal([exact.Id, byName.Id], Ids(await SearchAsync($"q=Vittorino {marker}")));
        Assert.Equal([word.Id], Ids(await SearchAsync($"q=regularisaton {marker}")));
        Assert.Equal([arbour.Id], Ids(await SearchAsync($"q=Arbor {marker}")));
    }

    [Fact]
    public async Task A_word_the_index_knows_is_not_widened_to_its_look_alikes()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"Detention harms {marker}.", "en", "Ali Demir", "detention"),
            Statement($"Detention is costly {marker}.", "en", "Ben Ayo", "detention"),
            Statement($"Detention must end {marker}.", "en", "Cem Uysal", "detention"),
            Statement($"Retention of staff matters {marker}.", "en", "Dag Moe", "labour-migration"));

        Assert.Equal(3, (await SearchAsync($"q=detention {marker}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task British_and_american_spellings_meet()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var british = Statement($"Labour mobility needs organisation, a programme and good behaviour {marker}.", "en", "Eve Hart", "labour-migration");
        var american = Statement($"Labor unions want a program {marker}.", "en", "Fay Cole", "labour-migration");
        await IndexAsync(british, american);

        Assert.Equal(new[] { british.Id, american.Id }.Order(), Ids(await SearchAsync($"q=labor {marker}")).Order());
        Assert.Equal(new[] { british.Id, american.Id }.Order(), Ids(await SearchAsync($"q=programme {marker}")).Order());
        Assert.Equal([british.Id], Ids(await SearchAsync($"q=organization behavior {marker}")));
    }

    [Fact]
    public async Task Pages_stay_as_the_first_one_saw_them_while_new_statements_arrive()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var years = Enumerable.Range(2020, 5).Select(year => Statement($"Statement of {year} {marker}.", "en", $"Speaker {year}", "data") with { Date = new DateOnly(year, 6, 1) }).ToArray();
        await IndexAsync(years);
        var present = years.Select(y => y.Id).ToList();

        foreach (var sort in new[] { "date", "relevance" })
        {
            var first = await SearchAsync($"q={marker}&limit=2&sort={sort}");
            var newer = Statement($"A newer statement {marker}.", "en", $"Newcomer {Guid.NewGuid():N}"[..18], "data") with { Date = new DateOnly(2026, 1, 1) };
            await IndexAsync(newer);

            var seen = Ids(first);
            var cursor = first.GetProperty("nextCursor").GetString();
            while (cursor is not null)
            {
                var page = await SearchAsync($"q={marker}&limit=2&sort={sort}&cursor={cursor}");
                seen.AddRange(Ids(page));
                cursor = page.GetProperty("nextCursor").GetString();
            }

            // Each statement there at the first page once, and none that came after it.
            Assert.Equal(present.Order(), seen.Order());
            present.Add(newer.Id);
        }
    }

    [Fact]
    public async Task Walks_begun_after_the_newest_statement_share_cached_pages_and_an_older_walk_keeps_its_own()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var years = Enumerable.Range(2020, 3).Select(year => Statement($"Statement of {year} {marker}.", "en", $"Speaker {year} {marker}", "data") with { Date = new DateOnly(year, 6, 1) }).ToArray();
        await IndexAsync(years);
        async Task<(List<string?> Ids, string? Cache)> SecondPageAsync(string cursor)
        {
            using var response = await _client.GetAsync($"/api/search?q={marker}&limit=1&sort=date&cursor={Uri.EscapeDataString(cursor)}");
            response.EnsureSuccessStatusCode();
            return (Ids(await response.Content.ReadFromJsonAsync<JsonElement>()), response.Headers.GetValues("Search-Cache").Single());
        }

        // Two walks begun once all three were in: the later one is served the earlier one's second page.
        var walk = (await SearchAsync($"q={marker}&limit=1&sort=date")).GetProperty("nextCursor").GetString()!;
        var later = Paging.Position(DateTimeOffset.UtcNow, "1");
        var (page, _) = await SecondPageAsync(walk);
        var (shared, cache) = await SecondPageAsync(later);
        Assert.Equal([years[1].Id], page);
        Assert.Equal("hit", cache);
        Assert.Equal(page, shared);

        // A newer statement arrives: the later walk still pages through its own three, a walk begun now through four.
        await IndexAsync(Statement($"A newer statement {marker}.", "en", $"Newcomer {Guid.NewGuid():N}"[..18], "data") with { Date = new DateOnly(2026, 1, 1) });
        Assert.Equal([years[1].Id], (await SecondPageAsync(later)).Ids);
        Assert.Equal([years[2].Id], (await SecondPageAsync(Paging.Position(DateTimeOffset.UtcNow, "1"))).Ids);
    }

    [Fact]
    public async Task A_first_page_asked_with_any_parameters_is_never_served_as_a_walk_s_later_page()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var years = Enumerable.Range(2020, 3).Select(year => Statement($"Statement of {year} {marker}.", "en", $"Speaker {year} {marker}", "data") with { Date = new DateOnly(year, 6, 1) }).ToArray();
        await IndexAsync(years);

        // A first page whose query string spells out how a later page of a shared walk was once keyed in the cache.
        var decoy = await SearchAsync($"q={marker}&limit=1&sort=date&@offset=1");
        var second = await SearchAsync($"q={marker}&limit=1&sort=date&cursor={Uri.EscapeDataString(Paging.Position(DateTimeOffset.UtcNow, "1"))}");

        Assert.Equal([years[2].Id], Ids(decoy));
        Assert.Equal([years[1].Id], Ids(second));
    }

    [Fact]
    public async Task A_quiet_index_split_by_refreshes_is_merged_into_one_segment_that_answers_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"idm-compact-{Guid.NewGuid():N}");
        using var engine = new Engine.SearchEngine(Engine.SearchReplica.New(), Engine.TextAnalysis.Load(), Glossary.QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new Engine.SearchOptions { IndexPath = path }));
        await engine.RebuildAsync(_ => AsyncEnumerable.Empty<Engine.CatalogueItem>(), _ => { }, CancellationToken.None);
        foreach (var i in Enumerable.Range(0, 6))
        {
            // Each refresh writes a segment, as a load taken in batches does.
            await engine.ApplyAsync([new Engine.StatementChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, Statement($"Reception {i} and return {i}.", "en", $"Speaker {i}", "return"))], CancellationToken.None);
            await engine.RefreshAsync(CancellationToken.None);
        }

        Searching.SearchQuery Query(string q) => new(q, "statement", null, null, null, null, null, null, null, null, null, Searching.SearchOrder.Relevance, [], 20, 0, DateTimeOffset.UtcNow.UtcTicks);
        var before = engine.Search(Query("reception return")).Hits.Select(h => h.Id).ToList();

        Assert.True(await engine.CompactAsync(atLeast: 4, CancellationToken.None));
        Assert.False(await engine.CompactAsync(atLeast: 2, CancellationToken.None));
        Assert.Equal(6, before.Count);
        Assert.Equal(before, engine.Search(Query("reception return")).Hits.Select(h => h.Id).ToList());
    }

    [Fact]
    public async Task A_retraction_delivered_twice_does_not_bring_the_retracted_hit_back_from_the_cache()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        using var engine = new Engine.SearchEngine(Engine.SearchReplica.New(), Engine.TextAnalysis.Load(), Glossary.QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new Engine.SearchOptions { IndexPath = Path.Combine(Path.GetTempPath(), $"idm-twice-{Guid.NewGuid():N}") }));
        await engine.RebuildAsync(_ => AsyncEnumerable.Empty<Engine.CatalogueItem>(), _ => { }, CancellationToken.None);
        // The service's own cache, on the fixture's Redis, as the search endpoint asks it.
        var cache = new Searching.HotQueryCache(fixture.Service.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Searching.HotQueryCache>.Instance);
        async Task<int> TotalAsync()
        {
            var query = new Searching.SearchQuery(marker, "statement", null, null, null, null, null, null, null, null, null, Searching.SearchOrder.Relevance, [], 20, 0, DateTimeOffset.UtcNow.UtcTicks);
            var (answer, _) = await cache.GetOrAddAsync(engine.Published, $"?q={marker}", () => JsonSerializer.SerializeToUtf8Bytes(engine.Search(query)));
            return JsonDocument.Parse(answer).RootElement.GetProperty("Total").GetInt32();
        }

        async Task TakeInAsync(Engine.IndexChange change)
        {
            await engine.ApplyAsync([change], CancellationToken.None);
            await engine.RefreshAsync(CancellationToken.None);
        }

        var statement = Statement($"Remittances should cost less {marker}.", "en", "Priya Nair", "remittances");
        var retraction = new Engine.StatementRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id);
        await TakeInAsync(new Engine.StatementChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, statement));
        Assert.Equal(1, await TotalAsync());
        await TakeInAsync(retraction);
        Assert.Equal(0, await TotalAsync());

        // The same event again, as a republished or retried message brings it.
        await TakeInAsync(retraction);

        Assert.Equal(0, await TotalAsync());
    }

    [Fact]
    public async Task When_redis_does_not_answer_in_time_the_cache_passes_the_index_answer_through()
    {
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"{fixture.RedisConnectionString},asyncTimeout=500");
        // A command that holds its connection until a key that never comes: whatever is sent after it waits behind it,
        // as behind a Redis too busy or too far away to answer, and times out.
        var held = redis.GetDatabase().ExecuteAsync("BLPOP", $"never:{Guid.NewGuid():N}", 0);
        var cache = new Searching.HotQueryCache(redis, Microsoft.Extensions.Logging.Abstractions.NullLogger<Searching.HotQueryCache>.Instance);

        var (answer, cached) = await cache.GetOrAddAsync(new Engine.IndexVersion("unanswered", 0), "?q=anything", () => "the index's answer"u8.ToArray());

        Assert.Equal("the index's answer"u8.ToArray(), answer);
        Assert.False(cached);
        await Assert.ThrowsAsync<StackExchange.Redis.RedisTimeoutException>(() => held);
    }

    [Fact]
    public async Task A_walk_through_the_pages_ends_at_the_depth_with_the_total_still_exact()
    {
        using var engine = new Engine.SearchEngine(Engine.SearchReplica.New(), Engine.TextAnalysis.Load(), Glossary.QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new Engine.SearchOptions { IndexPath = Path.Combine(Path.GetTempPath(), $"idm-depth-{Guid.NewGuid():N}"), MaxDepth = 5 }));
        await engine.RebuildAsync(_ => AsyncEnumerable.Empty<Engine.CatalogueItem>(), _ => { }, CancellationToken.None);
        await engine.ApplyAsync([.. Enumerable.Range(0, 8).Select(i => new Engine.StatementChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, Statement($"Statement {i}.", "en", $"Speaker {i}", "data")))],
            CancellationToken.None);
        await engine.RefreshAsync(CancellationToken.None);

        var seen = new List<string>();
        var totals = new List<int>();
        string? cursor = null;
        do
        {
            Assert.True(Paging.TryParsePosition(cursor, out _, out var position));
            var page = engine.Search(new Searching.SearchQuery(null, "statement", null, null, null, null, null, null, null, null, null, Searching.SearchOrder.Date, [], 2,
                int.Parse(position ?? "0", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.UtcTicks));
            seen.AddRange(page.Hits.Select(h => h.Id));
            totals.Add(page.Total);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // Pages of 2 up to the depth of 5: the last one holds the fifth match alone and offers no further cursor.
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal([8, 8, 8], totals);
    }

    [Fact]
    public async Task A_search_split_across_threads_answers_as_a_whole_one_does()
    {
        Engine.SearchEngine NewEngine(int splitFrom) => new(Engine.SearchReplica.New(), Engine.TextAnalysis.Load(), Glossary.QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new Engine.SearchOptions { IndexPath = Path.Combine(Path.GetTempPath(), $"idm-split-{Guid.NewGuid():N}"), SplitFrom = splitFrom, SplitInto = 3 }));
        using var split = NewEngine(splitFrom: 0);
        using var whole = NewEngine(splitFrom: int.MaxValue);
        string[] words = ["return", "reception", "labour", "border", "family", "health"];
        string[] themes = ["return", "protection", "labour-migration"];
        foreach (var engine in new[] { split, whole })
        {
            await engine.RebuildAsync(_ => AsyncEnumerable.Empty<Engine.CatalogueItem>(), _ => { }, CancellationToken.None);
        }

        StatementView Numbered(int n)
        {
            var text = $"On {words[n % 6]} {string.Join(' ', Enumerable.Repeat(words[n % 4], 1 + n % 3))} and {words[(n + 1) % 6]} in {n}.";
            return Statement(text, n % 5 == 0 ? "fr" : "en", $"Speaker {n % 7}", themes[n % 3]) with { Date = new DateOnly(2000 + n % 20, 1 + n % 12, 1) };
        }

        // Several refreshes, so the parts' ranges cross segment boundaries; word counts vary so scores differ.
        foreach (var batch in Enumerable.Range(0, 5))
        {
            var statements = Enumerable.Range(batch * 13, 13).Select(Numbered).ToList();
            foreach (var engine in new[] { split, whole })
            {
                await engine.ApplyAsync([.. statements.Select(s => new Engine.StatementChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, s))], CancellationToken.None);
                await engine.RefreshAsync(CancellationToken.None);
            }
        }

        Searching.SearchQuery Query(string? q, bool byDate = false, string? theme = null, int offset = 0) =>
            new(q, "statement", null, null, null, theme, null, null, null, null, null, byDate ? Searching.SearchOrder.Date : Searching.SearchOrder.Relevance, ["theme", "person", "language"], 10, offset, DateTimeOffset.UtcNow.UtcTicks);
        foreach (var query in new[] { Query("return"), Query("labour border"), Query("\"labour labour\""), Query("return", offset: 10), Query(null, theme: "protection"), Query("family", byDate: true) })
        {
            var (a, b) = (split.Search(query), whole.Search(query));
            Assert.True(a.Total > 0);
            Assert.Equal(b.Total, a.Total);
            Assert.Equal(b.Hits.Select(h => (h.Id, h.Score)), a.Hits.Select(h => (h.Id, h.Score)));
            Assert.Equal(b.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))), a.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Value, v.Count))));
        }
    }

    [Fact]
    public async Task Facet_counts_follow_the_filters_and_say_when_they_are_estimates()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var statements = Enumerable.Range(0, 8).Select(i => Statement($"Statement {i} {marker}.", i < 3 ? "fr" : "en", $"Person {i} {marker}", i < 6 ? "integration" : "health")).ToArray();
        await IndexAsync(statements);

        var french = await SearchAsync($"q={marker}&language=fr&facets=theme,language");
        var all = await SearchAsync($"q={marker}&facets=theme");

        Assert.Equal(3, french.GetProperty("total").GetInt32());
        Assert.False(french.GetProperty("facetsAreEstimates").GetBoolean());
        Assert.Equal(("integration", 3), Assert.Single(french.GetProperty("facets").GetProperty("theme").EnumerateArray().Select(v => (v.GetProperty("value").GetString(), v.GetProperty("count").GetInt32()))));
        Assert.Equal("fr", Assert.Single(french.GetProperty("facets").GetProperty("language").EnumerateArray()).GetProperty("value").GetString());
        // Past the bound the total stays exact and the counts are scaled from the matches counted.
        Assert.True(statements.Length > SearchFixture.ExactFacetBound);
        Assert.Equal(8, all.GetProperty("total").GetInt32());
        Assert.False(all.GetProperty("totalIsEstimate").GetBoolean());
        Assert.True(all.GetProperty("facetsAreEstimates").GetBoolean());
        var counts = all.GetProperty("facets").GetProperty("theme").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());
        Assert.InRange(counts, 6, 10);
    }

    [Fact]
    public async Task Suggestions_come_from_the_names_the_index_holds_and_leave_with_them()
    {
        var surname = $"Qzq{Guid.NewGuid():N}"[..9];
        var statement = Statement("Mobility is a fact of life.", "en", $"Noor {surname}", "labour-mobility");
        await IndexAsync(statement);
        async Task<List<string?>> LabelsAsync(string prefix) => (await _client.GetFromJsonAsync<JsonElement>($"/api/search/suggest?q={prefix}"))
            .EnumerateArray().Select(s => s.GetProperty("label").GetString()).ToList();

        Assert.Contains($"Noor {surname}", await LabelsAsync(surname[..6]));

        await fixture.Bus.Publish(new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with
        {
            Speaker = new SpeakerView($"nour-{surname.ToLowerInvariant()}", $"Nour {surname}", null),
        }));
        await Eventually.HoldsAsync(async () => await LabelsAsync(surname[..6]) is [var only] && only == $"Nour {surname}", "the corrected name alone to be suggested");

        await fixture.Bus.Publish(new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id));
        await Eventually.HoldsAsync(async () => (await LabelsAsync(surname[..6])).Count == 0, "the name to leave with its only statement");
    }

    [Fact]
    public async Task An_answer_asked_for_again_never_shows_a_corrected_or_retracted_statement()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var statement = Statement($"Borders should stay open {marker}.", "en", "Gil Pardo", "border-management");
        await IndexAsync(statement);
        var query = $"q={marker}&facets=theme";
        Assert.Equal(1, (await SearchAsync(query)).GetProperty("total").GetInt32());

        await fixture.Bus.Publish(new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Text = $"Borders should stay open and safe {marker}." }));
        await Eventually.HoldsAsync(async () => (await SearchAsync(query)).GetProperty("hits")[0].GetProperty("snippet").GetString()!.Contains("safe", StringComparison.Ordinal),
            "the corrected text");

        await fixture.Bus.Publish(new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id));
        await Eventually.HoldsAsync(async () => (await SearchAsync(query)).GetProperty("total").GetInt32() == 0, "the retraction");
    }

    [Fact]
    public async Task The_rebuild_command_builds_the_index_again_from_the_catalogue()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        // Catalogued while no event reached this replica (as when it was down or new).
        var missed = Statement($"Statement the replica never heard of {marker}.", "en", "Hana Sato", "data");
        lock (fixture.CatalogueStatements)
        {
            fixture.CatalogueStatements.Add(missed);
        }

        Assert.Equal(0, (await SearchAsync($"q={marker}")).GetProperty("total").GetInt32());
        using var admin = fixture.Service.CreateDefaultClient(new GatewaySigningHandler(role: "admin"));
        var response = await admin.PostAsync("/api/search/rebuild", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(async () => (await SearchAsync($"q={marker}")).GetProperty("total").GetInt32() == 1, "the rebuilt index");
        var status = await _client.GetFromJsonAsync<JsonElement>("/api/search/status");
        Assert.True(status.GetProperty("ready").GetBoolean());
        Assert.True(status.GetProperty("statements").GetInt32() >= fixture.CatalogueStatements.Count);
    }

    [Fact]
    public async Task Rebuilding_needs_the_admin_role()
    {
        using var contributor = fixture.Service.CreateDefaultClient(new GatewaySigningHandler(role: "contributor"));
        await ProblemAssert.IsProblemAsync(await contributor.PostAsync("/api/search/rebuild", null), HttpStatusCode.Forbidden);
    }

    private static DocumentView Document(string title, string text, string language, DateOnly published, string? duplicateOf = null) => new(
        $"doc_{Guid.NewGuid():N}", title, published, language, "press-release", "https://example.org/news", duplicateOf, null,
        [new EventView("imrf-2026", "International Migration Review Forum 2026")], [new OrganisationView("iom", "International Organization for Migration", "IOM")],
        [new SpeakerView("ines-alvarado", "Ines Alvarado", null)], ["climate-mobility"], [2], text, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Whole_documents_are_searched_by_title_and_text_with_the_same_filters()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var english = Document($"Planning relocation with dignity {marker}", $"Communities facing rising seas asked for support {marker}.", "en", new DateOnly(2026, 5, 6));
        var french = Document($"Mobilité climatique {marker}", $"Les communautés côtières demandent des voies régulières {marker}.", "fr", new DateOnly(2025, 3, 2));
        var duplicate = Document($"Planning relocation with dignity {marker}", $"Communities facing rising seas asked for support {marker}.", "en", new DateOnly(2026, 5, 6), duplicateOf: english.Id);
        foreach (var document in new[] { english, french, duplicate })
        {
            lock (fixture.CatalogueDocuments)
            {
                fixture.CatalogueDocuments.Add(document);
            }

            await fixture.Bus.Publish(new DocumentCatalogued(Guid.NewGuid(), DateTimeOffset.UtcNow, document));
        }

        await Eventually.HoldsAsync(async () => (await SearchAsync($"q={marker}&type=document")).GetProperty("total").GetInt32() == 2, "the documents");
        var relocation = await SearchAsync($"q=relocation {marker}&type=document");
        var regulieres = await SearchAsync($"q=regulieres {marker}&type=document&language=fr&person=ines-alvarado&event=imrf-2026&gcm=2&from=2025-01-01&facets=language");
        var statements = await SearchAsync($"q={marker}");

        var hit = Assert.Single(relocation.GetProperty("hits").EnumerateArray());
        Assert.Equal(english.Id, hit.GetProperty("id").GetString());
        Assert.Equal("document", hit.GetProperty("type").GetString());
        Assert.Equal(english.Title, hit.GetProperty("title").GetString());
        Assert.Contains("<mark>relocation</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal([french.Id], Ids(regulieres));
        Assert.Equal("fr", Assert.Single(regulieres.GetProperty("facets").GetProperty("language").EnumerateArray()).GetProperty("value").GetString());
        // Statements and documents are searched apart.
        Assert.Equal(0, statements.GetProperty("total").GetInt32());
    }
}
