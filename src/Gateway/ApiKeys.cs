using System.Security.Cryptography;
using System.Text;

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
/// Reading is open; writing needs an X-Api-Key whose role covers the route: contributor to ingest,
/// editor to curate the catalogue, admin to manage feeds. Subscriptions are managed with their own token.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptionsMonitor<GatewayKeyOptions> options)
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string? RequiredRole(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        var path = request.Path;
        return path.StartsWithSegments("/api/ingestion/sources") ? Roles.Admin
            : path.StartsWithSegments("/api/ingestion") ? Roles.Contributor
            : path.StartsWithSegments("/api/catalogue") ? Roles.Editor
            : null;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (RequiredRole(context.Request) is not { } required)
        {
            await next(context);
            return;
        }

        var key = context.Request.Headers["X-Api-Key"].ToString();
        if (key.Length == 0)
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "API key required", $"This operation needs an API key with the '{required}' role in the X-Api-Key header.");
            return;
        }

        var hash = Encoding.ASCII.GetBytes(Hash(key));
        var entry = options.CurrentValue.Keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), hash));
        if (entry is null)
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, "Unknown API key", "The X-Api-Key is not one this deployment issued.");
            return;
        }

        if (!Roles.Grants(entry.Role, required))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Not allowed", $"This operation needs the '{required}' role; the key '{entry.Name}' has '{entry.Role}'.");
            return;
        }

        await next(context);
    }

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        ProblemDetailsExtensions.Problem(status, title, detail).ExecuteAsync(context);
}
