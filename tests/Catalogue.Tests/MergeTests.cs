using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdmPlatform.Catalogue.Tests;

/// <summary>An editor merges a person or an organisation into another: POST /api/catalogue/{people|organisations}/{slug}/merge.</summary>
[Collection(nameof(CatalogueCollection))]
public sealed class MergeTests(CatalogueFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    /// <summary>
    /// A document of one quote per (speaker, organisation) pair, naming these organisations and people. Every test
    /// names its own entities (a marker in each name), so merging them leaves the other tests' entities alone.
    /// </summary>
    private static DocumentIngested Document(OrganisationRef[] organisations, PersonRef[] people, params (string Speaker, string? Organisation)[] quotes)
    {
        var documentId = $"doc_{Guid.NewGuid():N}";
        var text = new StringBuilder();
        var statements = new List<IngestedStatement>();
        foreach (var (speaker, organisation) in quotes)
        {
            text.Append(speaker).Append(" said: \"");
            var quote = $"Quote {statements.Count} of {documentId}.";
            statements.Add(new IngestedStatement(statements.Count, "quote", quote, speaker, organisation, null, null, text.Length, text.Length + quote.Length, ["data"], [1]));
            text.Append(quote).Append("\" ");
        }

        return new DocumentIngested(
            Guid.NewGuid(), DateTimeOffset.UtcNow, documentId, "job_test", $"sha256:{documentId}", "Merge notes",
            new DateOnly(2024, 5, 21), "en", "summary", "https://example.org/merge", text.ToString(), null, null,
            [new EventRef("idm-2024-new-york", "International Dialogue on Migration 2024, New York", new DateOnly(2024, 5, 21), new DateOnly(2024, 5, 22))],
            organisations, people, ["data"], [1], statements);
    }

    private async Task<JsonElement[]> StatementsAsync(string query) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?{query}&limit=100")).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>
    /// Checks that a, merged into b, has left the entity list and that its page answers 301 to b's; gives b's
    /// statement count in the list.
    /// </summary>
    private async Task<int> MergedAwayAsync(string entities, string a, string b)
    {
        var listed = await ListedAsync(entities);
        Assert.DoesNotContain(a, listed.Keys);
        var old = await _client.GetAsync($"/api/catalogue/{entities}/{a}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/api/catalogue/{entities}/{b}", old.Headers.Location?.OriginalString);
        return listed[b];
    }

    /// <summary>Every slug of the entity list with its statement count, walking all its pages.</summary>
    private async Task<Dictionary<string, int>> ListedAsync(string entities)
    {
        var listed = new Dictionary<string, int>();
        string? cursor = null;
        do
        {
            var page = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/{entities}?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                listed[item.GetProperty("slug").GetString()!] = item.GetProperty("statementCount").GetInt32();
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return listed;
    }

    private Task<HttpResponseMessage> MergeAsync(string entities, string slug, object body) =>
        _client.PostAsJsonAsync($"/api/catalogue/{entities}/{slug}/merge", body);

    private static string SpeakerOf(JsonElement statement) => statement.GetProperty("speaker").GetProperty("slug").GetString()!;

    private static string OrganisationOf(JsonElement statement) => statement.GetProperty("organisation").GetProperty("slug").GetString()!;

    [Fact]
    public async Task Merging_a_person_into_another_moves_their_statements_and_documents_and_the_old_slug_answers_301()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var (nameA, nameB) = ($"Ana Lima {marker}", $"Ana Lima Souza {marker}");
        var (a, b) = ($"ana-lima-{marker}", $"ana-lima-souza-{marker}");
        // One document names both (its entity rows would collide on the primary key), the other only A.
        var both = Document([], [new PersonRef(nameA, "Delegate of Brazil", null), new PersonRef(nameB, null, null)], (nameA, null), (nameB, null));
        var onlyA = Document([], [new PersonRef(nameA, "Delegate of Brazil", null)], (nameA, null));
        await fixture.Bus.Publish(both);
        await fixture.Bus.Publish(onlyA);
        await WaitForAsync(both);
        await WaitForAsync(onlyA);
        var movedIds = (await StatementsAsync($"person={a}")).Select(s => s.GetProperty("id").GetString()!).ToArray();
        var ids = movedIds.Concat((await StatementsAsync($"person={b}")).Select(s => s.GetProperty("id").GetString()!)).Order().ToArray();
        Assert.Equal(2, movedIds.Length);
        Assert.Equal(3, ids.Length);

        var response = await MergeAsync("people", a, new { into = b });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(await _client.GetStringAsync($"/api/catalogue/people/{b}"), body); // the merged entity, as its GET shows it
        var merged = JsonDocument.Parse(body).RootElement;
        Assert.Equal(b, merged.GetProperty("slug").GetString());
        Assert.Equal("Delegate of Brazil", merged.GetProperty("detail").GetString()); // B had no role: A's is taken
        Assert.Equal(ids, merged.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.All(merged.GetProperty("statements").EnumerateArray(), s => Assert.Equal(b, SpeakerOf(s)));

        // The list shows one of them, with all the statements; the old page answers 301 to the new one; a filter by the
        // old slug means the new one.
        Assert.Equal(3, await MergedAwayAsync("people", a, b));
        Assert.Equal(ids, (await StatementsAsync($"person={a}")).Select(s => s.GetProperty("id").GetString()!).Order());
        Assert.All(await StatementsAsync($"person={a}"), s => Assert.Equal(b, SpeakerOf(s)));

        // Each document names B once, and A no more.
        foreach (var document in new[] { both, onlyA })
        {
            var shown = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/documents/{document.DocumentId}");
            Assert.Equal([b], shown.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        }

        // Search and subscribers hear of each moved statement as of a correction (B's own did not change).
        await Eventually.HoldsAsync(() => Task.FromResult(movedIds.All(id => fixture.Updated.Any(u => u.Statement.Id == id && u.Statement.Speaker?.Slug == b))),
            "a StatementUpdated with the new speaker for each moved statement");
        await Eventually.HoldsAsync(() => Task.FromResult(new[] { both, onlyA }.All(d => fixture.Catalogued.Any(c => c.Document.Id == d.DocumentId && c.Document.People.Select(p => p.Slug).SequenceEqual([b])))),
            "each document that named A catalogued again, naming B");
        // And whoever keeps A's slug in a filter of their own (a subscription) hears that it now means B.
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Merged.Any(m => m is { Kind: "person" } && m.From == a && m.Into == b)), "the merge announced");

        // A's name, seen again in a new document, is B.
        var later = Document([], [new PersonRef(nameA, null, null)], (nameA, null));
        await fixture.Bus.Publish(later);
        var again = await WaitForAsync(later);
        Assert.Equal(b, SpeakerOf(Assert.Single(again)));
        Assert.DoesNotContain(a, (await ListedAsync("people")).Keys);

        // Merging A again is a conflict that says where it went; so is merging into it.
        await ProblemAssert.IsProblemAsync(await MergeAsync("people", a, new { into = b }), HttpStatusCode.Conflict, b);
        await ProblemAssert.IsProblemAsync(await MergeAsync("people", b, new { into = a }), HttpStatusCode.Conflict, b);
    }

    [Fact]
    public async Task Merging_an_organisation_into_another_moves_its_statements_and_people_and_keeps_an_acronym()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        // A is known by its acronym (its slug comes from it); B has none, so it takes A's.
        var (nameA, acronymA, nameB) = ($"Alpha Agency {marker}", $"AA{marker}", $"Beta Bureau {marker}");
        var (a, b) = ($"aa{marker}", $"beta-bureau-{marker}");
        var speaker = $"Omar Said {marker}";
        var document = Document(
            [new OrganisationRef(nameA, acronymA), new OrganisationRef(nameB, null)],
            [new PersonRef(speaker, "Adviser", acronymA)],
            (speaker, null), (speaker, nameB));
        await fixture.Bus.Publish(document);
        var statements = await WaitForAsync(document);
        Assert.Equal([a, b], statements.Select(OrganisationOf).Order());
        var moved = statements.Single(s => OrganisationOf(s) == a).GetProperty("id").GetString()!;

        var response = await MergeAsync("organisations", a, new { into = b });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var merged = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(b, merged.GetProperty("slug").GetString());
        Assert.Equal(nameB, merged.GetProperty("name").GetString());
        Assert.Equal(acronymA, merged.GetProperty("detail").GetString());
        Assert.Equal(2, merged.GetProperty("statements").GetArrayLength());
        Assert.All(await WaitForAsync(document), s => Assert.Equal(b, OrganisationOf(s)));

        Assert.Equal(2, await MergedAwayAsync("organisations", a, b));
        Assert.Equal(2, (await StatementsAsync($"organisation={a}&document={document.DocumentId}")).Length);
        var shown = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/documents/{document.DocumentId}");
        Assert.Equal([b], shown.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("slug").GetString()));
        Assert.Equal(b, shown.GetProperty("people").EnumerateArray().Single().GetProperty("organisation").GetString());
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Updated.Any(u => u.Statement.Id == moved && u.Statement.Organisation?.Slug == b)),
            "a StatementUpdated with the new organisation");

        // B, which now has an acronym, keeps it when merged on; A's acronym seen again is B.
        var later = Document([new OrganisationRef(nameA, acronymA)], [], (speaker, acronymA));
        await fixture.Bus.Publish(later);
        Assert.Equal(b, OrganisationOf(Assert.Single(await WaitForAsync(later))));
        await ProblemAssert.IsProblemAsync(await MergeAsync("organisations", a, new { into = b }), HttpStatusCode.Conflict, b);
    }

    [Theory]
    [InlineData("{}", "into")]
    [InlineData("{\"into\": null}", "into")]
    [InlineData("{\"into\": \"  \"}", "into")]
    [InlineData("{\"into\": \"SELF\"}", "another")]
    public async Task A_merge_without_into_or_into_itself_is_a_400_problem_and_changes_nothing(string json, string detail)
    {
        var (a, b) = await TwoPeopleAsync();
        using var content = new StringContent(json.Replace("SELF", a, StringComparison.Ordinal), Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PostAsync($"/api/catalogue/people/{a}/merge", content), HttpStatusCode.BadRequest, detail);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/catalogue/people/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/catalogue/people/{b}")).StatusCode);
    }

    [Fact]
    public async Task A_merge_of_or_into_an_unknown_slug_is_a_404_problem_naming_it_and_changes_nothing()
    {
        var (a, _) = await TwoPeopleAsync();

        await ProblemAssert.IsProblemAsync(await MergeAsync("people", "no-such-person", new { into = a }), HttpStatusCode.NotFound, "no-such-person");
        await ProblemAssert.IsProblemAsync(await MergeAsync("people", a, new { into = "no-such-person" }), HttpStatusCode.NotFound, "no-such-person");
        await ProblemAssert.IsProblemAsync(await MergeAsync("organisations", "no-such-organisation", new { into = "iom" }), HttpStatusCode.NotFound, "no-such-organisation");

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/catalogue/people/{a}")).StatusCode);
        Assert.Contains(a, (await ListedAsync("people")).Keys);
    }

    [Fact]
    public async Task A_merge_that_did_not_come_through_the_gateway_is_refused()
    {
        var (a, b) = await TwoPeopleAsync();
        using var direct = fixture.Service.CreateClient();

        await ProblemAssert.IsProblemAsync(await direct.PostAsJsonAsync($"/api/catalogue/people/{a}/merge", new { into = b }), HttpStatusCode.Forbidden, "gateway");

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/catalogue/people/{a}")).StatusCode);
    }

    [Fact]
    public async Task A_name_ingested_while_its_merge_is_under_way_lands_on_the_person_it_was_merged_into()
    {
        var (a, b) = await TwoPeopleAsync();
        var nameA = (await StatementsAsync($"person={a}"))[0].GetProperty("speaker").GetProperty("name").GetString()!;
        var dataSource = fixture.Service.Services.GetRequiredService<NpgsqlDataSource>();

        // Another session holds A's row, so that the merge, and then a document naming A, queue up behind it.
        await using var other = await dataSource.OpenConnectionAsync();
        await using var hold = await other.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT 1 FROM people WHERE slug = @slug FOR UPDATE", other, hold))
        {
            command.Parameters.AddWithValue("slug", a);
            await command.ExecuteNonQueryAsync();
        }

        async Task<bool> WaitingAsync(int sessions)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
            return (long)(await command.ExecuteScalarAsync())! >= sessions;
        }

        var merge = MergeAsync("people", a, new { into = b });
        await Eventually.HoldsAsync(() => WaitingAsync(1), "the merge to wait for A's row");
        var later = Document([], [], (nameA, null));
        await fixture.Bus.Publish(later);
        await Eventually.HoldsAsync(() => WaitingAsync(2), "the document naming A to wait too");
        await hold.CommitAsync();

        Assert.Equal(HttpStatusCode.OK, (await merge).StatusCode);
        Assert.Equal(b, SpeakerOf(Assert.Single(await WaitForAsync(later))));
        await MergedAwayAsync("people", a, b);
    }

    /// <summary>Two people of their own, each with a statement; their slugs.</summary>
    private async Task<(string A, string B)> TwoPeopleAsync()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var document = Document([], [], ($"First Person {marker}", null), ($"Second Person {marker}", null));
        await fixture.Bus.Publish(document);
        await WaitForAsync(document);
        return ($"first-person-{marker}", $"second-person-{marker}");
    }

    private async Task<JsonElement[]> WaitForAsync(DocumentIngested document) =>
        await Eventually.ReturnsAsync(async () => await StatementsAsync($"document={document.DocumentId}") is var found && found.Length == document.Statements.Count ? found : null,
            $"the statements of {document.DocumentId}");
}
