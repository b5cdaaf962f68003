using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>What the three server types share: their start scripts, free ports, and a protocol exchange for health.</summary>
internal static class ServerScripts
{
    /// <summary>The script's path in the build output, where the project copies it (Scripts/*.sh).</summary>
    public static string PathOf(string script) => Path.Combine(AppContext.BaseDirectory, "Scripts", script);

    /// <summary>A port free on loopback now; for the ports a server needs besides its endpoint (epmd, Erlang distribution).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends a request and reads exactly <paramref name="expected"/> bytes back, or null if the server does not answer so.</summary>
    public static async Task<byte[]?> ExchangeAsync(string host, int port, byte[] request, int expected, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[expected];
            var read = 0;
            while (read < expected && await stream.ReadAsync(buffer.AsMemory(read), timeout.Token) is > 0 and var n)
            {
                read += n;
            }

            return read == expected ? buffer : null;
        }
        catch (Exception ex) when (ex is SocketException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}

/// <summary>
/// Healthy when the server answers a request of its own protocol as a ready server does (Redis's PING, the AMQP
/// header): an open port alone says nothing, RabbitMQ's opens seconds before it takes a connection.
/// </summary>
internal sealed class ProtocolHealthCheck(EndpointReference endpoint, byte[] request, int replyLength, Func<byte[], bool> isReady, string notReady) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("The endpoint is not allocated yet.");
        }

        var reply = await ServerScripts.ExchangeAsync(endpoint.Host, endpoint.Port, request, replyLength, cancellationToken);
        return reply is not null && isReady(reply) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(notReady);
    }
}
