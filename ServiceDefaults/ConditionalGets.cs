using System.IO.Hashing;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Conditional reads for every JSON or Atom answer to a GET: the body is held back until it is complete, its hash
/// becomes the ETag, and a client that already has it (If-None-Match) gets 304 without the body. Streams
/// (exports, server-sent events) pass straight through, as soon as their type shows they are not JSON or Atom.
/// </summary>
public sealed class ConditionalGets(RequestDelegate next)
{
    /// <summary>Shared caches may keep an answer but must ask again each time; the ETag makes asking cheap.</summary>
    public const string PublicRevalidate = "public, no-cache";

    /// <summary>Answers to a credential (a subscription's token) are for that client only and are not stored.</summary>
    public const string PrivateNoStore = "private, no-store";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        await using var held = new HeldBody(original, response);
        response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        // Nothing written (a bare status, which the status-code pages turn into problem details) or already sent.
        if (!held.Holding || held.Buffer.Length == 0)
        {
            return;
        }

        var personal = context.Request.Headers.Authorization.Count > 0 || context.Request.Query.ContainsKey("token");
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = $"\"{Convert.ToHexStringLower(XxHash128.Hash(held.Buffer.GetBuffer().AsSpan(0, (int)held.Buffer.Length)))}\"";
            response.Headers.ETag = etag;
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                response.Headers.CacheControl = personal ? PrivateNoStore : PublicRevalidate;
            }

            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        response.ContentLength = held.Buffer.Length;
        held.Buffer.Position = 0;
        await held.Buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(candidate => candidate == "*" || candidate == etag || candidate == $"W/{etag}");

    /// <summary>Holds what is written while the answer is JSON or Atom; otherwise writes through from the first byte.</summary>
    private sealed class HeldBody(Stream inner, HttpResponse response) : WriteOnlyStream
    {
        private bool? _hold;

        public MemoryStream Buffer { get; } = new();

        public bool Holding => _hold ?? true;

        private bool Decide() => _hold ??= response.ContentType is { } type
            && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/atom+xml", StringComparison.OrdinalIgnoreCase));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Decide())
            {
                Buffer.Write(buffer.Span);
                return ValueTask.CompletedTask;
            }

            return inner.WriteAsync(buffer, cancellationToken);
        }

        // A held answer is sent whole at the end; a passing stream (server-sent events) must reach the client now.
        public override Task FlushAsync(CancellationToken cancellationToken) => Decide() ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Buffer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
