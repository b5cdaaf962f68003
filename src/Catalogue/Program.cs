using IdmPlatform.Catalogue.Curation;
using IdmPlatform.Catalogue.Documents;
using IdmPlatform.Catalogue.Entities;
using IdmPlatform.Catalogue.Exports;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Catalogue.Taxonomies;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("cataloguedb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<DocumentIngestedConsumer>());

builder.Services.AddSingleton<StatementReader>();
builder.Services.AddSingleton<DocumentReader>();
builder.Services.AddSingleton<DocumentRecorder>();
builder.Services.AddSingleton<EntityDirectory>();
builder.Services.AddSingleton<StatementCurator>();
builder.Services.AddSingleton<EntityMerger>();
builder.Services.AddSingleton(services => new CatalogueExports(services.GetRequiredService<StatementReader>(), services.GetRequiredService<DocumentReader>()));

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapStatementEndpoints();
app.MapDocumentEndpoints();
app.MapEntityEndpoints();
app.MapTaxonomyEndpoints();
app.MapCurationEndpoints();
app.MapExportEndpoints();

app.Run();

public partial class Program;
