using IdmPlatform.Contracts;
using IdmPlatform.Search.Engine;
using MassTransit;

namespace IdmPlatform.Search.Indexing;

/// <summary>
/// Keeps this replica's index in step with the catalogue: new and corrected statements in, retracted ones out.
/// Events come in batches, so the index takes in hundreds with one refresh when the catalogue is busy, and a lone
/// statement within milliseconds when it is not.
/// </summary>
public sealed class CatalogueEventsConsumer(SearchEngine engine) :
    IConsumer<Batch<StatementsPublished>>, IConsumer<Batch<StatementUpdated>>, IConsumer<Batch<StatementRetracted>>, IConsumer<Batch<DocumentCatalogued>>
{
    public Task Consume(ConsumeContext<Batch<DocumentCatalogued>> context) =>
        engine.ApplyAsync([.. context.Message.Select(m => new DocumentChanged(m.Message.EventId, m.Message.OccurredAt, m.Message.Document))], context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<StatementsPublished>> context) =>
        engine.ApplyAsync([.. context.Message.SelectMany(m => m.Message.Statements.Select(s => new StatementChanged(m.Message.EventId, m.Message.OccurredAt, s)))], context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<StatementUpdated>> context) =>
        engine.ApplyAsync([.. context.Message.Select(m => new StatementChanged(m.Message.EventId, m.Message.OccurredAt, m.Message.Statement))], context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<StatementRetracted>> context) =>
        engine.ApplyAsync([.. context.Message.Select(m => new StatementRemoved(m.Message.EventId, m.Message.OccurredAt, m.Message.StatementId))], context.CancellationToken);
}
