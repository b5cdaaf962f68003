namespace IdmPlatform.Hosting;

/// <summary>The Aspire-shaped verbs: AddPostgres, AddProject, WithReference, WaitFor…</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
        => builder.AddResource(new PostgresServerResource(name));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name)
        => builder.AddResource(new RedisResource(name));

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
        => builder.AddResource(new RabbitMQServerResource(name));

    /// <summary>A project of the solution; the path is relative to the content root. It gets an http endpoint on a free port.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        var project = new ProjectResource(name, Path.GetFullPath(Path.Combine(builder.ContentRoot, projectPath)));
        project.Endpoints.Add(new EndpointAnnotation("http", "http", null, null));
        return builder.AddResource(project);
    }

    /// <summary>Any executable; it gets no endpoint unless WithHttpEndpoint adds one.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command, IEnumerable<string>? args = null, string? workingDirectory = null)
    {
        var executable = new ExecutableResource(name, command, Path.GetFullPath(Path.Combine(builder.ContentRoot, workingDirectory ?? ".")));
        foreach (var arg in args ?? [])
        {
            executable.Arguments.Add(arg);
        }

        return builder.AddResource(executable);
    }

    /// <summary>Sets the http endpoint's port (fixed unless ports are randomised); env names the variable an executable reads it from.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http", string? env = null) where T : ProcessResource
    {
        var endpoints = builder.Resource.Endpoints;
        var existing = endpoints.FirstOrDefault(e => e.Name == name);
        if (existing is not null)
        {
            endpoints.Remove(existing);
        }

        endpoints.Add(new EndpointAnnotation(name, "http", port, env));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : IResourceWithEnvironment
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : ProcessResource
    {
        foreach (var arg in args)
        {
            builder.Resource.Arguments.Add(arg);
        }

        return builder;
    }

    /// <summary>Hands over ConnectionStrings__&lt;name&gt;.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source) where T : ProcessResource
    {
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Hands over services__&lt;name&gt;__http__0 for every endpoint of the referenced resource.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProcessResource> source) where T : ProcessResource
    {
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Start only once the dependency is healthy (a database: once created).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : Resource
    {
        if (!builder.Resource.WaitsFor.Contains(dependency.Resource))
        {
            builder.Resource.WaitsFor.Add(dependency.Resource);
        }

        return builder;
    }

    /// <summary>Healthy means GET path answers 200 on the http endpoint.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/") where T : ProcessResource
    {
        if (builder.Resource.Endpoints.Count == 0)
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' has no http endpoint to check.");
        }

        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}
