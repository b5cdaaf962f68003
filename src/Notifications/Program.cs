using IdmPlatform.Notifications.Delivery;
using IdmPlatform.Notifications.Email;
using IdmPlatform.Notifications.Stream;
using IdmPlatform.Notifications.Subscriptions;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddDataSource("notificationsdb");
builder.AddRedis("redis");
// Published statements are taken a hundred events at a time when they queue up (one transaction each), and at once
// when they do not.
builder.AddEventBus(bus =>
{
    bus.AddConsumer<StatementAlertConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
        .SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(10)).SetConcurrencyLimit(2))).Endpoint(endpoint => endpoint.PrefetchCount = 400);
    bus.AddConsumer<EntityMergedConsumer>();
});

builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
builder.Services.AddSingleton<SubscriptionStore>();
builder.Services.AddSingleton<DeliveryQueue>();
builder.Services.AddSingleton<StreamLog>();
builder.Services.AddSingleton<WebhookSender>();
builder.Services.AddSingleton<MailSender>();
builder.Services.AddHostedService<DeliveryWorker>();

var app = builder.Build();

app.UseServiceDefaults();
await app.EnsureDatabaseSchemaAsync();

app.MapDefaultEndpoints();
app.MapDefaultOpenApi();
app.MapSubscriptionEndpoints();
app.MapOptInEndpoints();
app.MapStreamEndpoints();

app.Run();

public partial class Program;
