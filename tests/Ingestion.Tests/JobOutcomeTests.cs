using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Testing;
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
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new(contentType) } }, "file", fileName);
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
