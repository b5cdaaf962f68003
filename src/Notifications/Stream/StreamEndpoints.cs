using System.Globalization;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Subscriptions;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Notifications.Stream;

/// <summary>New statements as server-sent events, filtered like a subscription, with no subscription to manage.</summary>
public static class StreamEndpoints
{
    /// <summary>A comment this often keeps proxies from closing a quiet stream.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapStreamEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications/stream", StreamAsync)
            .Documented("StreamStatements", "Stream new statements",
                "A text/event-stream of statement.published events (data: the statement, as GET /api/catalogue/statements/{id} shows it) and statement.retracted events ({id}), filtered as a subscription is. Each event has an id; reconnecting with Last-Event-ID resumes after it.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> StreamAsync(
        HttpContext context, string? q, string? themes, string? organisations, string? people, string? events, string? gcm, string? languages,
        StreamLog log, IOptions<StreamOptions> options, CancellationToken cancellationToken)
    {
        var objectives = new List<int>();
        foreach (var value in List(gcm) ?? [])
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !GcmObjectiveNumbers.IsKnown(number))
            {
                return GcmObjectiveNumbers.Problem("gcm (separated by commas)");
            }

            objectives.Add(number);
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        long last;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out last))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid Last-Event-ID", "Last-Event-ID is the id of an event this stream sent.");
            }
        }
        else
        {
            last = await log.LatestAsync(cancellationToken);
        }

        var filter = new SubscriptionFilter(q, List(themes), List(organisations), List(people), List(events), objectives.Count > 0 ? objectives : null, List(languages));
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(": stream open\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        var quietSince = DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = log.WaitAsync(options.Value.Poll, cancellationToken);
            var page = await log.ReadAfterAsync(last, cancellationToken);
            foreach (var item in page)
            {
                last = item.Seq;
                if (item.Type == "statement.published" && !filter.Matches(JsonSerializer.Deserialize<StatementView>(item.Data, JsonSerializerOptions.Web)!))
                {
                    continue;
                }

                await response.WriteAsync($"id: {item.Seq}\nevent: {item.Type}\ndata: {item.Data}\n\n", cancellationToken);
                quietSince = DateTimeOffset.UtcNow;
            }

            if (DateTimeOffset.UtcNow - quietSince > KeepAlive)
            {
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                quietSince = DateTimeOffset.UtcNow;
            }

            await response.Body.FlushAsync(cancellationToken);
            // A full page means more may follow at once (a client resuming far behind, a backlog): read on, rather
            // than a page per wake-up.
            if (page.Count < StreamLog.PageSize)
            {
                await wake;
            }
        }

        return Results.Empty;
    }

    private static List<string>? List(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } values ? [.. values] : null;
}
