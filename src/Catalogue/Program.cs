using IdmPlatform.Catalogue.Exports;
using IdmPlatform.Catalogue.Statements;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("cataloguedb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<DocumentIngestedConsumer>());

builder.Services.AddSingleton<CatalogueStore>();
builder.Services.AddSingleton(services => new CatalogueExports(services.GetRequiredService<CatalogueStore>()));

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapStatementEndpoints();
app.MapDocumentEndpoints();
app.MapEntityEndpoints();
app.MapExportEndpoints();

app.Run();

public partial class Program;
