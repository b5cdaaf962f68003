using IdmPlatform.Catalogue.Documents;
using IdmPlatform.Catalogue.Entities;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Curation;

public enum MergeOutcome
{
    Merged,
    UnknownSource,
    UnknownTarget,
    SourceAlreadyMerged,
    TargetAlreadyMerged,
}

/// <summary>How a merge went; <see cref="MergedInto"/> says where an already merged slug went.</summary>
public sealed record MergeResult(MergeOutcome Outcome, string? MergedInto = null);

/// <summary>An editor's merge of one person or organisation into another of its kind.</summary>
public sealed class EntityMerger(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Merges <paramref name="slug"/> into <paramref name="into"/> in one transaction: its statements (retracted ones
    /// too, which still reference it) become the other's, the documents that name it name the other, the other takes
    /// what it lacks from it (a person's role and organisation, an organisation's acronym), and its slug is kept as a
    /// redirect. Each live statement that moved is queued as a StatementUpdated and each document whose entities
    /// changed as a DocumentCatalogued, so search and subscribers see what a correction would have shown them.
    /// </summary>
    public async Task<MergeResult> MergeAsync(EntityKind entity, string slug, string into, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await EntityNames.LockOutNamingAsync(transaction, cancellationToken);

        // Both rows locked, in slug order, so two merges of the same entities (or an ingestion naming them) wait for
        // each other; a row merged away meanwhile is no longer found, and the redirect is read after the wait.
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand($"SELECT slug FROM {entity.Table} WHERE slug = ANY(@slugs) ORDER BY slug FOR UPDATE", connection, transaction))
        {
            command.Parameters.AddWithValue("slugs", new[] { slug, into });
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                found.Add(r.GetString(0));
            }
        }

        if (!found.Contains(slug))
        {
            return await EntityDirectory.MergedIntoAsync(connection, transaction, entity, slug, cancellationToken) is { } went
                ? new MergeResult(MergeOutcome.SourceAlreadyMerged, went)
                : new MergeResult(MergeOutcome.UnknownSource);
        }

        if (!found.Contains(into))
        {
            return await EntityDirectory.MergedIntoAsync(connection, transaction, entity, into, cancellationToken) is { } went
                ? new MergeResult(MergeOutcome.TargetAlreadyMerged, went)
                : new MergeResult(MergeOutcome.UnknownTarget);
        }

        var fillBlanks = entity == EntityKind.Person
            ? "UPDATE people b SET role = COALESCE(b.role, a.role), organisation_slug = COALESCE(b.organisation_slug, a.organisation_slug) FROM people a WHERE b.slug = @into AND a.slug = @slug;"
            : "UPDATE organisations b SET acronym = COALESCE(b.acronym, a.acronym) FROM organisations a WHERE b.slug = @into AND a.slug = @slug; UPDATE people SET organisation_slug = @into WHERE organisation_slug = @slug;";
        var movedStatements = new List<string>();
        var changedDocuments = new List<string>();
        await using (var command = new NpgsqlCommand(
            $"""
            {fillBlanks}
            UPDATE statements SET {entity.StatementColumn} = @into WHERE {entity.StatementColumn} = @slug RETURNING id;
            SELECT DISTINCT document_id FROM document_entities WHERE entity_kind = @kind AND slug = @slug;
            UPDATE document_entities b SET role = COALESCE(b.role, a.role) FROM document_entities a
            WHERE a.entity_kind = @kind AND a.slug = @slug AND b.document_id = a.document_id AND b.entity_kind = @kind AND b.slug = @into;
            DELETE FROM document_entities a WHERE a.entity_kind = @kind AND a.slug = @slug
                AND EXISTS (SELECT 1 FROM document_entities b WHERE b.document_id = a.document_id AND b.entity_kind = @kind AND b.slug = @into);
            UPDATE document_entities SET slug = @into WHERE entity_kind = @kind AND slug = @slug;
            UPDATE entity_merges SET into_slug = @into WHERE entity_kind = @kind AND into_slug = @slug;
            INSERT INTO entity_merges (entity_kind, slug, into_slug) VALUES (@kind, @slug, @into);
            DELETE FROM {entity.Table} WHERE slug = @slug;
            """, connection, transaction))
        {
            // A document that names both keeps one row (the primary key allows no other), with the role either gave it.
            command.Parameters.AddWithValue("kind", entity.Kind);
            command.Parameters.AddWithValue("slug", slug);
            command.Parameters.AddWithValue("into", into);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                movedStatements.Add(r.GetString(0));
            }

            await r.NextResultAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                changedDocuments.Add(r.GetString(0));
            }
        }

        // Retracted statements and a duplicate's copies were never (or are no longer) published: nobody is told of them.
        var moved = await StatementReader.QueryAsync(connection, transaction, $"WHERE s.id = ANY(@ids) AND {StatementReader.IsLive} ORDER BY s.id",
            c => c.Parameters.AddWithValue("ids", movedStatements.ToArray()), cancellationToken);
        foreach (var statement in moved)
        {
            await Outbox.EnqueueAsync(transaction, new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, statement.Statement), cancellationToken);
        }

        var documents = await DocumentReader.QueryViewsAsync(connection, transaction, "WHERE d.id = ANY(@ids) ORDER BY d.id",
            c => c.Parameters.AddWithValue("ids", changedDocuments.ToArray()), cancellationToken);
        foreach (var document in documents)
        {
            await Outbox.EnqueueAsync(transaction, new DocumentCatalogued(Guid.NewGuid(), DateTimeOffset.UtcNow, document), cancellationToken);
        }

        await Outbox.EnqueueAsync(transaction, new EntityMerged(Guid.NewGuid(), DateTimeOffset.UtcNow, entity.Kind, slug, into), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeResult(MergeOutcome.Merged, into);
    }
}
