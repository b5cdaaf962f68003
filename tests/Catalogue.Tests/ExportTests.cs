using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdmPlatform.Catalogue.Documents;
using IdmPlatform.Catalogue.Exports;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Catalogue.Tests;

/// <summary>The exports a search replica rebuilds from, and the event that keeps it current afterwards.</summary>
[Collection(nameof(CatalogueCollection))]
public sealed class ExportTests(CatalogueFixture fixture)
{
    /// <summary>A statement text a CSV writer must quote: a comma, quotes, and both kinds of line break.</summary>
    private const string Awkward = "We agree, \"in principle\",\r\non the second point;\nnot the third.";

    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    private static DocumentIngested Document(string? duplicateOf = null)
    {
        var documentId = $"doc_{Guid.NewGuid():N}";
        var text = $"Mira Haddad said: \"Data saves lives.\" Tomás Ribeiro answered: \"{Awkward}\"";
        return new DocumentIngested(
            Guid.NewGuid(), DateTimeOffset.UtcNow, documentId, "job_test", $"sha256:{documentId}", "Exported notes, \"draft\"",
            new DateOnly(2024, 5, 21), "en", "summary", "https://example.org/exported", text, duplicateOf, null,
            [new EventRef("idm-2024-new-york", "International Dialogue on Migration 2024, New York", new DateOnly(2024, 5, 21), new DateOnly(2024, 5, 22))],
            [new OrganisationRef("International Organization for Migration", "IOM")],
            [new PersonRef("Mira Haddad", "Director of Data", "IOM"), new PersonRef("Tomás Ribeiro", "Youth delegate", null)],
            ["data", "regular-pathways"], [1, 5, 16],
            [
                new IngestedStatement(0, "quote", "Data saves lives.", "Mira Haddad", null, null, null, text.IndexOf("Data", StringComparison.Ordinal), text.IndexOf("lives.", StringComparison.Ordinal) + 6, ["data"], [1]),
                new IngestedStatement(1, "quote", Awkward, "Tomás Ribeiro", null, null, null, text.IndexOf(Awkward, StringComparison.Ordinal), text.IndexOf(Awkward, StringComparison.Ordinal) + Awkward.Length, ["regular-pathways", "youth"], [5, 16]),
            ]);
    }

    private async Task<DocumentIngested> CatalogueAsync()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        await Eventually.HoldsAsync(async () =>
            (await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?document={document.DocumentId}")).GetProperty("items").GetArrayLength() == 2,
            "the statements to be catalogued");
        return document;
    }

