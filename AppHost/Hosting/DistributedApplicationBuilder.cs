namespace IdmPlatform.Hosting;

/// <summary>Collects the resources of an application before it is built (Aspire's IDistributedApplicationBuilder).</summary>
public interface IDistributedApplicationBuilder
{
    DistributedApplicationOptions Options { get; }

    /// <summary>The checkout root; relative project paths resolve against it.</summary>
    string ContentRoot { get; }

    /// <summary>Where servers keep their data.</summary>
    string DataDirectory { get; }

    IReadOnlyList<Resource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : Resource;

    DistributedApplication Build();
}

/// <summary>A handle on one resource of the model, for fluent configuration.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    IDistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed class ResourceBuilder<T>(T resource, IDistributedApplicationBuilder applicationBuilder) : IResourceBuilder<T> where T : IResource
{
    public T Resource { get; } = resource;

    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        ContentRoot = Path.GetFullPath(options.ContentRoot ?? FindContentRoot());
        DataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(ContentRoot, ".data"));
    }

    public DistributedApplicationOptions Options { get; }

    public string ContentRoot { get; }

    public string DataDirectory { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build() => new(this, [.. _resources]);

    // The AppHost runs from bin/…; the checkout is the first folder above holding the solution.
    private static string FindContentRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IdmPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
