using Npgsql;

namespace IdmPlatform.Ingestion.Tests;

/// <summary>
/// Makes PostgreSQL refuse the rows of a table whose column holds one value, until disposed, as it refuses a value it
/// cannot store (a NUL, an index row too long): a refusal no retry changes, for the paths that must turn one into the
/// error of one job or one source.
/// </summary>
internal sealed class DatabaseRefusal : IAsyncDisposable
{
    public const string Message = "refused for this test";

    private readonly NpgsqlDataSource _database;
    private readonly string _name;
    private readonly string _table;

    private DatabaseRefusal(NpgsqlDataSource database, string name, string table) => (_database, _name, _table) = (database, name, table);

    public static async Task<DatabaseRefusal> InstallAsync(NpgsqlDataSource database, string table, string column, string value, string sqlState)
    {
        var name = $"refuse_{Guid.NewGuid():N}";
        await ExecuteAsync(database,
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{Message}' USING ERRCODE = '{sqlState}'; END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW WHEN (NEW.{column} = '{value}') EXECUTE FUNCTION {name}();
            """);
        return new DatabaseRefusal(database, name, table);
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync(_database, $"DROP TRIGGER {_name} ON {_table}; DROP FUNCTION {_name}();");

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
