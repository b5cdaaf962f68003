using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdmPlatform.Hosting;

/// <summary>The lifecycle states a resource goes through, named as Aspire's KnownResourceStates.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Stopping,
    Exited,
    FailedToStart,
}

/// <summary>One line a resource wrote (or the orchestrator wrote about it).</summary>
public sealed record ResourceLogLine(string Resource, long Sequence, DateTimeOffset Timestamp, string Text, bool IsError)
{
    public override string ToString() => $"[{Resource}]{(IsError ? " (err)" : string.Empty)} {Text}";
}

/// <summary>An immutable view of a resource at one moment, what the dashboard and tests read.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Kind,
    ResourceState State,
    HealthStatus? Health,
    int? Pid,
    IReadOnlyList<string> Endpoints,
    int RestartCount,
    DateTimeOffset? StartedAt,
    int? ExitCode,
    string? Message,
    IReadOnlyList<string> WaitsFor);

/// <summary>Anything the AppHost models: a server, a database, a project, an executable.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource other resources can be handed a connection string for.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The value of ConnectionStrings__&lt;name&gt;; available once the application is built.</summary>
    string GetConnectionString();
}

/// <summary>A resource launched as a process that receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource
{
    IDictionary<string, string> Environment { get; }
}

/// <summary>A resource with HTTP endpoints other resources can discover.</summary>
public interface IResourceWithEndpoints : IResource
{
    IList<EndpointAnnotation> Endpoints { get; }
}

/// <summary>An endpoint: the port other resources are told about (no proxy here, so it is also the listening port).</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? fixedPort, string? environmentVariable)
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    /// <summary>The port asked for in the model; null means a free one.</summary>
    public int? FixedPort { get; } = fixedPort;

    /// <summary>For executables: the variable that tells the process its port.</summary>
    public string? EnvironmentVariable { get; } = environmentVariable;

    /// <summary>The port chosen when the application was built.</summary>
    public int Port { get; internal set; }

    public Uri Url => new($"{Scheme}://localhost:{Port}");
}

/// <summary>Base of every resource: the model half (name, waits, references). The runtime half lives in the orchestrator.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public abstract string Kind { get; }

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IList<IResource> WaitsFor { get; } = [];

    /// <summary>Resources this one refers to (connection strings, service discovery).</summary>
    public IList<IResource> References { get; } = [];

    public override string ToString() => Name;
}

/// <summary>A process resource: executables and projects.</summary>
public abstract class ProcessResource(string name) : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints
{
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IList<string> Arguments { get; } = [];

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    /// <summary>The path probed with GET when health is checked; null means healthy once running.</summary>
    public string? HealthCheckPath { get; set; }
}

/// <summary>A .NET project of the solution, run from its build output with dotnet exec.</summary>
public sealed class ProjectResource(string name, string projectPath) : ProcessResource(name)
{
    public override string Kind => "Project";

    /// <summary>The .csproj path, absolute.</summary>
    public string ProjectPath { get; } = projectPath;
}

/// <summary>Any executable (Aspire's AddExecutable).</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory) : ProcessResource(name)
{
    public override string Kind => "Executable";

    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}

/// <summary>A PostgreSQL 15 server from the Debian package.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "Postgres";

    public int Port { get; internal set; }

    public static string UserName => "postgres";

    public string Password { get; internal set; } = string.Empty;

    public IList<PostgresDatabaseResource> Databases { get; } = [];

    public string GetConnectionString() => $"Host=localhost;Port={Port};Username={UserName};Password={Password}";
}

/// <summary>A database on a PostgreSQL server, created by the AppHost once the server is healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "PostgresDatabase";

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    public string GetConnectionString() => $"{Parent.GetConnectionString()};Database={DatabaseName}";
}

/// <summary>A Redis 7 server from the Debian package.</summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "Redis";

    public int Port { get; internal set; }

    public string GetConnectionString() => $"localhost:{Port}";
}

/// <summary>A RabbitMQ 3.10 broker from the Debian package, with its own epmd.</summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "RabbitMQ";

    public int Port { get; internal set; }

    public int DistributionPort { get; internal set; }

    public int EpmdPort { get; internal set; }

    public static string UserName => "guest";

    public static string Password => "guest";

    public string GetConnectionString() => $"amqp://{UserName}:{Password}@localhost:{Port}";
}
