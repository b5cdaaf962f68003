using IdmPlatform.Catalogue.Statements;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("cataloguedb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<DocumentIngestedConsumer>());

builder.Services.AddSingleton<CatalogueStore>();

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapStatementEndpoints();
app.MapDocumentEndpoints();
app.MapEntityEndpoints();

app.Run();

public partial class Program;
