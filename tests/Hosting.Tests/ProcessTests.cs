using Google.Protobuf;
using IdmPlatform.Hosting.Otlp;
using Xunit.Abstractions;

namespace IdmPlatform.Hosting.Tests;

/// <summary>Executables and projects, each test with its own small application (no servers).</summary>
public sealed class ProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"idm-hosting-{Guid.NewGuid():N}"[..24]);
    private readonly List<DistributedApplication> _apps = [];

    private static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    private IDistributedApplicationBuilder NewBuilder() => DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        DataDirectory = _dataDirectory,
        DashboardPort = null,
        RandomizePorts = true,
        FastUnsafeStorage = true,
        DeleteDataOnDispose = true,
        ResourceLog = line => output.WriteLine(line.ToString()),
    });

    private DistributedApplication Build(IDistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task A_process_that_keeps_crashing_is_restarted_with_a_growing_count()
    {
        var builder = NewBuilder();
        builder.AddExecutable("crasher", "/bin/sh", ["-c", "echo boom; echo oops >&2; exit 3"]);
        var app = Build(builder);

        await app.StartAsync(Timeout());
        // The third run has ended once it is Exited after the second restart.
        while (app.GetResource("crasher") is not { RestartCount: 2, State: ResourceState.Exited })
        {
            await Task.Delay(100, Timeout());
        }

        var snapshot = app.GetResource("crasher");
        Assert.Equal(3, snapshot.ExitCode);
        var lines = app.GetResourceLogs("crasher");
        Assert.True(lines.Count(l => l.Text == "boom" && !l.IsError) >= 3, "stdout of every run is kept");
        Assert.Contains(lines, l => l.Text == "oops" && l.IsError);
        Assert.Contains(lines, l => l.Text.Contains("Restarting in 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task References_become_Aspire_environment_variables()
    {
        var builder = NewBuilder();
        var db = builder.AddPostgres("pg").AddDatabase("somedb");
        var redis = builder.AddRedis("cache");
        var bus = builder.AddRabbitMQ("bus");
        var api = builder.AddProject("api", "does/not/Exist.csproj").WithHttpEndpoint(port: 8080);
        builder.AddExecutable("printer", "/bin/sh", ["-c", "env | grep -E '^(ConnectionStrings|services)__' | sort; sleep 30"])
            .WithReference(db).WithReference(redis).WithReference(bus).WithReference(api)
            .WithEnvironment("EXTRA", "1");
        var app = Build(builder);

        // Only the printer is started: the servers are not needed to see what it is handed.
        await app.StartResourceAsync("printer", Timeout());
        var apiPort = app.GetEndpoint("api").Port;
        Assert.NotEqual(8080, apiPort);
        var expected = new[]
        {
            $"ConnectionStrings__somedb={await app.GetConnectionStringAsync("somedb")}",
            $"ConnectionStrings__cache=localhost:{new Uri(app.GetResource("cache").Endpoints[0]).Port}",
            $"ConnectionStrings__bus={await app.GetConnectionStringAsync("bus")}",
            $"services__api__http__0=http://localhost:{apiPort}",
        };
        foreach (var line in expected)
        {
            await Eventually(() => app.GetResourceLogs("printer").Any(l => l.Text == line), $"missing {line}");
        }

        Assert.Matches(@"^amqp://guest:guest@localhost:\d+$", await app.GetConnectionStringAsync("bus"));
    }

    [Fact]
    public async Task A_project_that_was_not_built_fails_to_start_and_so_does_what_waits_for_it()
    {
        var builder = NewBuilder();
        var api = builder.AddProject("api", "does/not/Exist.csproj").WithHttpHealthCheck("/health");
        builder.AddExecutable("client", "/bin/sleep", ["30"]).WaitFor(api);
        var app = Build(builder);

        await app.StartAsync(Timeout());
        await app.WaitForResourceStateAsync("client", ResourceState.FailedToStart, Timeout());
        Assert.Equal(ResourceState.FailedToStart, app.GetResource("api").State);
        Assert.Contains("run dotnet build first", app.GetResource("api").Message, StringComparison.Ordinal);
        Assert.Contains("Dependency resource 'api' failed to start", app.GetResource("client").Message, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WaitForResourceHealthyAsync("api", Timeout()));
        Assert.Contains("failed to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_leaves_no_child_process_alive()
    {
        var builder = NewBuilder();
        builder.AddRedis("redis");
        // A shell with a grandchild in the background, and one that starts its own session to escape the group.
        builder.AddExecutable("tree", "/bin/sh", ["-c", "sleep 300 & setsid sleep 301 & wait"]);
        var app = Build(builder);
        await app.StartAsync(Timeout());
        await app.WaitForResourceHealthyAsync("redis", Timeout());
        await Eventually(() => Descendants(app.GetResource("tree").Pid!.Value).Count >= 2, "the shell's children did not start");
        var tree = Descendants(app.GetResource("tree").Pid!.Value);

        await app.DisposeAsync();

        var pids = app.ProcessIds.Concat(tree).ToList();
        Assert.True(pids.Count >= 4, $"expected redis, the shell and its two sleeps, got {string.Join(',', pids)}");
        var alive = pids.Where(IsAlive).ToList();
        Assert.True(alive.Count == 0, $"still alive: {string.Join(", ", alive)}");
        Assert.False(Directory.Exists(_dataDirectory), "DeleteDataOnDispose keeps nothing");
    }

    [Fact]
    public async Task The_OTLP_receiver_keeps_spans_by_trace()
    {
        var builder = NewBuilder();
        var app = Build(builder);
        await app.StartAsync(Timeout());

        var traceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
        var request = new ExportTraceServiceRequest();
        var resourceSpans = new ResourceSpans { Resource = new Otlp.Resource() };
        resourceSpans.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "catalogue" } });
        var scope = new ScopeSpans();
        scope.Spans.Add(new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(Convert.FromHexString("b7ad6b7169203331")),
            Name = "GET /api/statements",
            Kind = Span.Types.SpanKind.Server,
            StartTimeUnixNano = 1_700_000_000_000_000_000,
            EndTimeUnixNano = 1_700_000_000_250_000_000,
        });
        resourceSpans.ScopeSpans.Add(scope);
        request.ResourceSpans.Add(resourceSpans);

        using var http = new HttpClient();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        using var response = await http.PostAsync(new Uri(app.OtlpEndpoint, "/v1/traces"), content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var span = Assert.Single(app.Telemetry.GetTrace("0AF7651916CD43DD8448EB211C80319C"));
        Assert.Equal("catalogue", span.ServiceName);
        Assert.Equal("b7ad6b7169203331", span.SpanId);
        Assert.Null(span.ParentSpanId);
        Assert.Equal(TimeSpan.FromMilliseconds(250), span.Duration);
    }

    private static List<int> Descendants(int root)
    {
        var result = new List<int>();
        var parents = new HashSet<int> { root };
        bool added;
        do
        {
            added = false;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && !parents.Contains(pid) && ParentOf(pid) is { } parent && parents.Contains(parent))
                {
                    parents.Add(pid);
                    result.Add(pid);
                    added = true;
                }
            }
        }
        while (added);
        return result;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task Eventually(Func<bool> condition, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message);
            await Task.Delay(100);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
