using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;

namespace IdmPlatform.Catalogue.Tests;

[Collection(nameof(CatalogueCollection))]
public sealed class CatalogueTests(CatalogueFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    /// <summary>A small ingested document written for these tests: two quotes by two speakers at one event.</summary>
    private static DocumentIngested Document(string? duplicateOf = null, string secondSpeaker = "Tomás Ribeiro", string secondTheme = "regular-pathways")
    {
        var documentId = $"doc_{Guid.NewGuid():N}";
        const string text = "Opening the session, Mira Haddad said: \"Data saves lives.\" Later, Tomás Ribeiro replied: \"Pathways must widen.\"";
        return new DocumentIngested(
            Guid.NewGuid(), DateTimeOffset.UtcNow, documentId, "job_test", $"sha256:{documentId}", "Session notes",
            new DateOnly(2024, 5, 21), "en", "summary", "https://example.org/notes", text, duplicateOf, null,
            [new EventRef("idm-2024-new-york", "International Dialogue on Migration 2024, New York", new DateOnly(2024, 5, 21), new DateOnly(2024, 5, 22))],
            [new OrganisationRef("International Organization for Migration", "IOM")],
            [new PersonRef("Mira Haddad", "Director of Data", "IOM"), new PersonRef(secondSpeaker, "Youth delegate", null)],
            ["data", secondTheme], [1, 5],
            [
                new IngestedStatement(0, "quote", "Data saves lives.", "Mira Haddad", null, null, null, text.IndexOf("Data", StringComparison.Ordinal), text.IndexOf("lives.", StringComparison.Ordinal) + 6, ["data"], [1]),
                new IngestedStatement(1, "quote", "Pathways must widen.", secondSpeaker, null, null, null, text.IndexOf("Pathways", StringComparison.Ordinal), text.IndexOf("widen.", StringComparison.Ordinal) + 6, [secondTheme], [5]),
            ]);
    }

    private async Task<JsonElement[]> StatementsOfAsync(string documentId)
    {
        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?document={documentId}");
        return page.GetProperty("items").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task An_ingested_document_is_catalogued_with_its_speakers_event_and_passages()
    {
        var document = Document();
        await fixture.Bus.Publish(document);

        var statements = await Eventually.ReturnsAsync(async () => await StatementsOfAsync(document.DocumentId) is { Length: 2 } found ? found : null,
            "the statements to be catalogued");

        var mira = statements.Single(s => s.GetProperty("speaker").GetProperty("slug").GetString() == "mira-haddad");
        Assert.Equal("Data saves lives.", mira.GetProperty("text").GetString());
        Assert.Equal("iom", mira.GetProperty("organisation").GetProperty("slug").GetString());
        Assert.Equal("idm-2024-new-york", mira.GetProperty("event").GetProperty("slug").GetString());
        var passage = mira.GetProperty("passage");
        Assert.Equal("Data saves lives.", document.Text[passage.GetProperty("start").GetInt32()..passage.GetProperty("end").GetInt32()]);
        var tomas = statements.Single(s => s.GetProperty("speaker").GetProperty("slug").GetString() == "tomas-ribeiro");
        Assert.Equal("Tomás Ribeiro", tomas.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_documents_new_statements_are_published_once_together_even_when_the_event_is_delivered_twice()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        await fixture.Bus.Publish(document);

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Published.Any(p => p.DocumentId == document.DocumentId)),
            "the document's StatementsPublished");
        var probe = Document();
        await fixture.Bus.Publish(probe);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Published.Any(p => p.DocumentId == probe.DocumentId)),
            "the events of a later document, which the relay publishes after the first");

        var published = Assert.Single(fixture.Published, p => p.DocumentId == document.DocumentId);
        Assert.Equal(["Data saves lives.", "Pathways must widen."], published.Statements.Select(s => s.Text));
        Assert.All(published.Statements, s => Assert.Equal(document.DocumentId, s.Document.Id));
        Assert.Equal(2, (await StatementsOfAsync(document.DocumentId)).Length);
    }

    [Fact]
    public async Task Speakers_named_only_in_other_scripts_stay_different_people()
    {
        var greek = Document(secondSpeaker: "Νίκος Παππάς");
        var chinese = Document(secondSpeaker: "王毅");
        await fixture.Bus.Publish(greek);
        await fixture.Bus.Publish(chinese);

        async Task<JsonElement> SecondSpeakerAsync(DocumentIngested document) =>
            (await Eventually.ReturnsAsync(async () => await StatementsOfAsync(document.DocumentId) is { Length: 2 } found ? found : null, "the statements"))
                .Single(s => s.GetProperty("text").GetString() == "Pathways must widen.").GetProperty("speaker");
        var nikos = await SecondSpeakerAsync(greek);
        var wang = await SecondSpeakerAsync(chinese);

        Assert.Equal("Νίκος Παππάς", nikos.GetProperty("name").GetString());
        Assert.Equal("王毅", wang.GetProperty("name").GetString());
        Assert.NotEqual(nikos.GetProperty("slug").GetString(), wang.GetProperty("slug").GetString());
        var person = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/people/{Uri.EscapeDataString(wang.GetProperty("slug").GetString()!)}");
        Assert.Equal("王毅", person.GetProperty("name").GetString());
    }

    /// <summary>The same document again under a new id, as ingestion reports a near-duplicate of <paramref name="original"/>.</summary>
    private static DocumentIngested DuplicateOf(DocumentIngested original)
    {
        var documentId = $"doc_{Guid.NewGuid():N}";
        return original with { EventId = Guid.NewGuid(), DocumentId = documentId, ContentHash = $"sha256:{documentId}", DuplicateOf = original.DocumentId };
    }

    /// <summary>Waits until the catalogue holds the document, and returns it as GET /documents/{id} answers.</summary>
    private async Task<JsonElement> CataloguedDocumentAsync(string documentId)
    {
        var url = $"/api/catalogue/documents/{documentId}";
        await Eventually.HoldsAsync(async () => (await _client.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"document {documentId} to be catalogued");
        return await _client.GetFromJsonAsync<JsonElement>(url);
    }

    [Fact]
    public async Task A_duplicate_document_is_catalogued_without_alerting_anyone()
    {
        var original = Document();
        var duplicate = Document(duplicateOf: original.DocumentId);
        await fixture.Bus.Publish(duplicate);
        await CataloguedDocumentAsync(duplicate.DocumentId);
        var probe = Document();
        await fixture.Bus.Publish(probe);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Published.Any(p => p.DocumentId == probe.DocumentId)), "a later document's events");

        Assert.DoesNotContain(fixture.Published, p => p.DocumentId == duplicate.DocumentId);
    }

    [Fact]
    public async Task A_duplicate_documents_statements_are_its_originals_said_again_and_are_not_listed_counted_or_found_beside_them()
    {
        var marker = Guid.NewGuid().ToString("N");
        var original = Document(secondSpeaker: $"Speaker {marker}", secondTheme: $"theme-{marker}");
        var duplicate = DuplicateOf(original);
        await fixture.Bus.Publish(original);
        await fixture.Bus.Publish(duplicate);
        var originals = await Eventually.ReturnsAsync(async () => await StatementsOfAsync(original.DocumentId) is { Length: 2 } found ? found : null, "the original's statements");
        var shown = await CataloguedDocumentAsync(duplicate.DocumentId);
        var quote = originals.Single(s => s.GetProperty("speaker").GetProperty("slug").GetString() == $"speaker-{marker}").GetProperty("id").GetString();
        var again = Microsoft.Extensions.Hosting.Ids.FromKey("st", $"{duplicate.DocumentId}/1");

        // The duplicate stays a document that says of which original, with its text, but shows no statements of its own.
        Assert.Equal(original.DocumentId, shown.GetProperty("duplicateOf").GetString());
        Assert.Equal(original.Text, shown.GetProperty("text").GetString());
        Assert.Equal(0, shown.GetProperty("statements").GetArrayLength());
        Assert.Empty(await StatementsOfAsync(duplicate.DocumentId));

        // Everywhere the quote is listed or counted, it is there once: the original's.
        var byPerson = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?person=speaker-{marker}");
        Assert.Equal([quote], byPerson.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var byTheme = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?theme=theme-{marker}");
        Assert.Equal([quote], byTheme.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var person = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/people/speaker-{marker}");
        Assert.Equal([quote], person.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(1, await StatementCountAsync("people", $"speaker-{marker}"));
        var themes = await _client.GetFromJsonAsync<JsonElement>("/api/catalogue/themes");
        Assert.Equal(1, themes.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == $"theme-{marker}").GetProperty("statementCount").GetInt32());

        // Nor is the duplicate's copy found, corrected or retracted on its own: it was never published, so nothing may announce it.
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/catalogue/statements/{again}"), HttpStatusCode.NotFound, again);
        await ProblemAssert.IsProblemAsync(await _client.PatchAsJsonAsync($"/api/catalogue/statements/{again}", new { themes = new[] { "youth" } }), HttpStatusCode.NotFound, again);
        await ProblemAssert.IsProblemAsync(await _client.DeleteAsync($"/api/catalogue/statements/{again}"), HttpStatusCode.NotFound, again);
    }

    /// <summary>The statement count the entity list gives <paramref name="slug"/>, walking its pages to it.</summary>
    private async Task<int> StatementCountAsync(string entities, string slug)
    {
        string? cursor = null;
        do
        {
            var page = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/{entities}?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            foreach (var item in page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("slug").GetString() == slug))
            {
                return item.GetProperty("statementCount").GetInt32();
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        throw new InvalidOperationException($"{slug} is not among the {entities}.");
    }

    /// <summary>Publishes a document of two statements and waits until the catalogue lists them; the first one's id.</summary>
    private async Task<(DocumentIngested Document, string FirstStatementId)> CatalogueOneDocumentAsync()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        var statements = await Eventually.ReturnsAsync(async () => await StatementsOfAsync(document.DocumentId) is { Length: 2 } found ? found : null, "the statements");
        return (document, statements[0].GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_retracted_statement_leaves_the_catalogue_and_its_retraction_is_published()
    {
        var (document, id) = await CatalogueOneDocumentAsync();

        var response = await _client.DeleteAsync($"/api/catalogue/statements/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAssert.IsProblemAsync(await _client.GetAsync($"/api/catalogue/statements/{id}"), HttpStatusCode.NotFound, id);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Retracted.Any(r => r.StatementId == id)), "the retraction event");
    }

    [Fact]
    public async Task Statements_filter_by_person_and_the_document_shows_its_entities_and_text()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        await Eventually.ReturnsAsync(async () => await StatementsOfAsync(document.DocumentId) is { Length: 2 } found ? found : null, "the statements");

        var byPerson = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?person=mira-haddad&document={document.DocumentId}");
        var full = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/documents/{document.DocumentId}");

        Assert.Single(byPerson.GetProperty("items").EnumerateArray());
        Assert.Equal(document.Text, full.GetProperty("text").GetString());
        Assert.Contains(full.GetProperty("people").EnumerateArray(), p => p.GetProperty("slug").GetString() == "tomas-ribeiro");
        Assert.Equal(2, full.GetProperty("statements").GetArrayLength());
    }

    [Fact]
    public async Task A_documents_people_say_which_organisation_each_speaks_for_in_it()
    {
        var (document, _) = await CatalogueOneDocumentAsync();
        async Task<JsonElement> PersonAsync(string slug) =>
            (await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/documents/{document.DocumentId}"))
                .GetProperty("people").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug);

        Assert.Equal("iom", (await PersonAsync("mira-haddad")).GetProperty("organisation").GetString());
        Assert.Equal(JsonValueKind.Null, (await PersonAsync("tomas-ribeiro")).GetProperty("organisation").ValueKind);

        // An editor's attribution of the statement is what the document then says.
        var tomas = (await StatementsOfAsync(document.DocumentId)).Single(s => s.GetProperty("speaker").GetProperty("slug").GetString() == "tomas-ribeiro");
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsJsonAsync($"/api/catalogue/statements/{tomas.GetProperty("id").GetString()}",
            new { organisation = "UN Network on Migration" })).StatusCode);
        Assert.Equal("un-network-on-migration", (await PersonAsync("tomas-ribeiro")).GetProperty("organisation").GetString());
        Assert.Equal("Youth delegate", (await PersonAsync("tomas-ribeiro")).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("/api/catalogue/statements?gcm=24")]
    [InlineData("/api/catalogue/statements?cursor=@@@")]
    public async Task Bad_queries_get_400_problem_details(string url) =>
        await ProblemAssert.IsProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);

    [Fact]
    public async Task The_gcm_objectives_are_the_twenty_three_of_the_compact()
    {
        var objectives = await _client.GetFromJsonAsync<JsonElement>("/api/catalogue/gcm-objectives");

        Assert.Equal(Enumerable.Range(1, 23), objectives.EnumerateArray().Select(o => o.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task An_organisation_named_by_its_full_name_without_its_acronym_is_the_one_known_by_both()
    {
        var (_, id) = await CatalogueOneDocumentAsync();

        // An editor's correction, in another case or by the acronym alone.
        foreach (var named in new[] { "International Organization for Migration", "international organization for migration", "IOM" })
        {
            var response = await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { organisation = named });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("iom", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisation").GetProperty("slug").GetString());
        }

        // A document whose extraction found the name but not the acronym.
        var withoutAcronym = Document() with { Organisations = [new OrganisationRef("International Organization for Migration", null)] };
        await fixture.Bus.Publish(withoutAcronym);
        var shown = await CataloguedDocumentAsync(withoutAcronym.DocumentId);
        Assert.Equal(["iom"], shown.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("slug").GetString()));

        await ProblemAssert.IsProblemAsync(await _client.GetAsync("/api/catalogue/organisations/international-organization-for-migration"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_page_shows_their_roles_over_time_and_an_event_page_its_panels()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var (name, eventSlug) = ($"Lena Okafor {marker}", $"idm-{marker}");
        var idm = new EventRef(eventSlug, $"International Dialogue on Migration {marker}", new DateOnly(2023, 3, 28), new DateOnly(2023, 3, 29));
        DocumentIngested Said(DateOnly on, string role, string organisation, string? panel)
        {
            var documentId = $"doc_{Guid.NewGuid():N}";
            var text = $"{name} said: \"Quote of {documentId}.\"";
            var quote = $"Quote of {documentId}.";
            return new DocumentIngested(
                Guid.NewGuid(), DateTimeOffset.UtcNow, documentId, "job_test", $"sha256:{documentId}", "Remarks", on, "en", "speech",
                "https://example.org/remarks", text, null, null, [idm], [new OrganisationRef(organisation, null)], [new PersonRef(name, role, organisation)],
                [], [], [new IngestedStatement(0, "quote", quote, name, organisation, eventSlug, panel, text.IndexOf(quote, StringComparison.Ordinal), text.IndexOf(quote, StringComparison.Ordinal) + quote.Length, [], [])]);
        }

        var documents = new[]
        {
            Said(new DateOnly(2023, 3, 28), "Minister of Labour", $"Government of Ghana {marker}", "Panel 1: Labour mobility"),
            Said(new DateOnly(2023, 3, 29), "Minister of Labour", $"Government of Ghana {marker}", "Panel 2: Data"),
            Said(new DateOnly(2024, 5, 2), "Special Envoy on Migration", $"African Union {marker}", null),
        };
        foreach (var document in documents)
        {
            await fixture.Bus.Publish(document);
        }

        var slug = $"lena-okafor-{marker}";
        await Eventually.HoldsAsync(async () => await _client.GetAsync($"/api/catalogue/people/{slug}") is { StatusCode: HttpStatusCode.OK } found
            && (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statements").GetArrayLength() == 3, "the person's three statements");
        var person = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/people/{slug}");

        Assert.Equal([(2023, 2), (2024, 1)], person.GetProperty("statementsByYear").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("statementCount").GetInt32())));
        var roles = person.GetProperty("roles").EnumerateArray().Select(r => (r.GetProperty("role").GetString(), r.GetProperty("organisation").GetString(),
            r.GetProperty("from").GetString(), r.GetProperty("to").GetString(), r.GetProperty("statementCount").GetInt32())).ToArray();
        Assert.Equal([("Minister of Labour", $"government-of-ghana-{marker}", "2023-03-28", "2023-03-29", 2), ("Special Envoy on Migration", $"african-union-{marker}", "2024-05-02", "2024-05-02", 1)], roles);

        var shown = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/events/{eventSlug}");
        Assert.Equal([("Panel 1: Labour mobility", 1), ("Panel 2: Data", 1)], shown.GetProperty("panels").EnumerateArray().Select(p => (p.GetProperty("panel").GetString(), p.GetProperty("statementCount").GetInt32())));
        Assert.Equal([(2023, 2), (2024, 1)], shown.GetProperty("statementsByYear").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("statementCount").GetInt32())));
    }

    [Fact]
    public async Task An_editor_correction_changes_the_statement_and_is_published_as_an_update()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        var statements = await Eventually.ReturnsAsync(async () => await StatementsOfAsync(document.DocumentId) is { Length: 2 } found ? found : null, "the statements");
        var id = statements.Single(s => s.GetProperty("speaker").GetProperty("slug").GetString() == "tomas-ribeiro").GetProperty("id").GetString()!;

        var response = await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}",
            new { speaker = "Tomas Ribeiro Costa", speakerRole = "Youth delegate, Brazil", themes = new[] { "youth" }, gcmObjectives = new[] { 5, 16 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements/{id}");
        Assert.Equal("tomas-ribeiro-costa", corrected.GetProperty("speaker").GetProperty("slug").GetString());
        Assert.Equal([5, 16], corrected.GetProperty("gcmObjectives").EnumerateArray().Select(n => n.GetInt32()));
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Updated.Any(u => u.Statement.Id == id && u.Statement.Speaker!.Slug == "tomas-ribeiro-costa")),
            "the StatementUpdated event");
        await ProblemAssert.IsProblemAsync(await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { gcmObjectives = new[] { 0 } }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { @event = "no-such-event" }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Correcting_or_retracting_an_unknown_statement_is_a_404_problem_naming_it()
    {
        await ProblemAssert.IsProblemAsync(
            await _client.PatchAsJsonAsync("/api/catalogue/statements/st_nosuchstatement", new { themes = new[] { "youth" } }),
            HttpStatusCode.NotFound, "st_nosuchstatement");
        await ProblemAssert.IsProblemAsync(await _client.DeleteAsync("/api/catalogue/statements/st_nosuchstatement"), HttpStatusCode.NotFound, "st_nosuchstatement");
        Assert.DoesNotContain(fixture.Retracted, r => r.StatementId == "st_nosuchstatement");
    }

    [Fact]
    public async Task Items_and_list_pages_carry_an_etag_that_answers_304_until_the_statement_changes()
    {
        var (document, id) = await CatalogueOneDocumentAsync();

        foreach (var url in new[] { $"/api/catalogue/statements/{id}", $"/api/catalogue/statements?document={document.DocumentId}" })
        {
            var first = await _client.GetAsync(url);
            var etag = first.Headers.ETag!;
            Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            var unchanged = await _client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
            Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        }

        var before = (await _client.GetAsync($"/api/catalogue/statements/{id}")).Headers.ETag!;
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { themes = new[] { "youth" } })).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/catalogue/statements/{id}");
        stale.Headers.IfNoneMatch.Add(before);
        var changed = await _client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_write_that_did_not_come_through_the_gateway_is_refused_and_reads_need_nothing()
    {
        var (document, id) = await CatalogueOneDocumentAsync();
        using var direct = fixture.Service.CreateClient();
        await ProblemAssert.IsProblemAsync(await direct.DeleteAsync($"/api/catalogue/statements/{id}"), HttpStatusCode.Forbidden, "gateway");
        using var forged = fixture.Service.CreateDefaultClient(new GatewaySigningHandler("not-the-platforms-key"));
        await ProblemAssert.IsProblemAsync(await forged.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { themes = new[] { "youth" } }), HttpStatusCode.Forbidden);
        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/catalogue/statements/{id}");
        stale.Headers.Add(Microsoft.Extensions.Hosting.GatewaySignature.Header, Microsoft.Extensions.Hosting.GatewaySignature.Sign(
            GatewaySigningHandler.TestKey, "DELETE", $"/api/catalogue/statements/{id}", null, DateTimeOffset.UtcNow.AddMinutes(-10)));
        await ProblemAssert.IsProblemAsync(await direct.SendAsync(stale), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync($"/api/catalogue/statements/{id}")).StatusCode);
        Assert.DoesNotContain(fixture.Retracted, r => r.StatementId == id);
    }

    [Theory]
    [InlineData("{\"themes\": [null]}", "themes")]
    [InlineData("{\"themes\": [\"\"]}", "themes")]
    [InlineData("{\"themes\": [\"youth\", \"Regular pathways\"]}", "themes")]
    [InlineData("{\"themes\": [\"-youth\"]}", "themes")]
    [InlineData("{\"themes\": [\"youth\\n\"]}", "themes")]
    [InlineData("{\"speaker\": \"\"}", "speaker")]
    [InlineData("{\"speaker\": \" \\t \"}", "speaker")]
    [InlineData("{\"organisation\": \"\"}", "organisation")]
    public async Task A_correction_with_a_theme_that_is_not_a_slug_or_a_blank_name_is_a_400_problem_naming_the_field_and_changes_nothing(string json, string field)
    {
        var (_, id) = await CatalogueOneDocumentAsync();
        var before = await _client.GetStringAsync($"/api/catalogue/statements/{id}");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PatchAsync($"/api/catalogue/statements/{id}", content), HttpStatusCode.BadRequest, field);

        Assert.Equal(before, await _client.GetStringAsync($"/api/catalogue/statements/{id}"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/catalogue/themes")).StatusCode);
    }

    [Fact]
    public async Task A_correction_takes_themes_shaped_as_the_extractions_slugs_and_the_themes_list_counts_them()
    {
        var (_, id) = await CatalogueOneDocumentAsync();
        string[] themes = ["covid-19", "international-cooperation-and-governance", "xenophobia"];

        var response = await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { themes });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/catalogue/themes");
        Assert.All(themes, theme => Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("slug").GetString() == theme));
    }

    [Fact]
    public async Task A_correction_naming_a_theme_or_an_objective_twice_keeps_it_once()
    {
        var (_, id) = await CatalogueOneDocumentAsync();

        var response = await _client.PatchAsJsonAsync($"/api/catalogue/statements/{id}", new { themes = new[] { "youth", "youth" }, gcmObjectives = new[] { 7, 5, 7 } });

        var corrected = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["youth"], corrected.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([5, 7], corrected.GetProperty("gcmObjectives").EnumerateArray().Select(n => n.GetInt32()));
    }

    [Theory]
    [InlineData("{\"themes\": \"youth\"}")]
    [InlineData("{\"gcmObjectives\": [\"five\"]}")]
    [InlineData("{\"speaker\": ")]
    public async Task A_correction_that_does_not_bind_is_a_400_problem(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PatchAsync("/api/catalogue/statements/st_any", content), HttpStatusCode.BadRequest);
    }
}
