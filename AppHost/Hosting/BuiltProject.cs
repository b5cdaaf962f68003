using System.Reflection;
using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace IdmPlatform.Hosting;

/// <summary>A .NET project run straight from its build output, as a process of its own.</summary>
/// <remarks>
/// Aspire's AddProject starts a project through <c>dotnet run</c>. On Linux that wrapper keeps the orchestrator's
/// stop signal (SIGINT) to itself, so the service never hears it and is killed after a timeout (13 s per service,
/// measured); the wrapper also costs a build evaluation and about 130 MB per service. Build the solution first.
/// </remarks>
public sealed class BuiltProjectResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithServiceDiscovery;

public static class BuiltProjectExtensions
{
    /// <summary>
    /// Adds the project's built executable with an HTTP endpoint (on <paramref name="port"/>, or one the orchestrator
    /// picks), the AppHost's environment name, and OpenTelemetry sent to the dashboard, as AddProject gives them.
    /// </summary>
    public static IResourceBuilder<BuiltProjectResource> AddBuiltProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new()
    {
        var projectPath = new TProject().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        // The services were built with the AppHost: same configuration, same target framework.
        var appHost = builder.AppHostAssembly ?? throw new InvalidOperationException("The AppHost assembly is unknown.");
        var configuration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = new FrameworkName(appHost.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName).Version;
        var executable = Path.Combine(directory, "bin", configuration, $"net{framework.Major}.{framework.Minor}", Path.GetFileNameWithoutExtension(projectPath));

        var project = new BuiltProjectResource(name, executable, directory);
        return builder.AddResource(project)
            .WithHttpEndpoint(port: port, name: "http")
            .WithEnvironment(context =>
            {
                if (!File.Exists(executable))
                {
                    throw new DistributedApplicationException($"{executable} does not exist: build the solution first (configuration {configuration}).");
                }

                var http = project.GetEndpoint("http");
                context.EnvironmentVariables["ASPNETCORE_URLS"] = ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}");
                context.EnvironmentVariables["ASPNETCORE_ENVIRONMENT"] = builder.Environment.EnvironmentName;
                context.EnvironmentVariables["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
                // Every service, every server and the dashboard share this machine's few cores. Measured under load, idle
                // thread-pool workers spinning for work took 40% of a service's processor time and server GC's per-core
                // heaps add their own spinning; blocking at once and one workstation heap leave the cores to real work.
                context.EnvironmentVariables["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
                context.EnvironmentVariables["DOTNET_gcServer"] = "0";
            })
            .WithOtlpExporter();
    }

    /// <summary>
    /// Tells <paramref name="caller"/> every replica of a service under one name, as service discovery lists replicas
    /// (services__name__http__0, __1…), so it balances over them. Each replica is a resource of its own: the
    /// orchestrator's own replicas are for projects only.
    /// </summary>
    public static IResourceBuilder<BuiltProjectResource> WithReplicasOf(
        this IResourceBuilder<BuiltProjectResource> caller, string service, IReadOnlyList<IResourceBuilder<BuiltProjectResource>> replicas)
    {
        foreach (var (replica, index) in replicas.Select((r, i) => (r, i)))
        {
            caller.WithEnvironment($"services__{service}__http__{index}", replica.GetEndpoint("http"));
        }

        return caller;
    }
}
