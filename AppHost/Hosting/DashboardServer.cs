using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using IdmPlatform.Hosting.Dashboard;
using IdmPlatform.Hosting.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdmPlatform.Hosting;

/// <summary>
/// One Kestrel host for the OTLP/HTTP receiver (always) and the dashboard (when enabled), the dashboard
/// behind a per-run browser token exchanged for a cookie, as Aspire's BrowserToken mode does.
/// </summary>
internal sealed class DashboardServer(DistributedApplication app, int port, bool dashboardEnabled) : IAsyncDisposable
{
    private const string CookieName = "idm_dashboard";
    private WebApplication? _web;

    public bool DashboardEnabled { get; } = dashboardEnabled;

    public Uri BaseUri { get; } = new($"http://localhost:{port}/");

    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "IdmPlatform.Hosting",
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.ListenLocalhost(port);
            options.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var web = builder.Build();
        MapOtlp(web);
        if (DashboardEnabled)
        {
            web.Use(RequireLogin);
            MapDashboard(web);
        }

        await web.StartAsync(ct);
        _web = web;
    }

    public async Task StopAsync()
    {
        if (_web is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _web.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
            _web = null;
        }
    }

    private void MapOtlp(WebApplication web)
    {
        web.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            if (!IsProtobuf(request))
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            app.Telemetry.Add(ExportTraceServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request)));
            return EmptyProtobuf();
        });
        web.MapPost("/v1/logs", async (HttpRequest request) =>
        {
            if (!IsProtobuf(request))
            {
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            app.Telemetry.Add(ExportLogsServiceRequest.Parser.ParseFrom(await ReadBodyAsync(request)));
            return EmptyProtobuf();
        });
        // Metrics are accepted so exporters stay quiet; the dashboard does not chart them.
        web.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return EmptyProtobuf();
        });
    }

    private static bool IsProtobuf(HttpRequest request)
        => request.ContentType?.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase) == true;

    // An empty Export*ServiceResponse is zero bytes on the wire.
    private static IResult EmptyProtobuf() => Results.Bytes([], "application/x-protobuf");

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(buffer);
        }
        else
        {
            await request.Body.CopyToAsync(buffer);
        }

        return buffer.ToArray();
    }

    private async Task RequireLogin(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/v1") || path.StartsWithSegments("/login") || HasValidCookie(context.Request))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        context.Response.Redirect("/login");
    }

    private bool HasValidCookie(HttpRequest request)
        => request.Cookies.TryGetValue(CookieName, out var value) && value is not null && TokenMatches(value);

    private bool TokenMatches(string candidate)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Token));

    private void MapDashboard(WebApplication web)
    {
        web.MapGet("/login", (HttpContext context, string? t) =>
        {
            if (t is null || !TokenMatches(t))
            {
                return Results.Content(Pages.Login(t is not null), "text/html; charset=utf-8", statusCode: t is null ? 200 : 401);
            }

            context.Response.Cookies.Append(CookieName, Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, Path = "/" });
            return Results.Redirect("/");
        });
        web.MapGet("/", () => Html(Pages.Resources()));
        web.MapGet("/consolelogs/{name?}", (string? name) => Html(Pages.ConsoleLogs(name ?? (app.Resources is [var first, ..] ? first.Name : string.Empty))));
        web.MapGet("/traces", () => Html(Pages.Traces()));
        web.MapGet("/traces/{traceId}", (string traceId) => Html(Pages.TraceDetail(traceId)));
        web.MapGet("/structuredlogs", () => Html(Pages.StructuredLogs()));

        web.MapGet("/api/resources", () => Results.Ok(app.Resources));
        web.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            app.Resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
                ? Results.Ok(app.GetResourceLogs(name, after ?? 0).TakeLast(2000))
                : Results.NotFound());
        web.MapPost("/api/resources/{name}/{command}", async (string name, string command) =>
        {
            if (!app.Resources.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.NotFound();
            }

            // Commands run in the background: stopping RabbitMQ takes seconds and the page polls anyway.
            Func<string, CancellationToken, Task>? action = command switch
            {
                "stop" => app.StopResourceAsync,
                "start" => app.StartResourceAsync,
                "restart" => app.RestartResourceAsync,
                _ => null,
            };
            if (action is null)
            {
                return Results.BadRequest();
            }

            var task = action(name, CancellationToken.None);
            await Task.WhenAny(task, Task.Delay(200));
            return Results.Accepted();
        });
        web.MapGet("/api/traces", () => Results.Ok(TraceSummaries()));
        web.MapGet("/api/traces/{traceId}", (string traceId) => Results.Ok(app.Telemetry.GetTrace(traceId)));
        web.MapGet("/api/logs", (string? service, int? minSeverity, string? q) => Results.Ok(app.Telemetry.Logs
            .Where(l => service is null or "" || l.ServiceName == service)
            .Where(l => l.SeverityNumber >= (minSeverity ?? 0))
            .Where(l => q is null or "" || l.Message.Contains(q, StringComparison.OrdinalIgnoreCase))
            .TakeLast(500)
            .Reverse()));
    }

    private List<TraceSummary> TraceSummaries()
    {
        return [.. app.Telemetry.Spans
            .GroupBy(s => s.TraceId)
            .Select(g =>
            {
                var ids = g.Select(s => s.SpanId).ToHashSet();
                var root = g.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? g.MinBy(s => s.Start)!;
                var start = g.Min(s => s.Start);
                var end = g.Max(s => s.Start + s.Duration);
                return new TraceSummary(g.Key, $"{root.ServiceName}: {root.Name}", [.. g.Select(s => s.ServiceName).Distinct().Order()], g.Count(), start, (end - start).TotalMilliseconds, g.Any(s => s.Status == "Error"));
            })
            .OrderByDescending(t => t.Start)
            .Take(200)];
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private sealed record TraceSummary(string TraceId, string Root, IReadOnlyList<string> Services, int SpanCount, DateTimeOffset Start, double DurationMs, bool HasError);
}
