using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace IdmPlatform.Hosting;

/// <summary>
/// Ports and generated secrets kept in DataDirectory/ports.json, so a second start on the same data
/// finds its servers on the same ports with the same passwords.
/// </summary>
internal sealed class HostState
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private readonly HashSet<int> _taken = [];

    public Dictionary<string, int> Ports { get; set; } = [];

    public Dictionary<string, string> Secrets { get; set; } = [];

    public static HostState Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<HostState>(File.ReadAllText(path), JsonOptions) ?? new() : new();
        }
        catch (JsonException)
        {
            return new();
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>The recorded port for key when it is still free, else a new free one (recorded).</summary>
    public int PersistentPort(string key)
    {
        if (Ports.TryGetValue(key, out var port) && !_taken.Contains(port) && IsFree(port))
        {
            _taken.Add(port);
            return port;
        }

        return Ports[key] = FreePort();
    }

    /// <summary>A free loopback port found by binding port 0, never one handed out earlier in this run.</summary>
    public int FreePort()
    {
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            if (_taken.Add(port))
            {
                return port;
            }
        }
    }

    public void Take(int port) => _taken.Add(port);

    public string Secret(string key) => Secrets.TryGetValue(key, out var value) ? value : Secrets[key] = NewPassword();

    public static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Letters and digits only, like Aspire's generated passwords for URIs and connection strings.
    public static string NewPassword(int length = 22)
        => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
