using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Ingestion.Jobs;

public static class DocumentEndpoints
{
    /// <summary>The JSON way in: the content itself with its type, or (later) a URL to fetch.</summary>
    public sealed record DocumentRequest(
        string? Content = null, string? ContentType = null, string? SourceUrl = null, string? Url = null, DateOnly? PublishedAt = null, string? Language = null);

    /// <summary>Room for multipart boundaries and the small form fields around the file.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ingestion/documents", SubmitAsync)
            .Documented("SubmitDocument", "Submit a document for extraction",
                "A multipart upload (part 'file', with optional 'sourceUrl', 'publishedAt', 'language'), or JSON with 'content' and 'contentType', or JSON with 'url' to fetch. Answers 202 with the job to follow; the same bytes again answer 200 with the document already made.")
            .AcceptsJsonOrUpload<DocumentRequest>("file", "sourceUrl", "publishedAt", "language")
            .WithRequestExample(new
            {
                content = "<h1>Opening of the dialogue</h1><p>\u201CMigration is part of the answer,\u201D said the Director General.</p>",
                contentType = "text/html",
                sourceUrl = "https://www.iom.int/news/example",
            })
            .Produces<SubmissionAnswer>(StatusCodes.Status202Accepted)
            .Produces<SubmissionAnswer>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, DocumentSubmission submission, DocumentFetcher fetcher, IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        // Refused before a byte of the body is read; Kestrel's own limit catches bodies of unknown length.
        if (request.ContentLength > options.Value.MaxDocumentBytes + MultipartOverhead)
        {
            return TooLarge(options.Value.MaxDocumentBytes);
        }

        try
        {
            if (request.HasFormContentType)
            {
                return await SubmitFormAsync(request, submission, options.Value.MaxDocumentBytes, cancellationToken);
            }

            if (request.HasJsonContentType())
            {
                return await SubmitJsonAsync(request, submission, fetcher, cancellationToken);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options.Value.MaxDocumentBytes);
        }
        catch (InvalidDataException ex)
        {
            // Multipart bodies over the form limits surface here rather than as a 413 status.
            return ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge(options.Value.MaxDocumentBytes)
                : ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Malformed request body", ex.Message);
        }
        catch (JsonException ex)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }

        return ProblemDetailsExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported request type",
            "Send multipart/form-data with a 'file' part, or application/json with 'content' and 'contentType'.");
    }

    private static async Task<IResult> SubmitFormAsync(HttpRequest request, DocumentSubmission submission, long limit, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException && ex is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // No boundary, or a body that ends before its parts do.
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing file", "The multipart body needs a part named 'file'.");
        }

        if (file.Length > limit)
        {
            return TooLarge(limit);
        }

        if (FieldWithNul(form) is { } field)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid form field", $"The field '{field}' holds a NUL character.");
        }

        // The part's own header, stored with the document once its type passes ("text/plain; charset=\0").
        if (file.ContentType?.Contains('\0', StringComparison.Ordinal) == true)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid file part", "The 'file' part's Content-Type holds a NUL character.");
        }

        // The same form as the JSON way in, so a date that is not one is refused rather than dropped.
        DateOnly? publishedOn = null;
        if (NullIfEmpty(form["publishedAt"]) is { } published)
        {
            if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid publishedAt", $"publishedAt is a date such as 2017-04-18, not '{published}'.");
            }

            publishedOn = date;
        }

        var contentType = string.IsNullOrEmpty(file.ContentType) || file.ContentType == "application/octet-stream"
            ? DocumentSubmission.ContentTypeFromFileName(file.FileName)
            : file.ContentType;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return await submission.SubmitAsync(
            new SubmittedDocument(buffer.ToArray(), contentType, NullIfEmpty(form["sourceUrl"]), publishedOn, NullIfEmpty(form["language"])),
            cancellationToken);
    }

    private static async Task<IResult> SubmitJsonAsync(HttpRequest request, DocumentSubmission submission, DocumentFetcher fetcher, CancellationToken cancellationToken)
    {
        var body = await request.ReadFromJsonAsync<DocumentRequest>(cancellationToken);
        if (body is null || (body.Content is null && body.Url is null))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Missing content",
                "The JSON body needs 'content' with 'contentType', or 'url'.");
        }

        if (body.Url is not null)
        {
            if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid URL", "'url' must be an absolute http or https URL.");
            }

            var fetched = await fetcher.FetchAsync(url, cancellationToken);
            return fetched.Document is { } document
                ? await submission.SubmitAsync(document with { PublishedOn = body.PublishedAt, Language = body.Language }, cancellationToken)
                : ProblemDetailsExtensions.Problem(fetched.Status, "The document could not be fetched", fetched.Error!);
        }

        return await submission.SubmitAsync(
            new SubmittedDocument(Encoding.UTF8.GetBytes(body.Content!), DocumentSubmission.AsUtf8(body.ContentType ?? "text/plain"), body.SourceUrl, body.PublishedAt, body.Language),
            cancellationToken);
    }

    private static IResult TooLarge(long limit) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status413PayloadTooLarge, "Document too large",
            $"Documents are limited to {ByteSize.Describe(limit)}.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>PostgreSQL cannot store a NUL character in text, as the JSON and query guards already say for theirs.</summary>
    private static string? FieldWithNul(IFormCollection form) =>
        form.FirstOrDefault(f => f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key;
}
