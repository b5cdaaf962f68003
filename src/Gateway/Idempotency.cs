using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using StackExchange.Redis;

namespace IdmPlatform.Gateway;

/// <summary>
/// An <c>Idempotency-Key</c> on a POST makes retrying it safe: the first answer is kept in Redis for a day, keyed by
/// caller and key, and the same request again gets that answer back instead of a second job or subscription. The
/// same key with another request is a client mistake (422); while the first is still being answered, 409.
/// Answers of 500 and over are not kept, so a retry after a failure tries again.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IConnectionMultiplexer redis, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    /// <summary>Long enough for the slowest write (fetching a document by URL); a crashed gateway frees the key after it.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMinutes(2);

    /// <summary>Answers to writes are small; a larger one is passed on but not kept.</summary>
    private const int MaxKeptBody = 256 * 1024;

    private sealed record Record(string Fingerprint, int? Status = null, string? ContentType = null, string? Location = null, byte[]? Body = null);

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0)
        {
            await next(context);
            return;
        }

        if (key.Length > 255)
        {
            await ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", "An Idempotency-Key holds at most 255 characters.").ExecuteAsync(context);
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var redisKey = new RedisKey($"idempotency:{Caller.Of(context).Id}:{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}");
        var database = redis.GetDatabase();
        try
        {
            var claimed = await database.StringSetAsync(redisKey, Serialize(new Record(fingerprint)), InFlight, When.NotExists);
            if (!claimed)
            {
                await AnswerAgainAsync(context, await database.StringGetAsync(redisKey), fingerprint);
                return;
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis the request goes through unprotected rather than not at all, as with the rate limit.
            logger.LogWarning(ex, "Idempotency records unavailable; the request goes through without one.");
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        await using var copy = new MemoryStream();
        response.Body = new TeeStream(original, copy, MaxKeptBody);
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
            await KeepAsync(database, redisKey, fingerprint, response, copy);
        }
    }

    private async Task KeepAsync(IDatabase database, RedisKey redisKey, string fingerprint, HttpResponse response, MemoryStream copy)
    {
        try
        {
            if (!IsFinal(response.StatusCode) || copy.Length > MaxKeptBody)
            {
                await database.KeyDeleteAsync(redisKey);
                return;
            }

            var record = new Record(fingerprint, response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, copy.ToArray());
            await database.StringSetAsync(redisKey, Serialize(record), Kept);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The answer to an idempotent request could not be kept.");
        }
    }

    /// <summary>
    /// Whether an answer settles the request. A server error, a timeout or a "too many requests" asks the client to try
    /// again later, and the retry, under the same key, must reach the service rather than get the refusal back.
    /// </summary>
    private static bool IsFinal(int status) =>
        status is < 500 and not StatusCodes.Status408RequestTimeout and not StatusCodes.Status429TooManyRequests;

    private static async Task AnswerAgainAsync(HttpContext context, RedisValue stored, string fingerprint)
    {
        var record = stored.HasValue ? JsonSerializer.Deserialize<Record>((byte[])stored!) : null;
        if (record is not null && record.Fingerprint != fingerprint)
        {
            await ProblemDetailsExtensions.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This Idempotency-Key was used with another request; use a new key for a new request.").ExecuteAsync(context);
            return;
        }

        if (record?.Status is not { } status)
        {
            context.Response.Headers.RetryAfter = "1";
            await ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, "Request still in progress",
                "A request with this Idempotency-Key is still being answered; try again in a moment.").ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = status;
        response.Headers[ReplayedHeader] = "true";
        if (record.ContentType is not null)
        {
            response.ContentType = record.ContentType;
        }

        if (record.Location is not null)
        {
            response.Headers.Location = record.Location;
        }

        await response.Body.WriteAsync(record.Body ?? [], context.RequestAborted);
    }

    /// <summary>
    /// The path, the content type and the body's hash: what makes two requests the same request. A multipart body (an
    /// upload) is taken part by part, each part's headers and content, and its content type without the boundary: a
    /// client picks a new random boundary for every request, and the same upload retried would otherwise be another.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && BoundaryOf(type) is { } boundary)
            {
                try
                {
                    return await MultipartFingerprintAsync(request, type, boundary, cancellationToken);
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException)
                {
                    // Not well-formed multipart (the service will say so): its bytes as sent stand for it.
                    request.Body.Position = 0;
                }
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Path}{request.QueryString}\n{request.ContentType}\n"));
            await AppendAsync(hash, request.Body, cancellationToken);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<string> MultipartFingerprintAsync(HttpRequest request, MediaTypeHeaderValue type, string boundary, CancellationToken cancellationToken)
    {
        var withoutBoundary = type.Copy();
        withoutBoundary.Boundary = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Path}{request.QueryString}\n{withoutBoundary}\n"));
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // Each part hashed on its own and its hash added, its headers ended by a blank line as in the body: where
            // one part, or a part's headers, end stays part of what is compared.
            using var part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            part.AppendData(System.Text.Encoding.UTF8.GetBytes($"{string.Concat(section.Headers?.Select(h => $"{h.Key}: {h.Value}\r\n") ?? [])}\r\n"));
            await AppendAsync(part, section.Body, cancellationToken);
            hash.AppendData(part.GetHashAndReset());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The boundary of a multipart body, if it has a usable one (RFC 2046: 1 to 70 characters).</summary>
    private static string? BoundaryOf(MediaTypeHeaderValue type) =>
        type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 and <= 70 } boundary
            ? boundary.Value
            : null;

    private static async Task AppendAsync(IncrementalHash hash, Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }

    private static byte[] Serialize(Record record) => JsonSerializer.SerializeToUtf8Bytes(record);

    /// <summary>Writes through to the client and keeps a copy, up to a bound, of what was written.</summary>
    private sealed class TeeStream(Stream inner, MemoryStream copy, int bound) : WriteOnlyStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (copy.Length <= bound)
            {
                copy.Write(buffer.Span);
            }

            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }
}
