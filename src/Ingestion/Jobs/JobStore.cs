using System.Security.Cryptography;
using IdmPlatform.Contracts;
using IdmPlatform.Ingestion.Duplicates;
using Npgsql;

namespace IdmPlatform.Ingestion.Jobs;

/// <summary>Reads and writes jobs and raw documents in the ingestion database.</summary>
public sealed class JobStore(NpgsqlDataSource dataSource)
{
    private const string JobColumns = "id, status, stage, error, document_id, statement_count, created_at, completed_at";

    public static string ContentHash(byte[] content) => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(content))}";

    /// <summary>Stores the document and its job, and queues the job, in one transaction.</summary>
    /// <returns>
    /// The new job, or null with the existing document id when these bytes were seen before. Bytes whose last job
    /// failed (a timeout on a busy machine, a reader fixed since) get a new job: a failure must not bar a retry.
    /// </returns>
    public async Task<(JobView? Job, string DocumentId)> SubmitAsync(SubmittedDocument document, CancellationToken cancellationToken)
    {
        var hash = ContentHash(document.Content);
        var documentId = Ids.FromKey("doc", hash);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO documents (id, content_hash, content_type, content, source_url, published_on, language)
            VALUES (@id, @hash, @type, @content, @url, @published, @language)
            ON CONFLICT (content_hash) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", documentId);
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("type", document.ContentType);
            insert.Parameters.AddWithValue("content", document.Content);
            insert.Parameters.AddWithValue("url", (object?)document.SourceUrl ?? DBNull.Value);
            insert.Parameters.AddWithValue("published", (object?)document.PublishedOn ?? DBNull.Value);
            insert.Parameters.AddWithValue("language", (object?)document.Language ?? DBNull.Value);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0 && !await RetryFailedAsync(transaction, documentId, document, cancellationToken))
            {
                return (null, documentId);
            }
        }

        var jobId = Ids.New("job");
        await using (var job = new NpgsqlCommand(
            $"INSERT INTO jobs (id, document_id, status, stage) VALUES (@id, @doc, @status, 'queued') RETURNING {JobColumns}",
            connection, transaction))
        {
            job.Parameters.AddWithValue("id", jobId);
            job.Parameters.AddWithValue("doc", documentId);
            job.Parameters.AddWithValue("status", JobStatus.Queued);
            await using var reader = await job.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var view = Read(reader);
            await reader.CloseAsync();
            await Outbox.EnqueueAsync(transaction, new DocumentSubmitted(Guid.NewGuid(), DateTimeOffset.UtcNow, jobId), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (view, documentId);
        }
    }

    /// <summary>
    /// True when the stored document's last job failed, so it is to be tried again, with the hints this submission
    /// gives and its content type: a file first sent with the wrong type (a PDF as text/plain) is read as what the
    /// new submission says it is. The document's row is locked first: two retries at once make one new job, not two.
    /// </summary>
    private static async Task<bool> RetryFailedAsync(NpgsqlTransaction transaction, string documentId, SubmittedDocument document, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH locked AS (SELECT id FROM documents WHERE id = @id FOR UPDATE),
                 failed AS (
                     SELECT l.id FROM locked l
                     WHERE (SELECT status FROM jobs WHERE document_id = l.id ORDER BY created_at DESC, id DESC LIMIT 1) = 'failed')
            UPDATE documents d SET content_type = @type, source_url = COALESCE(@url, d.source_url),
                                   published_on = COALESCE(@published, d.published_on), language = COALESCE(@language, d.language)
            FROM failed f WHERE d.id = f.id
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", documentId);
        command.Parameters.AddWithValue("type", document.ContentType);
        command.Parameters.AddWithValue("url", (object?)document.SourceUrl ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlTypes.NpgsqlDbType.Date) { Value = (object?)document.PublishedOn ?? DBNull.Value });
        command.Parameters.AddWithValue("language", (object?)document.Language ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<JobView?> FindAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM jobs WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The earliest other document received from this address: the original a translation points to.</summary>
    public async Task<string?> FindBySourceUrlAsync(Uri sourceUrl, string exceptDocumentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM documents WHERE source_url = @url AND id <> @except ORDER BY received_at LIMIT 1");
        command.Parameters.AddWithValue("url", sourceUrl.ToString());
        command.Parameters.AddWithValue("except", exceptDocumentId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<Page<JobView>> ListAsync(string? status, int limit, DateTimeOffset? beforeAt, string? beforeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {JobColumns} FROM jobs
            WHERE (@status::text IS NULL OR status = @status)
              AND (@at::timestamptz IS NULL OR (created_at, id) < (@at, @id))
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("at", (object?)beforeAt ?? DBNull.Value);
        command.Parameters.AddWithValue("id", (object?)beforeId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        var jobs = new List<JobView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(Read(reader));
        }

        var next = jobs.Count > limit ? Paging.Position(jobs[limit - 1].CreatedAt, jobs[limit - 1].JobId) : null;
        return new Page<JobView>(jobs.Take(limit).ToList(), next);
    }

    /// <summary>Moves a queued job to processing and hands back its document; null when it is no longer queued.</summary>
    public async Task<(SubmittedDocument Document, string DocumentId, string ContentHash)?> StartAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH started AS (
                UPDATE jobs SET status = 'processing', stage = 'extracting'
                WHERE id = @id AND status IN ('queued', 'processing')
                RETURNING document_id)
            SELECT d.id, d.content, d.content_type, d.source_url, d.published_on, d.language, d.content_hash
            FROM documents d JOIN started s ON s.document_id = d.id
            """);
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var document = new SubmittedDocument(
            reader.GetFieldValue<byte[]>(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
            reader.IsDBNull(5) ? null : reader.GetString(5));
        return (document, reader.GetString(0), reader.GetString(6));
    }

    public async Task FailAsync(string jobId, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE jobs SET status = 'failed', error = @error, completed_at = now() WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Completes the job and queues the event that tells the catalogue, atomically.</summary>
    public async Task CompleteAsync(string jobId, DocumentIngested ingested, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            """
            UPDATE jobs SET status = 'completed', stage = 'catalogued', error = NULL,
                            statement_count = @count, completed_at = now()
            WHERE id = @id
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", jobId);
            command.Parameters.AddWithValue("count", ingested.Statements.Count);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await NearDuplicates.RememberAsync(transaction, ingested.DocumentId, fingerprint, cancellationToken);
        await Outbox.EnqueueAsync(transaction, ingested, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static JobView Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetInt32(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
}
