using Microsoft.Extensions.Configuration;

namespace IdmPlatform.AppHost;

/// <summary>
/// Where the platform keeps its data and how it is reached, from configuration (command line, environment):
/// <c>Platform:DataDirectory</c> (default <c>.data</c> beside the AppHost), <c>Platform:Ephemeral</c> (throw-away data,
/// for tests), <c>Platform:GatewayPort</c> (default 8080), <c>Platform:SeedSampleData</c> (default true) and
/// <c>Platform:RateLimit</c> (requests a minute per caller, default 600) and <c>Platform:SearchReplicas</c> (default 2).
/// </summary>
public sealed record PlatformData(string Directory, bool Durable, int GatewayPort, bool SeedSampleData, int RateLimit, int SearchReplicas, PlatformKeys Keys)
{
    public const int DefaultGatewayPort = 8080;

    /// <summary>
    /// The key the gateway signs forwarded requests with and the services check. The gateway and the services always
    /// start together, so a new key each start is enough and none is kept on disk.
    /// </summary>
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static PlatformData From(IDistributedApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Platform");
        var directory = Path.GetFullPath(settings["DataDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
        return new PlatformData(
            directory,
            Durable: !settings.GetValue("Ephemeral", false),
            GatewayPort: settings.GetValue("GatewayPort", DefaultGatewayPort),
            SeedSampleData: settings.GetValue("SeedSampleData", true),
            RateLimit: settings.GetValue("RateLimit", 600),
            SearchReplicas: settings.GetValue("SearchReplicas", 2),
            Keys: PlatformKeys.LoadOrCreate(directory));
    }

    /// <summary>The folder of one server's data.</summary>
    public string PathOf(string resource) => Path.Combine(Directory, resource);

    /// <summary>The team's sample documents, in the repository beside the AppHost.</summary>
    public static string SampleFolder(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "samples", "documents"));
}
