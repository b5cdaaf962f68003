using System.Runtime.CompilerServices;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Search.Engine;

namespace IdmPlatform.Search.Indexing;

/// <summary>Reads the catalogue's streamed exports, one JSON line at a time, never the whole of it in memory.</summary>
public sealed class CatalogueExport(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Every document, then every statement, each with when it entered the catalogue (a statement with its document),
    /// so a page walk started before a rebuild still sees them as older than itself.
    /// </summary>
    public async IAsyncEnumerable<CatalogueItem> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var catalogued = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var document in LinesAsync<DocumentView>("/api/catalogue/exports/documents.jsonl", cancellationToken))
        {
            catalogued[document.Id] = document.CataloguedAt.UtcTicks;
            yield return new CatalogueItem(null, document, document.CataloguedAt.UtcTicks);
        }

        await foreach (var statement in LinesAsync<StatementView>("/api/catalogue/exports/statements.jsonl", cancellationToken))
        {
            yield return new CatalogueItem(statement, null, catalogued.GetValueOrDefault(statement.Document.Id));
        }
    }

    private async IAsyncEnumerable<T> LinesAsync<T>(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException($"An empty line in {path}.");
            }
        }
    }
}
