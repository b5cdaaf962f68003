using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.Contracts;
using IdmPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.Search.Tests;

/// <summary>
/// The search service on real Redis and RabbitMQ. Its catalogue is a small local site that exports what a test puts
/// in <see cref="CatalogueStatements"/>, as the catalogue's export does, so rebuilding can be tested on its own.
/// Facets are counted exactly over 5 matches only, so tests can see estimates without thousands of statements.
/// </summary>
public sealed class SearchFixture() : InfrastructureFixture(databaseName: null)
{
    public const int ExactFacetBound = 5;

    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), $"idm-search-tests-{Guid.NewGuid():N}"[..30]);

    public ServiceFactory<Program> Service { get; private set; } = null!;

    public LocalSite Catalogue { get; private set; } = null!;

    /// <summary>What the catalogue's exports hold.</summary>
    public List<StatementView> CatalogueStatements { get; } = [];

    public List<DocumentView> CatalogueDocuments { get; } = [];

    /// <summary>The catalogue's merges ("people/ana-ruiz" → "ana-ruiz-lopez"): their old pages answer 301, as the catalogue's do.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> CatalogueMerges { get; } = new();

    /// <summary>Entity pages ("people/ana-ruiz") the catalogue cannot answer for now: they get a 503, as from a catalogue that is down.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> CatalogueOutages { get; } = new();

    /// <summary>How often the catalogue was asked for an entity's page.</summary>
    public int CatalogueEntityLookups => _entityLookups;

    private int _entityLookups;

    public IBus Bus => Service.Services.GetRequiredService<IBus>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Catalogue = await LocalSite.StartAsync(app =>
        {
            app.MapGet("/api/catalogue/exports/documents.jsonl", () => JsonLines(CatalogueDocuments));
            app.MapGet("/api/catalogue/exports/statements.jsonl", () => JsonLines(CatalogueStatements));
            app.MapGet("/api/catalogue/{kind}/{slug}", (string kind, string slug) =>
            {
                Interlocked.Increment(ref _entityLookups);
                return CatalogueOutages.ContainsKey($"{kind}/{slug}") ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                    : CatalogueMerges.TryGetValue($"{kind}/{slug}", out var into)
                    ? Results.Redirect($"/api/catalogue/{kind}/{Uri.EscapeDataString(into)}", permanent: true)
                    : Results.NotFound();
            });
        });
        Service = new ServiceFactory<Program>(new Dictionary<string, string>
        {
            ["Search:Catalogue"] = Catalogue.Address.ToString(),
            ["Search:IndexPath"] = _indexPath,
            ["Search:ExactFacetBound"] = ExactFacetBound.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = Service.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/search/status")).GetProperty("ready").GetBoolean(),
            "the index's first build");
    }

    private static IResult JsonLines<T>(List<T> items)
    {
        lock (items)
        {
            return Results.Text(string.Concat(items.Select(i => JsonSerializer.Serialize(i, JsonSerializerOptions.Web) + "\n")), "application/x-ndjson");
        }
    }

    public override async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Catalogue.DisposeAsync();
        await base.DisposeAsync();
        if (Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }
    }
}

[CollectionDefinition(nameof(SearchCollection))]
public sealed class SearchCollection : ICollectionFixture<SearchFixture>;