    private async Task<string[]> LinesAsync(string url)
    {
        using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length == 0 || body.EndsWith('\n'), "every line ends with a line feed");
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Each_line_of_the_statements_export_is_the_statement_as_its_get_answers_it_in_id_order_and_streamed()
    {
        var document = await CatalogueAsync();

        var url = $"/api/catalogue/exports/statements.jsonl?document={document.DocumentId}";
        using (var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            // Written through, not held back by the ETag middleware until complete: no ETag, no length known in advance.
            Assert.Null(response.Headers.ETag);
            Assert.Null(response.Content.Headers.ContentLength);
            Assert.Equal("statements.jsonl", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        var lines = await LinesAsync(url);
        Assert.Equal(2, lines.Length);
        var ids = lines.Select(l => (string)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        foreach (var line in lines)
        {
            var exported = JsonNode.Parse(line)!;
            var single = JsonNode.Parse(await _client.GetStringAsync($"/api/catalogue/statements/{(string)exported["id"]!}"));
            Assert.True(JsonNode.DeepEquals(single, exported), $"export: {line}\nGET: {single!.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("person=mira-haddad", 1)]
    [InlineData("gcm=16", 1)]
    [InlineData("theme=youth", 1)]
    [InlineData("kind=quote&language=en&event=idm-2024-new-york&organisation=iom", 1)]
    [InlineData("from=2024-05-21&to=2024-05-21", 2)]
    [InlineData("from=2030-01-01", 0)]
    [InlineData("kind=speech", 0)]
    public async Task The_exports_apply_the_statement_lists_filters(string filters, int expected)
    {
        var document = await CatalogueAsync();
        var query = $"document={document.DocumentId}&{filters}";

        var lines = await LinesAsync($"/api/catalogue/exports/statements.jsonl?{query}");
        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?{query}");
        var csv = Csv.Parse(await _client.GetStringAsync($"/api/catalogue/exports/statements.csv?{query}"));

        Assert.Equal(expected, lines.Length);
        Assert.Equal(list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            lines.Select(l => (string?)JsonNode.Parse(l)!["id"]));
        Assert.Equal(expected + 1, csv.Count);
    }

    [Theory]
    [InlineData("/api/catalogue/exports/statements.jsonl?gcm=24")]
    [InlineData("/api/catalogue/exports/statements.csv?gcm=0")]
    [InlineData("/api/catalogue/exports/statements.jsonl?gcm=five")]
    [InlineData("/api/catalogue/exports/statements.csv?from=2024-13-45")]
    public async Task A_filter_value_that_cannot_be_used_is_a_400_problem_before_anything_streams(string url) =>
        await ProblemAssert.IsProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);

    [Fact]
    public async Task The_csv_export_has_a_header_and_a_row_per_statement_quoted_as_rfc_4180_says()
    {
        var document = await CatalogueAsync();

        using var response = await _client.GetAsync($"/api/catalogue/exports/statements.csv?document={document.DocumentId}");
        var body = await response.Content.ReadAsStringAsync();
        var rows = Csv.Parse(body);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("statements.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Null(response.Headers.ETag);
        Assert.Contains("\"We agree, \"\"in principle\"\",\r\non the second point;\nnot the third.\"", body, StringComparison.Ordinal);
        Assert.Equal(3, rows.Count);
        Assert.Equal(ExportWriters.StatementColumns, rows[0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        var column = rows[0].Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var tomas = rows.Single(r => r[column["speakerSlug"]] == "tomas-ribeiro");
        Assert.Equal(Awkward, tomas[column["text"]]);
        Assert.Equal("regular-pathways;youth", tomas[column["themes"]]);
        Assert.Equal("5;16", tomas[column["gcmObjectives"]]);
        Assert.Equal("Exported notes, \"draft\"", tomas[column["documentTitle"]]);
        Assert.Equal("2024-05-21", tomas[column["date"]]);
        var passage = document.Text[int.Parse(tomas[column["passageStart"]], System.Globalization.CultureInfo.InvariantCulture)..int.Parse(tomas[column["passageEnd"]], System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal(Awkward, passage);
    }

    [Fact]
    public async Task A_csv_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        // Titles and names come from pages anyone can publish; opened in a spreadsheet, this title would be a live link.
        var document = Document() with { Title = "=HYPERLINK(\"https://example.net/steal\",\"Open\")" };
        await fixture.Bus.Publish(document);
        await Eventually.HoldsAsync(async () =>
            (await _client.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?document={document.DocumentId}")).GetProperty("items").GetArrayLength() == 2,
            "the statements to be catalogued");

        var rows = Csv.Parse(await _client.GetStringAsync($"/api/catalogue/exports/statements.csv?document={document.DocumentId}"));
        var title = rows[0].IndexOf("documentTitle");
        Assert.All(rows.Skip(1), r => Assert.Equal($"'{document.Title}", r[title]));
        // The JSON lines export is data for programs, and keeps the title as it is.
        var line = (await LinesAsync($"/api/catalogue/exports/statements.jsonl?document={document.DocumentId}"))[0];
        Assert.Equal(document.Title, (string?)JsonNode.Parse(line)!["document"]!["title"]);
    }

    [Fact]
    public async Task The_documents_export_holds_each_document_with_its_text_as_its_catalogued_event_does()
    {
        var document = await CatalogueAsync();
        var catalogued = await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Catalogued.FirstOrDefault(c => c.Document.Id == document.DocumentId)),
            "the DocumentCatalogued event");

        var lines = await LinesAsync("/api/catalogue/exports/documents.jsonl");

        var ids = lines.Select(l => (string)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var exported = JsonNode.Parse(lines.Single(l => l.Contains(document.DocumentId, StringComparison.Ordinal)))!;
        Assert.Equal(document.Text, (string?)exported["text"]);
        Assert.Equal("Exported notes, \"draft\"", (string?)exported["title"]);
        Assert.Equal("2024-05-21", (string?)exported["publishedOn"]);
        Assert.Equal(["mira-haddad", "tomas-ribeiro"], exported["people"]!.AsArray().Select(p => (string?)p!["slug"]));
        Assert.Equal("IOM", (string?)exported["organisations"]![0]!["acronym"]);
        Assert.Equal([1, 5, 16], exported["gcmObjectives"]!.AsArray().Select(n => (int)n!));
        var published = JsonSerializer.SerializeToNode(catalogued.Document, JsonSerializerOptions.Web);
        Assert.True(JsonNode.DeepEquals(published, exported), $"export: {exported.ToJsonString()}\nevent: {published!.ToJsonString()}");
    }

    [Fact]
    public async Task A_new_document_is_published_once_as_document_catalogued_even_when_delivered_twice_and_a_duplicate_says_of_which()
    {
        var document = Document();
        await fixture.Bus.Publish(document);
        await fixture.Bus.Publish(document);
        var duplicate = Document(duplicateOf: document.DocumentId);
        await fixture.Bus.Publish(duplicate);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Catalogued.Any(c => c.Document.Id == duplicate.DocumentId)), "the duplicate's event");
        // The relay publishes in order: once the later document's event is here, a second one for the first would be too.
        var probe = await CatalogueAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Catalogued.Any(c => c.Document.Id == probe.DocumentId)), "a later document's event");

        var once = Assert.Single(fixture.Catalogued, c => c.Document.Id == document.DocumentId);
        Assert.Equal(document.Text, once.Document.Text);
        Assert.Null(once.Document.DuplicateOf);
        Assert.Equal(["idm-2024-new-york"], once.Document.Events.Select(e => e.Slug));
        Assert.Equal(document.DocumentId, fixture.Catalogued.Single(c => c.Document.Id == duplicate.DocumentId).Document.DuplicateOf);
    }

    [Fact]
    public async Task The_statement_exports_leave_out_a_duplicate_documents_statements_so_a_rebuilt_index_holds_each_quote_once()
    {
        var original = await CatalogueAsync();
        var duplicateId = $"doc_{Guid.NewGuid():N}";
        var duplicate = original with { EventId = Guid.NewGuid(), DocumentId = duplicateId, ContentHash = $"sha256:{duplicateId}", DuplicateOf = original.DocumentId };
        await fixture.Bus.Publish(duplicate);
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Catalogued.Any(c => c.Document.Id == duplicateId)), "the duplicate's DocumentCatalogued");

        // Unfiltered, as a search replica reads them when it rebuilds.
        var lines = await LinesAsync("/api/catalogue/exports/statements.jsonl");
        var csv = Csv.Parse(await _client.GetStringAsync("/api/catalogue/exports/statements.csv"));
        var documents = await LinesAsync("/api/catalogue/exports/documents.jsonl");

        var exported = lines.Select(l => (string?)JsonNode.Parse(l)!["document"]!["id"]).ToList();
        Assert.Equal(2, exported.Count(id => id == original.DocumentId));
        Assert.DoesNotContain(duplicateId, exported);
        var documentColumn = csv[0].IndexOf("documentId");
        Assert.Equal(2, csv.Count(r => r[documentColumn] == original.DocumentId));
        Assert.DoesNotContain(csv, r => r[documentColumn] == duplicateId);
        Assert.Equal(original.DocumentId, (string?)JsonNode.Parse(documents.Single(l => l.Contains(duplicateId, StringComparison.Ordinal)))!["duplicateOf"]);
        Assert.Empty(await LinesAsync($"/api/catalogue/exports/statements.jsonl?document={duplicateId}"));
    }

    [Fact]
    public async Task Exports_walk_the_catalogue_page_by_page_without_losing_or_repeating_an_item()
    {
        var document = await CatalogueAsync();
        var (statementReader, documentReader) = (fixture.Service.Services.GetRequiredService<StatementReader>(), fixture.Service.Services.GetRequiredService<DocumentReader>());
        var onePerPage = new CatalogueExports(statementReader, documentReader, statementsPerPage: 1, documentsPerPage: 1);
        var before = await new CatalogueExports(statementReader, documentReader).DocumentsAsync(CancellationToken.None).Select(d => d.Id).ToListAsync();

        var statements = await onePerPage.StatementsAsync(new StatementFilter(DocumentId: document.DocumentId), CancellationToken.None).Select(s => s.Id).ToListAsync();
        var documents = await onePerPage.DocumentsAsync(CancellationToken.None).Select(d => d.Id).ToListAsync();

        Assert.Equal(2, statements.Count);
        Assert.Equal(statements.Order(StringComparer.Ordinal), statements);
        // Documents other tests catalogue meanwhile may join the walk, but none that was there is lost, and none repeats.
        Assert.Empty(before.Except(documents, StringComparer.Ordinal));
        Assert.Equal(documents.Order(StringComparer.Ordinal).Distinct(StringComparer.Ordinal), documents);
    }

    /// <summary>A reader of RFC 4180 CSV, written here so the test does not trust the writer's own idea of it.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                }
                else
                {
                    Assert.False(c is '"' or '\r' or '\n', $"an unquoted field holds {(int)c} at {i}");
                    field.Append(c);
                }
            }

            Assert.True(row.Count == 0 && field.Length == 0 && !quoted, "the last record ends with CRLF");
            return rows;
        }
    }
}
