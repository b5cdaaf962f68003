using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire's service defaults (telemetry over OTLP, health endpoints, service discovery, resilient HTTP clients),
/// with MassTransit's traces and metrics and the platform's problem details. PostgreSQL's and Redis's telemetry and
/// health checks come with their Aspire client integrations.
/// </summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddPlatformProblemDetails();
        // Above RequestGuard's limit, so an over-long URL gets its problem details rather than Kestrel's empty 414.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestLineSize = 4 * RequestGuard.MaxTargetLength);
        return builder;
    }

    /// <summary>
    /// The pipeline every service behind the gateway starts with: problem details, the gateway's public address as the
    /// host links are made with, writes only through the gateway, and conditional reads.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UsePlatformProblemDetails();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto });
        app.UseMiddleware<GatewaySignatureCheck>();
        app.UseMiddleware<ConditionalGets>();
        return app;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Every request and every SQL command (the outbox relay polls twice a second) at Information would drown the
        // logs people look for, in the console and in the dashboard; configuration can still lower these.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // The proxy and the resilience pipeline log each forwarded request and each attempt (four records for every
        // request at the gateway): under load that was a fifth of the gateway's processor time, and as much again in the
        // orchestrator copying the console.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // A failing check would log an error on every probe (the orchestrator probes each second while a dependency
        // starts); its state is in /health and the dashboard's health column.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(Telemetry.SourceName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(Telemetry.SourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options =>
                    // Probes every second would drown the traces people look for.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// /health answers whether every dependency is reachable (readiness); /alive only whether the process runs.
    /// Both are mapped in every environment: the AppHost and the gateway rely on them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }
}
