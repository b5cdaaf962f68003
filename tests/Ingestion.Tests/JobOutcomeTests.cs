using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdmPlatform.Ingestion.Jobs;
using IdmPlatform.Testing;
using Microsoft.Extensions.Hosting;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IdmPlatform.Ingestion.Tests;

/// <summary>What becomes of a job whose document is odd in ways only extraction or storing its result shows.</summary>
[Collection(nameof(IngestionCollection))]
public sealed class JobOutcomeTests(IngestionFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    [Fact]
    public async Task A_PDF_whose_title_holds_NUL_characters_is_catalogued_with_the_title_cleaned()
    {
        // The title as a producer writes UTF-16 without its byte-order mark: a NUL before each letter.
        var pdf = Pdf($"\u201CRegular pathways keep families together,\u201D said Ana Torres ({Guid.NewGuid():N}).",
            title: string.Concat("Harbour Session Summary".Select(c => $"\0{c}")));

        var accepted = await UploadAsync(pdf, "application/pdf");
        var job = await FinishedJobAsync(accepted.GetProperty("jobId").GetString()!);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        await using var title = fixture.Database.CreateCommand(
            "SELECT payload->>'title' FROM outbox_messages WHERE payload->>'jobId' = @job AND event_type LIKE 'IdmPlatform.Contracts.DocumentIngested,%'");
        title.Parameters.AddWithValue("job", job.GetProperty("jobId").GetString()!);
        Assert.Equal("Harbour Session Summary", await title.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_document_whose_result_the_database_refuses_fails_its_job_with_the_reason_and_can_be_submitted_again()
    {
        var content = Encoding.UTF8.GetBytes($"\u201CData must guide policy,\u201D said Ivo Petrov ({Guid.NewGuid():N}).");
        var documentId = Ids.FromKey("doc", JobStore.ContentHash(content));
        // The database refuses this one document's result, as it refused a title holding NULs: no retry changes that.
        JsonElement failed;
        await using (await DatabaseRefusal.InstallAsync(fixture.Database, "document_fingerprints", "document_id", documentId, "22P05"))
        {
            var first = await UploadAsync(content, "text/plain");
            failed = await FinishedJobAsync(first.GetProperty("jobId").GetString()!);
        }

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains(DatabaseRefusal.Message, failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var again = await UploadAsync(content, "text/plain");
        Assert.Equal(documentId, again.GetProperty("documentId").GetString());
        var retried = await FinishedJobAsync(again.GetProperty("jobId").GetString()!);
        Assert.Equal("completed", retried.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_failed_document_sent_again_with_its_right_type_is_read_as_that_type()
    {
        var text = Encoding.UTF8.GetBytes($"\u201CCities are where inclusion happens,\u201D said Rosa Keller ({Guid.NewGuid():N}).");
        var wrong = await UploadAsync(text, "application/pdf");
        var failed = await FinishedJobAsync(wrong.GetProperty("jobId").GetString()!);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("not a PDF", failed.GetProperty("error").GetString(), StringComparison.Ordinal);

        var right = await UploadAsync(text, "text/plain; charset=utf-8");

        var retried = await FinishedJobAsync(right.GetProperty("jobId").GetString()!);
        Assert.Equal("completed", retried.GetProperty("status").GetString());
        Assert.Equal(wrong.GetProperty("documentId").GetString(), right.GetProperty("documentId").GetString());
        await using var type = fixture.Database.CreateCommand("SELECT content_type FROM documents WHERE id = @id");
        type.Parameters.AddWithValue("id", right.GetProperty("documentId").GetString()!);
        Assert.Equal("text/plain; charset=utf-8", await type.ExecuteScalarAsync()); // its charset too, for the reader
    }

    private static byte[] Pdf(string line, string title)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(line, 11, new PdfPoint(72, 740), builder.AddStandard14Font(Standard14Font.Helvetica));
        return builder.Build();
    }

    private async Task<JsonElement> UploadAsync(byte[] content, string contentType, string fileName = "document")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType) } }, "file", fileName);
        var response = await _client.PostAsync("/api/ingestion/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> FinishedJobAsync(string jobId) => (JsonElement)await Eventually.ReturnsAsync(async () =>
    {
        var current = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
        return current.GetProperty("status").GetString() is "completed" or "failed" ? (object)current : null;
    }, "the job to finish");
}
