using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace IdmPlatform.Hosting;

/// <summary>The health checks the AppHost runs itself: each speaks the server's own protocol.</summary>
internal static class HealthProbes
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>Open a connection (no pooling, so a dead server is noticed) and run SELECT 1.</summary>
    public static async Task<bool> PostgresAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Timeout=3;Command Timeout=3");
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return Equals(await command.ExecuteScalarAsync(ct), 1);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>PING over a raw TCP connection, expecting +PONG.</summary>
    public static async Task<bool> RedisAsync(int port, CancellationToken ct)
    {
        var reply = await ExchangeAsync(port, Encoding.ASCII.GetBytes("PING\r\n"), 7, ct);
        return reply is not null && Encoding.ASCII.GetString(reply).StartsWith("+PONG", StringComparison.Ordinal);
    }

    /// <summary>The AMQP 0-9-1 protocol header; a ready broker answers with a method frame (type 1: Connection.Start).</summary>
    public static async Task<bool> RabbitMQAsync(int port, CancellationToken ct)
    {
        var reply = await ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), 7, ct);
        return reply is [1, ..];
    }

    public static async Task<bool> HttpAsync(Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return (int)response.StatusCode == 200;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<byte[]?> ExchangeAsync(int port, byte[] request, int expected, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[expected];
            var read = 0;
            while (read < expected)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return read == expected ? buffer : null;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
