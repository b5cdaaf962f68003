using Microsoft.Extensions.Configuration;

namespace IdmPlatform.AppHost;

/// <summary>
/// Where the platform keeps its data and how it is reached, from configuration (command line, environment):
/// <c>Platform:DataDirectory</c> (default <c>.data</c> beside the AppHost), <c>Platform:Ephemeral</c> (throw-away data,
/// for tests), <c>Platform:GatewayPort</c> (default 8080) and <c>Platform:SeedSampleData</c> (default true).
/// </summary>
public sealed record PlatformData(string Directory, bool Durable, int GatewayPort, bool SeedSampleData, PlatformKeys Keys)
{
    public const int DefaultGatewayPort = 8080;

    public static PlatformData From(IDistributedApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Platform");
        var directory = Path.GetFullPath(settings["DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
        return new PlatformData(
            directory,
            Durable: !settings.GetValue("Ephemeral", false),
            GatewayPort: settings.GetValue("GatewayPort", DefaultGatewayPort),
            SeedSampleData: settings.GetValue("SeedSampleData", true),
            Keys: PlatformKeys.LoadOrCreate(directory));
    }

    /// <summary>The folder of one server's data.</summary>
    public string PathOf(string resource) => Path.Combine(Directory, resource);

    /// <summary>The team's sample documents, in the repository beside the AppHost.</summary>
    public static string SampleFolder(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "samples", "documents"));
}
