using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The gateway signs every request it forwards with a key only it and the services hold; a service accepts a write
/// only with a fresh, valid signature. So a write that reaches a service any other way (directly, or a webhook
/// pointed at a service's own address) is refused, whatever its other headers say. The signature also covers the
/// role of the caller's verified API key (X-Gateway-Role), so a service can trust it.
/// </summary>
public static class GatewaySignature
{
    public const string Header = "X-Gateway-Signature";
    public const string RoleHeader = "X-Gateway-Role";
    public const string KeySetting = "Gateway:SigningKey";

    /// <summary>How far the signer's clock may be from the checker's; a captured signature is useless after it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// "t=&lt;unix seconds&gt;,v1=&lt;base64 HMAC-SHA256 of "t.METHOD.path.role"&gt;" (the path as the service sees it,
    /// decoded; the role empty when the caller sent no key).
    /// </summary>
    public static string Sign(string key, string method, string path, string? role, DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={seconds},v1={Convert.ToBase64String(Mac(key, seconds, method, path, role))}";
    }

    public static bool IsValid(string key, string? signature, string method, string path, string? role, DateTimeOffset now)
    {
        if (signature is null || !signature.StartsWith("t=", StringComparison.Ordinal) || signature.Split(",v1=") is not [var stamp, var mac])
        {
            return false;
        }

        var seconds = stamp[2..];
        if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || Math.Abs(now.ToUnixTimeSeconds() - unix) > Lifetime.TotalSeconds)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        return Convert.TryFromBase64String(mac, given, out var length) && length == 32
            && CryptographicOperations.FixedTimeEquals(given, Mac(key, seconds, method, path, role));
    }

    /// <summary>The role of the caller's API key as the gateway vouched for it; null without a valid signature or a key.</summary>
    public static string? CallerRole(HttpContext context) => context.Items[RoleHeader] as string;

    private static byte[] Mac(string key, string seconds, string method, string path, string? role) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{seconds}.{method.ToUpperInvariant()}.{path}.{role}"));

    /// <summary>Reads need no signature; anything else under /api does.</summary>
    public static bool NeedsSignature(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && request.Path.StartsWithSegments("/api");
}

/// <summary>A service's check of the gateway's signature on writes.</summary>
public sealed class GatewaySignatureCheck(RequestDelegate next, IConfiguration configuration)
{
    private readonly string? _key = configuration[GatewaySignature.KeySetting];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var role = request.Headers[GatewaySignature.RoleHeader].ToString();
        // A read that claims no role has nothing to verify: no MAC on the hot path of searches and lists.
        if (role.Length == 0 && !GatewaySignature.NeedsSignature(request))
        {
            return next(context);
        }

        var signed = _key is { Length: > 0 } key && request.Headers.ContainsKey(GatewaySignature.Header)
            && GatewaySignature.IsValid(key, request.Headers[GatewaySignature.Header], request.Method, request.Path.Value ?? "/", role, DateTimeOffset.UtcNow);
        if (signed && role.Length > 0)
        {
            context.Items[GatewaySignature.RoleHeader] = role;
        }

        if (signed || !GatewaySignature.NeedsSignature(request))
        {
            return next(context);
        }

        return ProblemDetailsExtensions.Problem(StatusCodes.Status403Forbidden, "Write not through the gateway",
            "This service accepts writes only through the platform's gateway; send the request to the gateway with an API key.").ExecuteAsync(context);
    }
}
