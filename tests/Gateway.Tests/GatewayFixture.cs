using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IdmPlatform.Gateway.Tests;

/// <summary>
/// The gateway on a real Redis, in front of a stand-in backend that echoes what it was asked, so the
/// tests see exactly what the gateway forwarded.
/// </summary>
public sealed class GatewayFixture() : InfrastructureFixture(databaseName: null, withEventBus: false)
{
    public const int PermitLimit = 1_000;

    public string ContributorKey { get; } = $"contrib-{Guid.NewGuid():N}";

    public string EditorKey { get; } = $"editor-{Guid.NewGuid():N}";

    public string AdminKey { get; } = $"admin-{Guid.NewGuid():N}";

    private LocalSite _backend = null!;

    private int _calls;
    private int _refusals;

    /// <summary>How many requests the stand-in backend has answered.</summary>
    public int BackendCalls => Volatile.Read(ref _calls);

    public ServiceFactory<Program> Gateway { get; private set; } = null!;

    public string BackendAddress { get; private set; } = string.Empty;

    public bool BackendHealthy { get; set; } = true;

    /// <summary>Whether the backend serves its OpenAPI document.</summary>
    public bool ServiceDocumentsAvailable { get; set; } = true;

    /// <summary>How many of the next subscription requests the backend refuses with a 429.</summary>
    public void RefuseSubscriptions(int count) => Volatile.Write(ref _refusals, count);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _backend = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/health", () => BackendHealthy ? Results.Ok() : Results.StatusCode(503));
            app.MapGet("/openapi/v1.json", () => ServiceDocumentsAvailable
                ? Results.Json(new { paths = new Dictionary<string, object> { ["/api/ingestion/example"] = new { get = new { responses = new Dictionary<string, object> { ["200"] = new { description = "An example." } } } } } })
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            // A service that asks some callers to come back later, as notifications does past its confirmation-mail cap.
            app.MapPost("/api/notifications/subscriptions", (HttpRequest request) =>
            {
                if (Interlocked.Decrement(ref _refusals) < 0)
                {
                    return Echo(request);
                }

                request.HttpContext.Response.Headers.RetryAfter = "60";
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Come back later");
            });
            app.Map("/{**path}", Echo);
        });
        BackendAddress = _backend.Address.ToString().TrimEnd('/');
        Gateway = Create(PermitLimit);
    }

    /// <summary>What the backend answers by default: what reached it, and how many calls have.</summary>
    private IResult Echo(HttpRequest request) => Results.Json(new
    {
        path = request.Path.Value,
        query = request.QueryString.Value,
        signature = request.Headers[Microsoft.Extensions.Hosting.GatewaySignature.Header].ToString(),
        role = request.Headers[Microsoft.Extensions.Hosting.GatewaySignature.RoleHeader].ToString(),
        call = Interlocked.Increment(ref _calls),
    });

    /// <summary>A gateway of its own; <paramref name="ownKey"/> adds a contributor key only this gateway's tests use.</summary>
    public ServiceFactory<Program> Create(int permitLimit, TimeSpan? window = null, string? redis = null, string? ownKey = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:Window"] = (window ?? TimeSpan.FromMinutes(1)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["ApiKeys:Keys:0:Name"] = "tests-contributor",
            ["ApiKeys:Keys:0:Role"] = "contributor",
            ["ApiKeys:Keys:0:Hash"] = Caller.Hash(ContributorKey),
            ["ApiKeys:Keys:1:Name"] = "tests-editor",
            ["ApiKeys:Keys:1:Role"] = "editor",
            ["ApiKeys:Keys:1:Hash"] = Caller.Hash(EditorKey),
            ["ApiKeys:Keys:2:Name"] = "tests-admin",
            ["ApiKeys:Keys:2:Role"] = "admin",
            ["ApiKeys:Keys:2:Hash"] = Caller.Hash(AdminKey),
        };
        if (ownKey is not null)
        {
            settings["ApiKeys:Keys:3:Name"] = $"tests-own-{Caller.Hash(ownKey)[..8]}";
            settings["ApiKeys:Keys:3:Role"] = "contributor";
            settings["ApiKeys:Keys:3:Hash"] = Caller.Hash(ownKey);
        }

        foreach (var service in new[] { "ingestion", "catalogue", "search", "notifications" })
        {
            settings[$"services:{service}:http:0"] = BackendAddress;
        }

        if (redis is not null)
        {
            settings["ConnectionStrings:redis"] = redis;
        }

        var factory = new ServiceFactory<Program>(settings);
        factory.CreateClient().Dispose(); // build now, while these settings are the process's
        return factory;
    }

    public override async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _backend.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(GatewayCollection))]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>;
