using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace IdmPlatform.Gateway;

/// <summary>Signs each forwarded request (GatewaySignature), so the services can tell it came through here.</summary>
public static class RequestSigning
{
    public static IReverseProxyBuilder AddRequestSigning(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        var key = configuration[GatewaySignature.KeySetting];
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidOperationException($"No signing key: set {GatewaySignature.KeySetting.Replace(":", "__", StringComparison.Ordinal)} (the AppHost does).");
        }

        return proxy.AddTransforms(context => context.AddRequestTransform(transform =>
        {
            var request = transform.HttpContext.Request;
            var role = Caller.Of(transform.HttpContext).Key?.Role;
            // Whatever a client sent under these names is replaced: only the gateway speaks them.
            transform.ProxyRequest.Headers.Remove(GatewaySignature.Header);
            transform.ProxyRequest.Headers.Remove(GatewaySignature.RoleHeader);
            if (role is not null)
            {
                transform.ProxyRequest.Headers.TryAddWithoutValidation(GatewaySignature.RoleHeader, role);
            }

            transform.ProxyRequest.Headers.TryAddWithoutValidation(GatewaySignature.Header,
                GatewaySignature.Sign(key, request.Method, transform.Path.Value ?? "/", role, DateTimeOffset.UtcNow));
            return ValueTask.CompletedTask;
        }));
    }
}
