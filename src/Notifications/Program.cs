using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("notificationsdb");
builder.AddRedis("redis");
builder.AddEventBus(bus => bus.AddConsumer<StatementAlertConsumer>());

builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
builder.Services.AddSingleton<SubscriptionStore>();
builder.Services.AddSingleton<DeliveryQueue>();
builder.Services.AddSingleton<StreamLog>();
builder.Services.AddSingleton<WebhookSender>();
builder.Services.AddHostedService<DeliveryWorker>();

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapSubscriptionEndpoints();
app.MapStreamEndpoints();

app.Run();

public partial class Program;
