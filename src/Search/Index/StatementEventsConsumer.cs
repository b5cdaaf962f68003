using IdmPlatform.Contracts;
using MassTransit;

namespace IdmPlatform.Search.Index;

/// <summary>Keeps the read model in step with the catalogue: new and corrected statements in, retracted ones out.</summary>
public sealed class StatementEventsConsumer(SearchIndex index) :
    IConsumer<StatementPublished>, IConsumer<StatementUpdated>, IConsumer<StatementRetracted>
{
    public Task Consume(ConsumeContext<StatementPublished> context) =>
        index.UpsertAsync(context.Message.EventId, context.Message.Statement, context.CancellationToken);

    public Task Consume(ConsumeContext<StatementUpdated> context) =>
        index.UpsertAsync(context.Message.EventId, context.Message.Statement, context.CancellationToken);

    public Task Consume(ConsumeContext<StatementRetracted> context) =>
        index.RemoveAsync(context.Message.StatementId, context.CancellationToken);
}
