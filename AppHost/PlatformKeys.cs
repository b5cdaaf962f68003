using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IdmPlatform.AppHost;

/// <summary>
/// The local deployment's API keys, one per role, created on the first start and kept in
/// &lt;data&gt;/api-keys.json (git-ignored, readable by its owner only) so that a second start prints the
/// same keys. The gateway is handed only their SHA-256 hashes.
/// </summary>
public sealed record PlatformKeys(string Contributor, string Editor, string Admin)
{
    public const string FileName = "api-keys.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Role and key, in the gateway's order of roles.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Role, string Key)> ByRole => [("contributor", Contributor), ("editor", Editor), ("admin", Admin)];

    public static PlatformKeys LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)
            && JsonSerializer.Deserialize<PlatformKeys>(File.ReadAllText(path), JsonOptions) is { Contributor.Length: > 0, Editor.Length: > 0, Admin.Length: > 0 } existing)
        {
            return existing;
        }

        var keys = new PlatformKeys(NewKey("contributor"), NewKey("editor"), NewKey("admin"));
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(path, JsonSerializer.Serialize(keys, JsonOptions));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return keys;
    }

    /// <summary>The hash the gateway compares with (lower-case hex SHA-256 of the key, as ApiKeyMiddleware.Hash).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string NewKey(string role) =>
        $"idm_{role}_{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32)}";
}
