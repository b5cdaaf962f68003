using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Search.Tests;

public sealed class SearchFixture() : InfrastructureFixture("searchdb")
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new ServiceFactory<Program>();
        Service.CreateClient().Dispose();
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(SearchCollection))]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>;
