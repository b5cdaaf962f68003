using IdmPlatform.Catalogue.Entities;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Documents;

/// <summary>Records what ingestion found in a document: the document, the entities it names, and its statements.</summary>
public sealed class DocumentRecorder(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records an ingested document and its statements and queues a DocumentCatalogued for it and one StatementsPublished
    /// with its statements, in one transaction. A redelivered event changes nothing. A duplicate of a known document publishes nothing,
    /// so subscribers are not alerted twice.
    /// </summary>
    public async Task<int> RecordAsync(DocumentIngested ingested, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await Inbox.TryBeginAsync(transaction, "catalogue-document-ingested", ingested.EventId, cancellationToken)
            || !await InsertDocumentAsync(transaction, ingested, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var organisations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in ingested.Organisations)
        {
            var slug = await EntityNames.OrganisationAsync(transaction, organisation.Name, organisation.Acronym, cancellationToken);
            organisations[organisation.Name] = slug;
            if (organisation.Acronym is not null)
            {
                organisations[organisation.Acronym] = slug;
            }

            await LinkAsync(transaction, ingested.DocumentId, "organisation", slug, null, cancellationToken);
        }

        async Task<string?> OrganisationSlugAsync(string? nameOrAcronym) =>
            nameOrAcronym is null ? null
            : organisations.TryGetValue(nameOrAcronym, out var known) ? known
            : organisations[nameOrAcronym] = await EntityNames.OrganisationAsync(transaction, nameOrAcronym, null, cancellationToken);

        var people = new Dictionary<string, (string Slug, string? Role, string? Organisation)>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in ingested.People)
        {
            var organisationSlug = await OrganisationSlugAsync(person.Organisation);
            var slug = await EntityNames.PersonAsync(transaction, person.Name, person.Role, organisationSlug, cancellationToken);
            people[person.Name] = (slug, person.Role, organisationSlug);
            await LinkAsync(transaction, ingested.DocumentId, "person", slug, person.Role, cancellationToken);
        }

        foreach (var catalogueEvent in ingested.Events)
        {
            await EntityNames.EventAsync(transaction, catalogueEvent, cancellationToken);
            await LinkAsync(transaction, ingested.DocumentId, "event", catalogueEvent.Slug, null, cancellationToken);
        }

        var firstEvent = ingested.Events.Count > 0 ? ingested.Events[0] : null;
        var statementIds = new List<string>();
        foreach (var statement in ingested.Statements)
        {
            (string Slug, string? Role, string? Organisation)? speaker = null;
            if (statement.Speaker is not null)
            {
                speaker = people.TryGetValue(statement.Speaker, out var known)
                    ? known
                    : people[statement.Speaker] = (await EntityNames.PersonAsync(transaction, statement.Speaker, null, null, cancellationToken), null, null);
            }

            var id = Ids.FromKey("st", $"{ingested.DocumentId}/{statement.Ordinal}");
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO statements (id, document_id, ordinal, kind, text, language, date, speaker_slug, speaker_role,
                                        organisation_slug, event_slug, panel, themes, gcm_objectives, passage_start, passage_end)
                VALUES (@id, @doc, @ordinal, @kind, @text, @language, @date, @speaker, @role,
                        @organisation, @event, @panel, @themes, @gcm, @start, @end)
                """, transaction.Connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("doc", ingested.DocumentId);
            insert.Parameters.AddWithValue("ordinal", statement.Ordinal);
            insert.Parameters.AddWithValue("kind", statement.Kind);
            insert.Parameters.AddWithValue("text", statement.Text);
            insert.Parameters.AddWithValue("language", ingested.Language);
            insert.Parameters.AddWithValue("date", (object?)ingested.PublishedOn ?? (object?)firstEvent?.StartsOn ?? DBNull.Value);
            insert.Parameters.AddWithValue("speaker", (object?)speaker?.Slug ?? DBNull.Value);
            insert.Parameters.AddWithValue("role", (object?)speaker?.Role ?? DBNull.Value);
            insert.Parameters.AddWithValue("organisation", (object?)(await OrganisationSlugAsync(statement.Organisation) ?? speaker?.Organisation) ?? DBNull.Value);
            insert.Parameters.AddWithValue("event", (object?)(statement.EventSlug ?? firstEvent?.Slug) ?? DBNull.Value);
            insert.Parameters.AddWithValue("panel", (object?)statement.Panel ?? DBNull.Value);
            insert.Parameters.AddWithValue("themes", statement.Themes.ToArray());
            insert.Parameters.AddWithValue("gcm", statement.GcmObjectives.ToArray());
            insert.Parameters.AddWithValue("start", statement.PassageStart);
            insert.Parameters.AddWithValue("end", statement.PassageEnd);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            statementIds.Add(id);
        }

        // Every new document, duplicates too (the view says of which): search indexes what the documents export holds.
        var catalogued = (await DocumentReader.QueryViewsAsync(connection, transaction, "WHERE d.id = @id",
            c => c.Parameters.AddWithValue("id", ingested.DocumentId), cancellationToken))[0];
        await Outbox.EnqueueAsync(transaction, new DocumentCatalogued(Guid.NewGuid(), DateTimeOffset.UtcNow, catalogued), cancellationToken);

        if (ingested.DuplicateOf is null && statementIds.Count > 0)
        {
            var statements = await StatementReader.QueryAsync(connection, transaction, "WHERE s.id = ANY(@ids) ORDER BY s.ordinal",
                c => c.Parameters.AddWithValue("ids", statementIds.ToArray()), cancellationToken);
            await Outbox.EnqueueAsync(transaction,
                new StatementsPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, ingested.DocumentId, [.. statements.Select(s => s.Statement)]), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return statementIds.Count;
    }

    private static async Task<bool> InsertDocumentAsync(NpgsqlTransaction transaction, DocumentIngested d, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO documents (id, title, published_on, language, kind, source_url, content_hash, duplicate_of, translation_of, themes, gcm_objectives, text)
            VALUES (@id, @title, @published, @language, @kind, @url, @hash, @duplicate, @translation, @themes, @gcm, @text)
            ON CONFLICT (id) DO NOTHING
            """, transaction.Connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("id", d.DocumentId);
        p.AddWithValue("title", (object?)d.Title ?? DBNull.Value);
        p.AddWithValue("published", (object?)d.PublishedOn ?? DBNull.Value);
        p.AddWithValue("language", d.Language);
        p.AddWithValue("kind", d.Kind);
        p.AddWithValue("url", (object?)d.SourceUrl ?? DBNull.Value);
        p.AddWithValue("hash", d.ContentHash);
        p.AddWithValue("duplicate", (object?)d.DuplicateOf ?? DBNull.Value);
        p.AddWithValue("translation", (object?)d.TranslationOf ?? DBNull.Value);
        p.AddWithValue("themes", d.Themes.ToArray());
        p.AddWithValue("gcm", d.GcmObjectives.ToArray());
        p.AddWithValue("text", d.Text);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task LinkAsync(NpgsqlTransaction transaction, string documentId, string kind, string slug, string? role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO document_entities (document_id, entity_kind, slug, role) VALUES (@doc, @kind, @slug, @role) ON CONFLICT DO NOTHING",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("doc", documentId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("role", (object?)role ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
