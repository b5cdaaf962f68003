using IdmPlatform.Contracts;
using MassTransit;

namespace IdmPlatform.Catalogue.Documents;

/// <summary>Catalogues what ingestion found, then wakes the outbox relay so search and alerts hear of it at once.</summary>
public sealed class DocumentIngestedConsumer(DocumentRecorder recorder, Outbox outbox) : IConsumer<DocumentIngested>
{
    public async Task Consume(ConsumeContext<DocumentIngested> context)
    {
        await recorder.RecordAsync(context.Message, context.CancellationToken);
        outbox.Wake();
    }
}
