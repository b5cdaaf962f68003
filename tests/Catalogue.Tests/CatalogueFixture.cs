using System.Collections.Concurrent;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Catalogue.Tests;

/// <summary>The catalogue on real servers, plus a spy queue that hears what it publishes.</summary>
public sealed class CatalogueFixture() : InfrastructureFixture("cataloguedb")
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public ConcurrentQueue<StatementsPublished> Published { get; } = new();

    public ConcurrentQueue<StatementRetracted> Retracted { get; } = new();

    public ConcurrentQueue<StatementUpdated> Updated { get; } = new();

    public ConcurrentQueue<DocumentCatalogued> Catalogued { get; } = new();

    public ConcurrentQueue<EntityMerged> Merged { get; } = new();

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new ServiceFactory<Program>();
        Service.CreateClient().Dispose(); // starts the host, its bus and consumers
        var spy = Bus.ConnectReceiveEndpoint("catalogue-tests-spy", endpoint =>
        {
            endpoint.Handler<StatementsPublished>(context =>
            {
                Published.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<StatementUpdated>(context =>
            {
                Updated.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<StatementRetracted>(context =>
            {
                Retracted.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<DocumentCatalogued>(context =>
            {
                Catalogued.Enqueue(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<EntityMerged>(context =>
            {
                Merged.Enqueue(context.Message);
                return Task.CompletedTask;
            });
        });
        await spy.Ready;
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(nameof(CatalogueCollection))]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueFixture>;
