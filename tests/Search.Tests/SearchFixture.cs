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

    /// <summary>Whether the search service's inbox has recorded the event, i.e. a consumer handled it.</summary>
    public async Task<bool> WasHandledAsync(Guid eventId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM inbox_messages WHERE event_id = @id)", connection);
        command.Parameters.AddWithValue("id", eventId);
        return await command.ExecuteScalarAsync() is true;
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(SearchCollection))]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>;
