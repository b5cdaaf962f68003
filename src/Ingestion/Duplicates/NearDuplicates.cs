using Npgsql;

namespace IdmPlatform.Ingestion.Duplicates;

/// <summary>
/// Finds an earlier document with nearly the same text (the same release syndicated elsewhere, or lightly
/// reworded) so that it is linked to the first instead of alerting subscribers a second time.
/// </summary>
public sealed class NearDuplicates(NpgsqlDataSource dataSource)
{
    /// <summary>Estimated Jaccard similarity of word shingles above which two texts are the same document.</summary>
    public const double Threshold = 0.7;

    public async Task<string?> FindOriginalAsync(string documentId, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT f.document_id, f.signature
            FROM document_fingerprints f JOIN documents d ON d.id = f.document_id
            WHERE f.document_id <> @id AND f.document_id IN (
                SELECT document_id FROM document_bands WHERE (band, hash) IN (SELECT * FROM unnest(@bands::smallint[], @hashes::bigint[])))
            ORDER BY d.received_at
            """);
        command.Parameters.AddWithValue("id", documentId);
        command.Parameters.AddWithValue("bands", Enumerable.Range(0, TextFingerprint.Bands).Select(b => (short)b).ToArray());
        command.Parameters.AddWithValue("hashes", fingerprint.BandHashes());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (TextFingerprint.FromSignature(reader.GetFieldValue<long[]>(1)).Similarity(fingerprint) >= Threshold)
            {
                return reader.GetString(0);
            }
        }

        return null;
    }

    /// <summary>Remembers a document's fingerprint, within the transaction that completes its job.</summary>
    public static async Task RememberAsync(NpgsqlTransaction transaction, string documentId, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO document_fingerprints (document_id, signature) VALUES (@id, @signature) ON CONFLICT DO NOTHING;
            INSERT INTO document_bands (band, hash, document_id)
            SELECT band, hash, @id FROM unnest(@bands::smallint[], @hashes::bigint[]) AS b(band, hash) ON CONFLICT DO NOTHING;
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("id", documentId);
        command.Parameters.AddWithValue("signature", fingerprint.ToStored());
        command.Parameters.AddWithValue("bands", Enumerable.Range(0, TextFingerprint.Bands).Select(b => (short)b).ToArray());
        command.Parameters.AddWithValue("hashes", fingerprint.BandHashes());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
