using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Gateway;

public static class Roles
{
    public const string Contributor = "contributor";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>Each role may do what the roles before it may.</summary>
    private static readonly string[] Ordered = [Contributor, Editor, Admin];

    public static bool Grants(string held, string required) =>
        Array.IndexOf(Ordered, held) is var rank and >= 0 && rank >= Array.IndexOf(Ordered, required);
}

public sealed class GatewayKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>Known keys, by the SHA-256 of the key (hex): the keys themselves are never stored.</summary>
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;
}

/// <summary>
/// Who is calling: the verified key, or nobody (then the client's address stands for the caller). A key that is not
/// one this deployment issued is remembered as such, so it can neither read nor buy its sender a budget of its own.
/// </summary>
public sealed record Caller(ApiKeyEntry? Key, bool PresentedUnknownKey, string Address)
{
    public const string KeyHeader = "X-Api-Key";

    /// <summary>What limits and idempotency records are counted under: the key's name, else the address.</summary>
    public string Id => Key is { } key ? $"key:{key.Name}" : $"ip:{Address}";

    public static Caller Of(HttpContext context) => (Caller)context.Items[typeof(Caller)]!;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Identifies the caller once, before the rate limit, so the limit counts verified keys only.</summary>
public sealed class CallerMiddleware(RequestDelegate next, IOptionsMonitor<GatewayKeyOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var presented = context.Request.Headers[Caller.KeyHeader].ToString();
        var key = presented.Length == 0 ? null : Find(presented);
        context.Items[typeof(Caller)] = new Caller(key, presented.Length > 0 && key is null, address);
        return next(context);
    }

    private ApiKeyEntry? Find(string presented)
    {
        var hash = Encoding.ASCII.GetBytes(Caller.Hash(presented));
        return options.CurrentValue.Keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), hash));
    }
}

/// <summary>
/// Reading is open; writing needs an X-Api-Key whose role covers the route: contributor to ingest,
/// editor to curate the catalogue, admin to manage feeds. Subscriptions are managed with their own token.
/// A key that is not known is refused on every route, reads included.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next)
{
    public const string Challenge = "ApiKey header=\"X-Api-Key\"";

    public static string? RequiredRole(HttpRequest request) => RequiredRole(request.Method, request.Path);

    /// <summary>The role a route needs; the OpenAPI document's security requirements come from here too.</summary>
    public static string? RequiredRole(string method, PathString path)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            // Reading is open, but for what only those who write there should see: the feeds an administrator follows
            // (their addresses may carry tokens), and the list of everyone's submissions. A job's own page stays open
            // to whoever holds its id, as the submission's Location gives it.
            return path.StartsWithSegments("/api/ingestion/sources") ? Roles.Admin
                : path.StartsWithSegments("/api/ingestion/jobs", out var rest) && rest.Value is null or "" or "/" ? Roles.Contributor
                : null;
        }

        return path.StartsWithSegments("/api/ingestion/sources") ? Roles.Admin
            : path.StartsWithSegments("/api/ingestion") ? Roles.Contributor
            : path.StartsWithSegments("/api/catalogue") ? Roles.Editor
            : path.StartsWithSegments("/api/search") ? Roles.Admin
            : null;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var caller = Caller.Of(context);
        if (caller.PresentedUnknownKey && context.Request.Path.StartsWithSegments("/api"))
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "Unknown API key", "The X-Api-Key is not one this deployment issued.");
            return;
        }

        if (RequiredRole(context.Request) is not { } required)
        {
            await next(context);
            return;
        }

        if (caller.Key is not { } entry)
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "API key required", $"This operation needs an API key with the '{required}' role in the X-Api-Key header.");
            return;
        }

        if (!Roles.Grants(entry.Role, required))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Not allowed", $"This operation needs the '{required}' role; the key '{entry.Name}' has '{entry.Role}'.");
            return;
        }

        await next(context);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = Challenge;
        }

        return ProblemDetailsExtensions.Problem(status, title, detail).ExecuteAsync(context);
    }
}
