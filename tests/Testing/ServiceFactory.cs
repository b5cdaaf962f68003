using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.Testing;

/// <summary>
/// One service, in process, wired to the fixture's real servers through its usual configuration.
/// Settings go in as environment variables, as the AppHost would pass them, so Program.cs sees them
/// while it builds; once the host is built they are set back, so a second factory gets only its own.
/// </summary>
public sealed class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public ServiceFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { [GatewaySignature.KeySetting] = GatewaySigningHandler.TestKey };
        foreach (var (key, value) in all)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        try
        {
            return base.CreateHost(builder);
        }
        finally
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    /// <summary>A client whose requests carry the gateway's signature, as if they came through the gateway.</summary>
    public HttpClient CreateSignedClient() => CreateDefaultClient(new GatewaySigningHandler());

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}

/// <summary>Signs each request as the gateway does (GatewaySignature), with the tests' key.</summary>
public sealed class GatewaySigningHandler(string key = GatewaySigningHandler.TestKey, string? role = null) : DelegatingHandler
{
    /// <summary>The key service factories give their service, as the AppHost gives one to every service.</summary>
    public const string TestKey = "tests-signing-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        request.Headers.Remove(GatewaySignature.Header);
        request.Headers.Remove(GatewaySignature.RoleHeader);
        if (role is not null)
        {
            request.Headers.Add(GatewaySignature.RoleHeader, role);
        }

        request.Headers.Add(GatewaySignature.Header, GatewaySignature.Sign(key, request.Method.Method, path, role, DateTimeOffset.UtcNow));
        return base.SendAsync(request, cancellationToken);
    }
}
