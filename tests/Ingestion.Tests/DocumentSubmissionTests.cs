using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Ingestion.Jobs;
using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Ingestion.Tests;

[Collection(nameof(IngestionCollection))]
public sealed class DocumentSubmissionTests(IngestionFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateSignedClient();

    private static string UniqueText() =>
        $"Geneva, {Guid.NewGuid():N}. \"Regular pathways open doors that smugglers would otherwise hold shut,\" said Amara Okonkwo, speaking for the delegation.";

    [Fact]
    public async Task A_submitted_text_is_accepted_and_its_job_completes_with_the_statements_found()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = UniqueText(), contentType = "text/plain" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted.GetProperty("jobId").GetString()!;
        Assert.Equal($"/api/ingestion/jobs/{jobId}", response.Headers.Location?.ToString());

        var finished = await FinishedJobAsync(jobId);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.True(finished.GetProperty("statementCount").GetInt32() >= 1);
        Assert.Equal(accepted.GetProperty("documentId").GetString(), finished.GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task A_redelivered_submission_of_a_completed_job_changes_nothing_and_publishes_nothing_more()
    {
        var accepted = await (await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = UniqueText(), contentType = "text/plain" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted.GetProperty("jobId").GetString()!;
        var finished = await FinishedJobAsync(jobId);
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var consumed = new ConsumedEvents();
        using var observing = bus.ConnectConsumeObserver(consumed);

        var redelivered = new DocumentSubmitted(Guid.NewGuid(), DateTimeOffset.UtcNow, jobId);
        await bus.Publish(redelivered);
        await Eventually.HoldsAsync(() => Task.FromResult(consumed.EventIds.Contains(redelivered.EventId)), "the redelivery to be consumed");

        var after = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
        Assert.Equal("completed", after.GetProperty("status").GetString());
        Assert.Equal(finished.GetProperty("completedAt").GetString(), after.GetProperty("completedAt").GetString());
        Assert.Equal(finished.GetProperty("statementCount").GetInt32(), after.GetProperty("statementCount").GetInt32());
        await using var ingested = fixture.Database.CreateCommand(
            "SELECT count(*) FROM outbox_messages WHERE event_type LIKE 'IdmPlatform.Contracts.DocumentIngested,%' AND payload->>'jobId' = @job");
        ingested.Parameters.AddWithValue("job", jobId);
        Assert.Equal(1L, await ingested.ExecuteScalarAsync());
    }

    /// <summary>Records the events this service's consumers have finished with.</summary>
    private sealed class ConsumedEvents : IConsumeObserver
    {
        public System.Collections.Concurrent.ConcurrentBag<Guid> EventIds { get; } = [];

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is IIntegrationEvent integrationEvent)
            {
                EventIds.Add(integrationEvent.EventId);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    [Fact]
    public async Task The_same_bytes_again_are_recognised_as_a_duplicate_of_the_first_document()
    {
        var body = new { content = UniqueText(), contentType = "text/plain" };
        var first = await (await _client.PostAsJsonAsync("/api/ingestion/documents", body)).Content.ReadFromJsonAsync<JsonElement>();

        var again = await _client.PostAsJsonAsync("/api/ingestion/documents", body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("documentId").GetString(), duplicate.GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task The_same_bytes_after_a_failed_job_get_a_new_job_rather_than_a_duplicate_answer()
    {
        var bytes = Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R" + Guid.NewGuid());
        var first = await SubmitFileAsync(bytes);
        var failed = await FinishedJobAsync(first.GetProperty("jobId").GetString()!);
        Assert.Equal("failed", failed.GetProperty("status").GetString());

        var again = await SubmitFileAsync(bytes);

        Assert.Equal("queued", again.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("documentId").GetString(), again.GetProperty("documentId").GetString());
        Assert.NotEqual(first.GetProperty("jobId").GetString(), again.GetProperty("jobId").GetString());
        var retried = await FinishedJobAsync(again.GetProperty("jobId").GetString()!);
        Assert.Equal("failed", retried.GetProperty("status").GetString()); // the same broken bytes, read again

        async Task<JsonElement> SubmitFileAsync(byte[] content)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(content), "file", "broken.pdf");
            var response = await _client.PostAsync("/api/ingestion/documents", form);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    [Fact]
    public async Task A_multipart_upload_is_accepted_with_its_type_taken_from_the_file_name()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"<html><body><p>{UniqueText()}</p></body></html>"));
        form.Add(file, "file", "release.html");
        form.Add(new StringContent("https://example.org/release"), "sourceUrl");

        var response = await _client.PostAsync("/api/ingestion/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var job = await FinishedJobAsync(accepted.GetProperty("jobId").GetString()!);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        // Read as HTML: stored as text/html, and its quotation found once the tags were taken away.
        await using var type = fixture.Database.CreateCommand("SELECT content_type FROM documents WHERE id = @id");
        type.Parameters.AddWithValue("id", accepted.GetProperty("documentId").GetString()!);
        Assert.StartsWith("text/html", (string)(await type.ExecuteScalarAsync())!, StringComparison.Ordinal);
        Assert.Equal(1, job.GetProperty("statementCount").GetInt32());
    }

    [Theory]
    [InlineData("broken.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", "PDF")]
    [InlineData("bomb.docx", "PK\u0003\u0004 this is not a real zip archive at all", "DOCX")]
    public async Task A_document_that_cannot_be_read_fails_its_own_job_with_the_reason_and_the_service_goes_on(string fileName, string bytes, string reasonMentions)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.Latin1.GetBytes(bytes + Guid.NewGuid())), "file", fileName);
        var accepted = await (await _client.PostAsync("/api/ingestion/documents", form)).Content.ReadFromJsonAsync<JsonElement>();

        var job = await FinishedJobAsync(accepted.GetProperty("jobId").GetString()!);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains(reasonMentions, job.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(await SubmitAndWaitAsync(UniqueText()));
    }

    [Fact]
    public async Task An_unsupported_type_is_refused_with_415_problem_details()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = "a,b,c", contentType = "text/csv" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "text/csv");
    }

    [Fact]
    public async Task An_empty_document_is_refused_with_400_problem_details()
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = string.Empty, contentType = "text/plain" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "no content");
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_413_without_being_stored()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[IngestionFixture.MaxDocumentBytes * 4]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "big.txt");
        var storedBefore = await StoredDocumentsAsync();

        var response = await _client.PostAsync("/api/ingestion/documents", form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Documents are limited to 64 KiB.");
        Assert.Equal(storedBefore, await StoredDocumentsAsync());
    }

    [Fact]
    public async Task A_file_just_over_the_limit_is_refused_with_413_even_when_the_whole_body_is_small_enough()
    {
        // Within the room the body is given for boundaries and fields, but over the document limit itself.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[IngestionFixture.MaxDocumentBytes + 1_000]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "big.txt");
        var storedBefore = await StoredDocumentsAsync();

        var response = await _client.PostAsync("/api/ingestion/documents", form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Documents are limited to 64 KiB.");
        Assert.Equal(storedBefore, await StoredDocumentsAsync());
    }

    [Fact]
    public async Task A_chunked_upload_over_the_size_limit_is_refused_with_413()
    {
        // No Content-Length: the size shows only while the body is read.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[IngestionFixture.MaxDocumentBytes * 4]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "big.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("publishedAt", "2017-13-45", "publishedAt")] // not a date: refused as the JSON way in refuses it, not dropped
    [InlineData("publishedAt", "18/04/2017", "publishedAt")]
    [InlineData("sourceUrl", "https://example.org/\\0release", "NUL")] // the two characters \0 stand for a NUL, which PostgreSQL cannot store
    [InlineData("language", "en\\0", "NUL")]
    public async Task A_bad_form_field_is_refused_with_400_problem_details(string field, string value, string detailMentions)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(UniqueText())) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "note.txt");
        form.Add(new StringContent(value.Replace("\\0", "\0", StringComparison.Ordinal)), field);

        var response = await _client.PostAsync("/api/ingestion/documents", form);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, detailMentions);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8\\0")] // the two characters \0 stand for a NUL; accepted as text/plain, then refused by PostgreSQL when stored
    public async Task A_file_part_whose_content_type_holds_a_NUL_is_refused_with_400_problem_details(string contentType)
    {
        // Written by hand: HttpClient would not send such a header, but nothing stops another client.
        const string Boundary = "part-boundary";
        var body = Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.txt\"\r\n" +
            $"Content-Type: {contentType.Replace("\\0", "\0", StringComparison.Ordinal)}\r\n\r\n{UniqueText()}\r\n--{Boundary}--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");

        var response = await _client.PostAsync("/api/ingestion/documents", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "NUL");
    }

    [Fact]
    public async Task A_form_field_date_is_kept_with_the_document()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(UniqueText())) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "note.txt");
        form.Add(new StringContent("2017-04-18"), "publishedAt");

        var accepted = await (await _client.PostAsync("/api/ingestion/documents", form)).Content.ReadFromJsonAsync<JsonElement>();

        await using var date = fixture.Database.CreateCommand("SELECT published_on FROM documents WHERE id = @id");
        date.Parameters.AddWithValue("id", accepted.GetProperty("documentId").GetString()!);
        Assert.Equal(new DateOnly(2017, 4, 18), (DateOnly)(await date.ExecuteScalarAsync())!);
    }

    private async Task<long> StoredDocumentsAsync()
    {
        await using var count = fixture.Database.CreateCommand("SELECT count(*) FROM documents");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_malformed_json_body_gets_400_problem_details()
    {
        using var content = new StringContent("{\"content\": ", Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/ingestion/documents", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/ingestion/jobs/job_missing");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "job_missing");
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_page_by_page()
    {
        var submitted = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var accepted = await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = UniqueText(), contentType = "text/plain" });
            submitted.Add((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString());
        }

        var first = await _client.GetFromJsonAsync<JsonElement>("/api/ingestion/jobs?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs?limit=2&cursor={cursor}");

        var firstIds = first.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()).ToList();
        var secondIds = second.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()).ToList();
        // Tests of this collection run one at a time: the three jobs are the newest.
        Assert.Equal([submitted[2], submitted[1]], firstIds);
        Assert.Equal(submitted[0], secondIds.First());
    }

    [Theory]
    [InlineData("idm:0|\0x")] // a NUL hidden in base64 gets past the guard on query values; PostgreSQL refuses it
    [InlineData("idm:0|job\u0001")]
    [InlineData("0|job_x")] // decodes, but was not issued here
    public async Task A_cursor_the_service_did_not_issue_is_a_400_problem(string position)
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var response = await _client.GetAsync($"/api/ingestion/jobs?cursor={cursor}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "not one this service issued");
    }

    [Fact]
    public async Task A_near_duplicate_is_linked_to_the_first_document_in_the_event_it_publishes()
    {
        var body = $"{UniqueText()} {string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"))} The delegation called for fair recruitment, portable pensions and faster recognition of skills.";
        var first = await SubmitAndWaitAsync(body);
        var second = await SubmitAndWaitAsync($"Home | News | Share this\n{body}\nLeave a reply");

        await using var connection = await Npgsql.NpgsqlDataSource.Create(fixture.DatabaseConnectionString).OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT payload->>'duplicateOf' FROM outbox_messages WHERE payload->>'documentId' = @id AND event_type LIKE 'IdmPlatform.Contracts.DocumentIngested%'", connection);
        command.Parameters.AddWithValue("id", second);
        Assert.Equal(first, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_translation_that_names_its_original_is_linked_to_it()
    {
        var originalUrl = $"https://news.example.org/{Guid.NewGuid():N}/regular-pathways";
        var original = await SubmitAndWaitAsync($"{UniqueText()} “Regular pathways keep families together,” said Ana Torres, speaking for the youth caucus.", originalUrl);
        var translation = await SubmitAndWaitAsync(
            $"{UniqueText()} « Les voies régulières gardent les familles unies », a déclaré Ana Torres.\n\nTraduction non officielle de l'original anglais : {originalUrl}");

        await using var connection = await Npgsql.NpgsqlDataSource.Create(fixture.DatabaseConnectionString).OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT payload->>'translationOf' FROM outbox_messages WHERE payload->>'documentId' = @id AND event_type LIKE 'IdmPlatform.Contracts.DocumentIngested%'", connection);
        command.Parameters.AddWithValue("id", translation);
        Assert.Equal(original, await command.ExecuteScalarAsync());
    }

    private async Task<JsonElement> FinishedJobAsync(string jobId) => (JsonElement)await Eventually.ReturnsAsync(async () =>
    {
        var current = await _client.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
        return current.GetProperty("status").GetString() is "completed" or "failed" ? (object)current : null;
    }, "the job to finish");

    private async Task<string> SubmitAndWaitAsync(string text, string? sourceUrl = null)
    {
        var response = await _client.PostAsJsonAsync("/api/ingestion/documents", new { content = text, contentType = "text/plain", sourceUrl });
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var job = await FinishedJobAsync(accepted.GetProperty("jobId").GetString()!);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return accepted.GetProperty("documentId").GetString()!;
    }
}
