using IdmPlatform.Ingestion.Duplicates;
using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Jobs;
using IdmPlatform.Ingestion.Sources;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("ingestiondb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<ProcessDocumentConsumer>());

builder.Services.Configure<IngestionOptions>(builder.Configuration.GetSection(IngestionOptions.Section));
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
    (builder.Configuration.GetValue<long?>($"{IngestionOptions.Section}:MaxDocumentBytes") ?? IngestionOptions.DefaultMaxDocumentBytes) + (64 * 1024));
builder.Services.AddSingleton<DocumentExtractor>();
builder.Services.AddSingleton<JobStore>();
builder.Services.AddSingleton<NearDuplicates>();
builder.Services.AddSingleton<DocumentFetcher>();
builder.Services.AddSingleton<DocumentSubmission>();
builder.Services.AddSingleton<SourceStore>();
builder.Services.AddHostedService<FeedPoller>();

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapDocumentEndpoints();
app.MapJobEndpoints();
app.MapSourceEndpoints();

app.Run();

public partial class Program;
