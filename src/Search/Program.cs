using IdmPlatform.Search.Glossary;
using IdmPlatform.Search.Index;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("searchdb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<StatementEventsConsumer>());

builder.Services.AddSingleton(QueryGlossary.Load());
builder.Services.AddSingleton<SearchIndex>();

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapSearchEndpoints();

app.Run();

public partial class Program;
