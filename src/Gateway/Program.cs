using IdmPlatform.Gateway;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedis("redis");

builder.Services.AddReverseProxy()
    .LoadFromMemory(Routes.All, Routes.Clusters(builder.Configuration))
    .AddRequestSigning(builder.Configuration);
builder.Services.AddDownstreamHealthChecks(Routes.Services);
builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
builder.Services.AddSingleton<RedisRateLimiter>();
builder.Services.Configure<GatewayKeyOptions>(builder.Configuration.GetSection(GatewayKeyOptions.Section));
builder.Services.AddHttpClient(nameof(OpenApiDocument));

var app = builder.Build();

app.UsePlatformProblemDetails();
app.MapDefaultEndpoints();
app.MapMergedOpenApi();
app.MapScalarApiReference("/docs", options => options.WithTitle("IdmPlatform API").WithOpenApiRoutePattern(OpenApiExtensions.DocumentPath));
// Who calls, then how much they may, then what they may, then whether this write was already answered.
app.UseMiddleware<CallerMiddleware>();
app.UseMiddleware<RateLimitMiddleware>();
app.UseMiddleware<ApiKeyMiddleware>();
app.UseMiddleware<IdempotencyMiddleware>();
app.MapReverseProxy();

app.Run();

public partial class Program;
