using IdmPlatform.Search.Engine;
using IdmPlatform.Search.Glossary;
using IdmPlatform.Search.Indexing;
using IdmPlatform.Search.Searching;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddRedis("redis");

// Each replica keeps its own index in process, fed by its own queue (it goes with the replica), rebuilt from the
// catalogue when the replica is new or has missed events.
var replica = SearchReplica.New();
builder.Services.AddSingleton(replica);
builder.AddEventBus(bus =>
{
    void OwnQueue(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Name = $"search-index-{replica.Name}";
        endpoint.Temporary = true;
        endpoint.PrefetchCount = 2_000;
    }

    bus.AddConsumer<CatalogueEventsConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
        .SetMessageLimit(500).SetTimeLimit(TimeSpan.FromMilliseconds(20)).SetConcurrencyLimit(1))).Endpoint(OwnQueue);
    bus.AddConsumer<RebuildRequestedConsumer>().Endpoint(OwnQueue);
    bus.AddReceiveEndpointObserver<ReconnectionObserver>();
}, outbox: false);

builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection("Search"));
builder.Services.AddSingleton(QueryGlossary.Load());
builder.Services.AddSingleton(TextAnalysis.Load());
builder.Services.AddSingleton<SearchEngine>();
builder.Services.AddSingleton<HotQueryCache>();
builder.Services.AddSingleton<IndexKeeper>();
builder.Services.AddHostedService(services => services.GetRequiredService<IndexKeeper>());
builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");
var catalogue = new Uri(builder.Configuration["Search:Catalogue"] ?? "http://catalogue");
// The export of 200,000 statements streams for longer than a request is otherwise allowed to take, and a failed
// build is retried whole by the keeper, so this client has neither timeout nor retries of its own.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
builder.Services.AddHttpClient<CatalogueExport>(http =>
{
    http.BaseAddress = catalogue;
    http.Timeout = Timeout.InfiniteTimeSpan;
}).RemoveAllResilienceHandlers();
// Asks the catalogue where a merged slug went, while a search waits: its answer is the redirect itself, so redirects
// are not followed, and a catalogue slow to answer costs a search two seconds once, not retries.
builder.Services.AddHttpClient(MergedNames.Client, http =>
{
    http.BaseAddress = catalogue;
    http.Timeout = TimeSpan.FromSeconds(2);
}).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddSingleton<MergedNames>();
builder.Services.TryAddSingleton(TimeProvider.System);

var app = builder.Build();

app.UseServiceDefaults();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapSearchEndpoints();
app.MapIndexEndpoints();

app.Run();

public partial class Program;
