using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IdmPlatform.Hosting.Tests;

[Collection(nameof(ServersCollection))]
public sealed class ServerTests(ServersFixture servers)
{
    private static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Fact]
    public async Task The_database_is_created_and_reachable_with_its_connection_string()
    {
        var connectionString = await servers.App.GetConnectionStringAsync(ServersFixture.Database);
        Assert.Matches(@"^Host=localhost;Port=\d+;Username=postgres;Password=[A-Za-z0-9]{22};Database=hostingtestdb$", connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS probe (id int); INSERT INTO probe VALUES (1); SELECT current_database()", connection);
        Assert.Equal(ServersFixture.Database, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var connectionString = await servers.App.GetConnectionStringAsync("postgres");
        var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(wrong);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task Redis_answers_PING_on_its_connection_string()
    {
        var connectionString = await servers.App.GetConnectionStringAsync("redis");
        Assert.Matches(@"^localhost:\d+$", connectionString);

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", int.Parse(connectionString.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[7];
        var read = await stream.ReadAsync(buffer);
        Assert.Equal("+PONG\r\n", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Every_server_is_listed_running_and_healthy_with_its_pid()
    {
        foreach (var name in new[] { "postgres", "redis", "eventbus" })
        {
            var snapshot = servers.App.Resources.Single(r => r.Name == name);
            Assert.Equal(ResourceState.Running, snapshot.State);
            Assert.NotNull(snapshot.Pid);
            Assert.True(File.Exists($"/proc/{snapshot.Pid}/stat"), $"{name}'s PID {snapshot.Pid} is not a live process");
        }

        Assert.Single(servers.App.Resources, r => r.Name == ServersFixture.Database && r.Kind == "PostgresDatabase");
    }

    [Fact]
    public async Task RabbitMQ_stopped_then_started_is_healthy_again_on_the_same_port()
    {
        var before = await servers.App.GetConnectionStringAsync("eventbus");
        Assert.StartsWith("amqp://guest:guest@localhost:", before, StringComparison.Ordinal);
        var oldPid = servers.App.GetResource("eventbus").Pid;

        await servers.App.StopResourceAsync("eventbus", Timeout());
        var stopped = servers.App.GetResource("eventbus");
        Assert.Equal(ResourceState.Exited, stopped.State);
        Assert.Null(stopped.Health);
        Assert.False(await AmqpAnswersAsync(new Uri(before).Port), "the broker still answers after being stopped");

        await servers.App.StartResourceAsync("eventbus", Timeout());
        await servers.App.WaitForResourceHealthyAsync("eventbus", Timeout(90));
        var restarted = servers.App.GetResource("eventbus");
        Assert.Equal(HealthStatus.Healthy, restarted.Health);
        Assert.NotEqual(oldPid, restarted.Pid);
        Assert.Equal(before, await servers.App.GetConnectionStringAsync("eventbus"));
        Assert.True(await AmqpAnswersAsync(new Uri(before).Port));
    }

    [Fact]
    public async Task The_dashboard_requires_the_login_token_then_serves_the_resources()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = servers.App.DashboardUrl };

        using var anonymous = await http.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login", anonymous.Headers.Location?.OriginalString);
        using var anonymousApi = await http.GetAsync("/api/resources");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        using var wrongToken = await http.GetAsync("/login?t=nope");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrongToken.StatusCode);

        using var login = await http.GetAsync(servers.App.DashboardLoginUrl);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        var page = await http.GetStringAsync("/");
        Assert.Contains("<h1>Resources</h1>", page, StringComparison.Ordinal);
        var json = await http.GetStringAsync("/api/resources");
        Assert.Contains("\"name\":\"postgres\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":", json, StringComparison.Ordinal);
        var logs = await http.GetStringAsync("/api/resources/postgres/logs?after=0");
        Assert.Contains("database system is ready to accept connections", logs, StringComparison.Ordinal);
    }

    private static async Task<bool> AmqpAnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray());
            var buffer = new byte[7];
            return await stream.ReadAsync(buffer) > 0 && buffer[0] == 1;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
