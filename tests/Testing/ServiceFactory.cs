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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
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

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}
