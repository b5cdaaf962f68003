using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.Search.Tests;

[Collection(nameof(SearchCollection))]
public sealed partial class SearchTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    private static StatementView Statement(string text, string language, string speaker, string theme, string? eventSlug = null) => new(
        $"st_{Guid.NewGuid():N}", "quote", text, language, new DateOnly(2023, 10, 11),
        new SpeakerView(speaker.ToLowerInvariant().Replace(' ', '-'), speaker, "Delegate"), new OrganisationView("iom", "International Organization for Migration", "IOM"),
        new EventView(eventSlug ?? "idm-2023-geneva", "International Dialogue on Migration 2023, Geneva"), null,
        [theme], [5], new DocumentRefView($"doc_{Guid.NewGuid():N}", "Notes", null), new PassageView(0, text.Length));

    private async Task<JsonElement> SearchAsync(string query) => await _client.GetFromJsonAsync<JsonElement>($"/api/search?{query}");

    private async Task IndexAsync(params StatementView[] statements)
    {
        // The catalogue holds what it publishes: a rebuild from its export finds these again.
        lock (fixture.CatalogueStatements)
        {
            fixture.CatalogueStatements.AddRange(statements);
        }

        // As the catalogue publishes them: one event for each document's new statements.
        foreach (var document in statements.GroupBy(s => s.Document.Id))
        {
            await fixture.Bus.Publish(new StatementsPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, document.Key, [.. document]));
        }

        foreach (var statement in statements)
        {
            await Eventually.HoldsAsync(async () => (await SearchAsync($"q=\"{Uri.EscapeDataString(statement.Speaker!.Name)}\"")).GetProperty("total").GetInt32() > 0,
                $"{statement.Id} to be indexed");
        }
    }

    /// <summary>
    /// Waits until every correction published so far was handled: corrections are taken in order, so once a probe
    /// correction sent after them is searchable, they were too.
    /// </summary>
    private async Task CorrectionsHandledAsync()
    {
        var probe = $"zp{Guid.NewGuid():N}"[..10];
        var statement = Statement($"A probe {probe}.", "en", $"Probe {probe}", "data");
        await IndexAsync(statement);
        await fixture.Bus.Publish(new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Text = $"A probe, corrected {probe}." }));
        await Eventually.HoldsAsync(async () => (await SearchAsync($"q=corrected {probe}")).GetProperty("total").GetInt32() == 1, "the probe correction");
    }

    [Fact]
    public async Task An_english_query_finds_inflected_forms_and_marks_them_in_the_snippet()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(Statement($"Countries are widening labour pathways for seasonal workers {marker}.", "en", "Ines Alvarado", "labour-mobility"));

        var result = await SearchAsync($"q=pathway {marker}");

        var hit = Assert.Single(result.GetProperty("hits").EnumerateArray());
        Assert.Contains("<mark>pathways</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("ines-alvarado", hit.GetProperty("speaker").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task French_and_spanish_text_is_stemmed_in_its_own_language_and_accents_are_ignored()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"Les migrants climatiques méritent des voies régulières {marker}.", "fr", "Élodie Marchand", "climate-mobility"),
            Statement($"Los niños migrantes necesitan protección {marker}.", "es", "Joaquín Salas", "children-and-youth"));

        var french = await SearchAsync($"q=regulieres {marker}");
        var spanish = await SearchAsync($"q=nino {marker}");

        Assert.Equal("fr", Assert.Single(french.GetProperty("hits").EnumerateArray()).GetProperty("language").GetString());
        Assert.Equal("es", Assert.Single(spanish.GetProperty("hits").EnumerateArray()).GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_notion_asked_for_in_one_language_finds_it_in_the_other_two_through_the_glossary()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"Regularisation gives people a future here {marker}.", "en", "Ruth Abebe", "regular-pathways"),
            Statement($"La regularización de los trabajadores es urgente {marker}.", "es", "Paula Ríos", "regular-pathways"),
            Statement($"Le regroupement familial reste trop lent {marker}.", "fr", "Hugo Marin", "family-reunification"),
            Statement($"Seasonal work needs better wages {marker}.", "en", "Ravi Menon", "labour-migration"));

        var regularisation = await SearchAsync($"q=regularization {marker}");
        var reunification = await SearchAsync($"q=family reunification {marker}");
        var unrelated = await SearchAsync($"q=wages {marker}");

        Assert.Equal(["en", "es"], regularisation.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("language").GetString()).Order());
        Assert.Equal("fr", Assert.Single(reunification.GetProperty("hits").EnumerateArray()).GetProperty("language").GetString());
        Assert.Equal(1, unrelated.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_word_one_language_holds_as_a_stop_word_is_still_searched_in_the_others()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        // "eu" and "un" are French stop words, "sea", "un" and "estados" Spanish ones: each language's text is read without them.
        var eu = Statement($"The EU pact and the UN agree on the sea route {marker}.", "en", "Kim Eberhardt", "governance");
        var pact = Statement($"The pact was signed {marker}.", "en", $"Lars Pedersen {marker}", "governance");
        var estados = Statement($"Los Estados miembros firmaron {marker}.", "es", "Marta Gil", "governance");
        await IndexAsync(eu, pact, estados);

        async Task<List<string?>> IdsAsync(string query) =>
            [.. (await SearchAsync(query)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString())];

        Assert.Equal([eu.Id], await IdsAsync($"q=EU pact {marker}"));
        Assert.Equal([eu.Id], await IdsAsync($"q=\"EU pact\" {marker}"));
        Assert.Equal([eu.Id], await IdsAsync($"q=UN {marker}"));
        // A word a language drops, in lowercase beside others, is not asked of that language's text (Spanish drops "sea").
        Assert.Equal(new[] { eu.Id, estados.Id }.Order(), (await IdsAsync($"q=sea {marker}")).Order());
        Assert.Equal([estados.Id], await IdsAsync($"q=estados {marker}"));
        // Alone, such a word is no match-all: a statement without it is not found.
        Assert.Empty(await IdsAsync($"q=EU&person={pact.Speaker!.Slug}"));
        // Beside other words, a word a language drops is not asked of that language's text: that text was indexed without it.
        var inclusion = Statement($"Cities lead migrant inclusion {marker}.", "en", "Ines Duarte", "governance");
        await IndexAsync(inclusion);
        Assert.Equal([inclusion.Id], await IdsAsync($"q=inclusion of migrants {marker}"));
        Assert.Equal([inclusion.Id], await IdsAsync($"q=the inclusion {marker}"));
        // Only words the language asked for leaves out: nothing to search for, so nothing found rather than everything.
        Assert.Equal(0, (await SearchAsync("q=the of&language=en")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Excluded_words_phrases_and_facets_work_like_a_web_search()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"Detention must be the last resort {marker}.", "en", "Kofi Mensah", "detention-alternatives", "idm-2024-geneva"),
            Statement($"Detention of children must end {marker}.", "en", "Lena Vogel", "children-and-youth", "idm-2024-geneva"));

        var excluded = await SearchAsync($"q=detention -children {marker}&facets=theme,person");
        var phrase = await SearchAsync($"q=\"last resort\" {marker}");

        Assert.Equal(1, excluded.GetProperty("total").GetInt32());
        var themes = excluded.GetProperty("facets").GetProperty("theme").EnumerateArray().ToList();
        Assert.Equal("detention-alternatives", Assert.Single(themes).GetProperty("value").GetString());
        Assert.Equal("Kofi Mensah", Assert.Single(excluded.GetProperty("facets").GetProperty("person").EnumerateArray()).GetProperty("label").GetString());
        Assert.Equal(1, phrase.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_retracted_statement_is_no_longer_found()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var statement = Statement($"Remittances should cost less {marker}.", "en", "Priya Nair", "remittances");
        await IndexAsync(statement);

        await fixture.Bus.Publish(new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id));

        await Eventually.HoldsAsync(async () => (await SearchAsync($"q={marker}")).GetProperty("total").GetInt32() == 0, "the statement to leave the index");
    }

    [Fact]
    public async Task An_update_handled_after_a_retraction_does_not_bring_the_statement_back()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var statement = Statement($"Detention of children must end {marker}.", "en", "Tomas Lindqvist", "detention");
        await IndexAsync(statement);
        await fixture.Bus.Publish(new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Id));
        await Eventually.HoldsAsync(async () => (await SearchAsync($"q={marker}")).GetProperty("total").GetInt32() == 0, "the statement to leave the index");

        // A correction published before the retraction, redelivered or retried after it.
        var late = new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement with { Text = $"Detention of children must end now {marker}." });
        await fixture.Bus.Publish(late);
        await CorrectionsHandledAsync();

        Assert.Equal(0, (await SearchAsync($"q={marker}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OR_finds_either_word_and_each_filter_narrows_to_the_statements_it_names()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var remittances = Statement($"Remittances should cost under three percent {marker}.", "en", "Oren Tal", "remittances", "imrf-2022") with
        {
            Date = new DateOnly(2022, 5, 18),
            GcmObjectives = [20],
        };
        var pathways = Statement($"Pathways for students need portable visas {marker}.", "es", "Rosa Ibarra", "regular-pathways") with
        {
            Kind = "recommendation",
            Date = new DateOnly(2019, 10, 15),
            GcmObjectives = [5],
        };
        await IndexAsync(remittances, pathways);

        async Task<IEnumerable<string?>> IdsAsync(string query) =>
            (await SearchAsync($"q={marker}{query}")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString());

        Assert.Equal(2, (await SearchAsync($"q=remittances OR pathways {marker}")).GetProperty("total").GetInt32());
        Assert.Equal([remittances.Id], await IdsAsync("&person=oren-tal"));
        Assert.Equal([pathways.Id], await IdsAsync("&theme=regular-pathways"));
        Assert.Equal([remittances.Id], await IdsAsync("&event=imrf-2022"));
        Assert.Equal([remittances.Id], await IdsAsync("&gcm=20"));
        Assert.Equal([pathways.Id], await IdsAsync("&language=es"));
        Assert.Equal([pathways.Id], await IdsAsync("&kind=recommendation"));
        Assert.Equal([remittances.Id], await IdsAsync("&from=2020-01-01"));
        Assert.Equal([pathways.Id], await IdsAsync("&to=2020-01-01"));
        Assert.Empty(await IdsAsync("&person=oren-tal&language=es"));
    }

    [Fact]
    public async Task A_date_range_leaves_out_undated_statements_as_the_catalogue_does()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var dated = Statement($"Dated statement {marker}.", "en", "Ana Dias", "data") with { Date = new DateOnly(2011, 6, 1) };
        var undated = Statement($"Undated statement {marker}.", "en", "Ben Dahl", "data") with { Date = null };
        await IndexAsync(dated, undated);

        async Task<IEnumerable<string?>> IdsAsync(string query) =>
            (await SearchAsync($"q={marker}{query}")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString());

        Assert.Equal([dated.Id], await IdsAsync("&to=2011-12-31"));
        Assert.Equal([dated.Id], await IdsAsync("&from=2011-01-01"));
        Assert.Equal([dated.Id], await IdsAsync("&from=2011-01-01&to=2011-12-31&type=statement"));
        Assert.Equal(new[] { dated.Id, undated.Id }.Order(), (await IdsAsync(string.Empty)).Order());
        var feed = await _client.GetStringAsync($"/api/search/feed.atom?q={marker}&to=2011-12-31");
        Assert.DoesNotContain(undated.Id, feed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=x&gcm=0")]
    [InlineData("/api/search?gcm=99")]
    [InlineData("/api/search/feed.atom?gcm=0")]
    public async Task A_gcm_objective_that_does_not_exist_gets_400_problem_details_as_in_the_catalogue(string path) =>
        await ProblemAssert.IsProblemAsync(await _client.GetAsync(path), HttpStatusCode.BadRequest, "from 1 to 23");

    [Fact]
    public async Task A_person_or_organisation_filter_naming_a_merged_slug_finds_the_entity_it_was_merged_into()
    {
        var marker = $"zm{Guid.NewGuid():N}"[..10];
        var speaker = $"Ines Varga {marker}";
        var statement = Statement($"Consular protection must reach every worker abroad {marker}.", "en", speaker, "labour-migration") with
        {
            Organisation = new OrganisationView($"harbour-league-{marker}", "Harbour League", null),
        };
        // Indexed first under a spelling an editor then merged away: the catalogue sends the statement again, moved.
        await IndexAsync(statement with { Speaker = statement.Speaker! with { Slug = $"ines-varg-{marker}" } });
        await fixture.Bus.Publish(new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement));
        var (person, organisation) = (statement.Speaker!.Slug, statement.Organisation.Slug);
        await Eventually.HoldsAsync(async () => (await SearchAsync($"person={person}")).GetProperty("total").GetInt32() == 1, "the statement moved");
        fixture.CatalogueMerges[$"people/ines-varg-{marker}"] = $"ines-varga-h-{marker}";
        fixture.CatalogueMerges[$"people/ines-varga-h-{marker}"] = person;
        fixture.CatalogueMerges[$"organisations/harbour-leage-{marker}"] = organisation;

        async Task<IEnumerable<string?>> IdsAsync(string query) =>
            (await SearchAsync(query)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString());

        // Through two merges, as a slug merged into one later merged again.
        Assert.Equal([statement.Id], await IdsAsync($"person=ines-varg-{marker}"));
        Assert.Equal([statement.Id], await IdsAsync($"organisation=harbour-leage-{marker}&person={person}"));
        var feed = await _client.GetStringAsync($"/api/search/feed.atom?organisation=harbour-leage-{marker}");
        Assert.Contains(statement.Id, feed, StringComparison.Ordinal);

        // What was learnt is kept: the same filter again does not ask the catalogue.
        var asked = fixture.CatalogueEntityLookups;
        Assert.Equal([statement.Id], await IdsAsync($"person=ines-varg-{marker}&limit=5"));
        Assert.Equal(asked, fixture.CatalogueEntityLookups);

        // A slug nobody merged finds nothing, as before.
        Assert.Empty(await IdsAsync($"person=nobody-{marker}"));
    }

    [Fact]
    public async Task A_search_answered_while_the_catalogue_cannot_say_where_a_slug_went_is_not_served_once_it_can()
    {
        var marker = $"zm{Guid.NewGuid():N}"[..10];
        var statement = Statement($"Return must be voluntary {marker}.", "en", $"Olga Brandt {marker}", "return");
        await IndexAsync(statement);
        var old = $"people/olga-brant-{marker}";
        fixture.CatalogueMerges[old] = statement.Speaker!.Slug;
        fixture.CatalogueOutages[old] = true;
        var query = $"/api/search?person=olga-brant-{marker}";

        // While the catalogue is down the filter stays as asked and finds nothing; that answer is not kept.
        using var during = await _client.GetAsync(query);
        using var again = await _client.GetAsync(query);
        Assert.Equal(0, (await during.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        Assert.Equal("miss", again.Headers.GetValues("Search-Cache").Single());

        fixture.CatalogueOutages.TryRemove(old, out _);
        var after = await _client.GetFromJsonAsync<JsonElement>(query);
        Assert.Equal([statement.Id], after.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_statement_that_says_the_words_more_ranks_first()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        // The marker stands for the word searched: said once, or said three times.
        var once = Statement($"Our delegation spoke about many things, among them {marker} and the cost of moving.", "en", "Uma Rao", "climate-mobility");
        var often = Statement($"{marker} displacement is here: {marker} finance and {marker} adaptation must reach those who move.", "en", "Viktor Holm", "climate-mobility");
        await IndexAsync(once, often);

        var hits = (await SearchAsync($"q={marker}")).GetProperty("hits").EnumerateArray().ToList();

        Assert.Equal([often.Id, once.Id], hits.Select(h => h.GetProperty("id").GetString()));
        Assert.True(hits[0].GetProperty("score").GetDouble() > hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Markup_in_a_statement_is_escaped_in_its_snippet_and_only_the_marks_are_tags()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(Statement($"Quoting the banner <script>alert('x')</script> & the crowd: \"borders <b>kill</b>\" {marker}.", "en", "Wen Li", "border-management"));

        var snippet = Assert.Single((await SearchAsync($"q=banner {marker}")).GetProperty("hits").EnumerateArray()).GetProperty("snippet").GetString()!;

        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>banner</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_paginated_with_a_cursor()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"One {marker}.", "en", "Ada Quartey", "data"),
            Statement($"Two {marker}.", "en", "Ben Okoro", "data"),
            Statement($"Three {marker}.", "en", "Cleo Duarte", "data"));

        var first = await SearchAsync($"q={marker}&limit=2&sort=date");
        var second = await SearchAsync($"q={marker}&limit=2&sort=date&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("hits").GetArrayLength());
        Assert.Equal(1, second.GetProperty("hits").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("q=x&facets=colour")]
    [InlineData("q=x&sort=popularity")]
    [InlineData("q=x&cursor=@@@")]
    public async Task Bad_parameters_get_400_problem_details(string query) =>
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/search?{query}"), HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_query_of_more_words_than_the_limit_gets_400_problem_details_naming_it()
    {
        static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"w{i}"));

        // Over 1,024 words Lucene refused the query outright (TooManyClauses) and the answer was a 500.
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/search?q={Words(1_025)}"), HttpStatusCode.BadRequest, "at most 64 words");
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/search/feed.atom?q={Words(1_025)}"), HttpStatusCode.BadRequest, "at most 64 words");
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/search?q={Words(60)} \"{Words(5)}\""), HttpStatusCode.BadRequest, "at most 64 words");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/search?q={Words(63)} OR w1")).StatusCode);
    }

    [Theory]
    [InlineData("0|2147483647")]
    [InlineData("0|1000000000")]
    [InlineData("638000000000000000|10000")]
    public async Task A_cursor_past_the_depth_pages_reach_gets_400_problem_details(string position)
    {
        // Hand-made: the service never offers a cursor past the depth. Taken, the first overflowed and the second
        // would have ranked a billion matches to show twenty.
        var cursor = Paging.Encode(position);

        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/search?q=x&cursor={cursor}"), HttpStatusCode.BadRequest, "first 10000 matches");
    }

    [Fact]
    public async Task Names_are_suggested_from_their_first_letters_accents_ignored()
    {
        var surname = $"Vzq{Guid.NewGuid():N}"[..9];
        await IndexAsync(Statement("Mobility is a fact of life.", "en", $"Zoë {surname}", "labour-mobility"));

        var suggestions = await _client.GetFromJsonAsync<JsonElement>($"/api/search/suggest?q=zoe {surname[..5]}");

        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("type").GetString() == "person" && s.GetProperty("label").GetString() == $"Zoë {surname}");
    }

    [Fact]
    public async Task The_feed_keeps_to_the_dates_asked_for()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var older = Statement($"Older statement {marker}.", "en", "Ike Obi", "data") with { Date = new DateOnly(2019, 10, 15) };
        var newer = Statement($"Newer statement {marker}.", "en", "Jo Park", "data") with { Date = new DateOnly(2022, 5, 18) };
        await IndexAsync(older, newer);

        async Task<List<string>> EntriesAsync(string filters)
        {
            var feed = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync($"/api/search/feed.atom?q={marker}{filters}"));
            System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
            return [.. feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value.Split('/')[^1])];
        }

        Assert.Equal([newer.Id], await EntriesAsync("&from=2020-01-01"));
        Assert.Equal([older.Id], await EntriesAsync("&to=2020-01-01"));
        Assert.Equal([newer.Id, older.Id], await EntriesAsync(string.Empty));
    }

    [Fact]
    public async Task The_feed_lists_the_newest_catalogued_statements_first_whatever_their_own_date()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var recent = Statement($"Said last year, catalogued first {marker}.", "en", "Ada Price", "data") with { Date = new DateOnly(2024, 3, 1) };
        var old = Statement($"Said long ago, catalogued next {marker}.", "en", "Bo Lund", "data") with { Date = new DateOnly(2001, 3, 1) };
        var undated = Statement($"Never dated, catalogued last {marker}.", "en", "Cy Mora", "data") with { Date = null };
        foreach (var statement in new[] { recent, old, undated })
        {
            await IndexAsync(statement);
        }

        // A correction changes the statement, not when it entered the catalogue.
        await fixture.Bus.Publish(new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, recent with { Text = $"Said last year, catalogued first, corrected {marker}." }));
        await CorrectionsHandledAsync();

        var feed = System.Xml.Linq.XDocument.Parse(await _client.GetStringAsync($"/api/search/feed.atom?q={marker}"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal([undated.Id, old.Id, recent.Id], entries.Select(e => e.Element(atom + "id")!.Value.Split('/')[^1]));
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_in_a_query_or_a_statement_do_not_break_the_feed()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        // Text from a PDF keeps its page breaks (form feeds); other control characters come with odd sources.
        await IndexAsync(Statement($"The first page ends here.\fThe second \u0001begins {marker}.", "en", "Ama Owusu", "data"));

        async Task<System.Xml.Linq.XDocument> FeedAsync(string query)
        {
            var response = await _client.GetAsync($"/api/search/feed.atom?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = System.Xml.XmlReader.Create(await response.Content.ReadAsStreamAsync(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
            return System.Xml.Linq.XDocument.Load(reader);
        }

        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var found = await FeedAsync($"q={marker}");
        var asked = await FeedAsync("q=%01");

        Assert.NotNull(asked.Root!.Element(atom + "title"));
        var summary = Assert.Single(found.Root!.Elements(atom + "entry")).Element(atom + "summary")!.Value;
        Assert.Contains("ends here. The second  begins", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_can_be_followed_as_an_atom_feed_that_strict_parsers_and_feed_readers_accept()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        await IndexAsync(
            Statement($"Climate mobility needs planning {marker}.", "en", "Olu Adeyemi", "climate-mobility"),
            Statement($"Les villes accueillent {marker}.", "fr", "Claire Dubois", "integration"));

        // As the gateway forwards it: the public scheme and host, which every id and link must use.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/search/feed.atom?q={marker}");
        request.Headers.Add("X-Forwarded-Host", "idm.example.org");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        // A strict reader: the bytes as sent, their declared encoding, no DTDs; a wrong declaration throws here.
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(bytes), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var feed = System.Xml.Linq.XDocument.Load(reader);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("https://idm.example.org/api/search/feed.atom?q=", feed.Root.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.StartsWith("https://idm.example.org/api/catalogue/statements/", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Equal(["Olu Adeyemi", "Claire Dubois"], entries.Select(e => e.Element(atom + "author")!.Element(atom + "name")!.Value).Order().Reverse());
        Assert.Equal(entries.Max(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.Parse(feed.Root.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        // Asked again, nothing new: the same feed, to the byte.
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/search/feed.atom?q={marker}");
        again.Headers.Add("X-Forwarded-Host", "idm.example.org");
        again.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(bytes, await (await _client.SendAsync(again)).Content.ReadAsByteArrayAsync());

        // And the feed reader integrators use takes it whole.
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, bytes);
        var (exitCode, output) = await Conformance.RunAsync("node", "parse-feed.mjs", file);
        File.Delete(file);
        Assert.True(exitCode == 0, output);
        var parsed = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, parsed.GetProperty("items").GetArrayLength());
        Assert.All(parsed.GetProperty("items").EnumerateArray(), item => Assert.Single(item.GetProperty("authors").EnumerateArray()));
    }
}
