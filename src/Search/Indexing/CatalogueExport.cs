using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IdmPlatform.Contracts;

namespace IdmPlatform.Search.Indexing;

/// <summary>Reads the catalogue's streamed exports, one JSON line at a time, never the whole of it in memory.</summary>
public sealed class CatalogueExport(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IAsyncEnumerable<StatementView> StatementsAsync(CancellationToken cancellationToken) =>
        LinesAsync<StatementView>("/api/catalogue/exports/statements.jsonl", cancellationToken);

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
