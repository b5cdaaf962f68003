using IdmPlatform.Catalogue.Entities;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Npgsql;

namespace IdmPlatform.Catalogue.Curation;

/// <summary>An editor's correction (PATCH): only the fields given change.</summary>
public sealed record StatementCorrection(
    string? Speaker = null,
    string? SpeakerRole = null,
    string? Organisation = null,
    string? Event = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<int>? GcmObjectives = null);

/// <summary>An editor's changes to one statement: corrections and retractions, each told to readers through the outbox.</summary>
public sealed class StatementCurator(NpgsqlDataSource dataSource)
{
    /// <summary>Retracts a statement and queues StatementRetracted; false when there is no such live statement.</summary>
    public async Task<bool> RetractAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"UPDATE statements s SET retracted_at = now() WHERE s.id = @id AND {StatementReader.IsLive}", connection, transaction);
        command.Parameters.AddWithValue("id", id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await Outbox.EnqueueAsync(transaction, new StatementRetracted(Guid.NewGuid(), DateTimeOffset.UtcNow, id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies an editor's correction and queues StatementUpdated with the corrected statement; null when
    /// there is no such live statement. A named speaker or organisation that is new to the catalogue is created.
    /// </summary>
    public async Task<StatementView?> CorrectAsync(string id, StatementCorrection correction, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var speaker = correction.Speaker is null ? null : await EntityNames.PersonAsync(transaction, correction.Speaker, correction.SpeakerRole, null, cancellationToken);
        var organisation = correction.Organisation is null ? null : await EntityNames.OrganisationAsync(transaction, correction.Organisation, null, cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"""
            UPDATE statements s SET
                speaker_slug = COALESCE(@speaker, speaker_slug),
                speaker_role = CASE WHEN @speaker IS NULL THEN COALESCE(@role, speaker_role) ELSE @role END,
                organisation_slug = COALESCE(@organisation, organisation_slug),
                event_slug = COALESCE(@event, event_slug),
                themes = COALESCE(@themes, themes),
                gcm_objectives = COALESCE(@gcm, gcm_objectives)
            WHERE s.id = @id AND {StatementReader.IsLive}
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("speaker", (object?)speaker ?? DBNull.Value);
            command.Parameters.AddWithValue("role", (object?)correction.SpeakerRole ?? DBNull.Value);
            command.Parameters.AddWithValue("organisation", (object?)organisation ?? DBNull.Value);
            command.Parameters.AddWithValue("event", (object?)correction.Event ?? DBNull.Value);
            command.Parameters.Add(new NpgsqlParameter("themes", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)correction.Themes?.Distinct(StringComparer.Ordinal).ToArray() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("gcm", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)correction.GcmObjectives?.Distinct().Order().ToArray() ?? DBNull.Value });
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        var corrected = (await StatementReader.QueryAsync(connection, transaction, "WHERE s.id = @id", c => c.Parameters.AddWithValue("id", id), cancellationToken))[0].Statement;
        await Outbox.EnqueueAsync(transaction, new StatementUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, corrected), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return corrected;
    }

    public async Task<bool> EventExistsAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM events WHERE slug = @slug");
        command.Parameters.AddWithValue("slug", slug);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
