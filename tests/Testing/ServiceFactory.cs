using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdmPlatform.Testing;

/// <summary>
/// One service, in process, wired to the fixture's real servers through its usual configuration.
/// Settings go in as environment variables, as the AppHost would pass them, so Program.cs sees them
/// while it builds (each test assembly is its own process, hosting one service).
/// </summary>
public sealed class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public ServiceFactory(IReadOnlyDictionary<string, string>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), value);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}
