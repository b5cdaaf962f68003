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
// Published and corrected statements are taken a hundred events at a time when they queue up (one transaction each),
// and at once when they do not.
builder.AddEventBus(bus =>
{
    bus.AddConsumer<StatementAlertConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
        .SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(10)).SetConcurrencyLimit(2))).Endpoint(endpoint => endpoint.PrefetchCount = 400);
    bus.AddConsumer<EntityMergedConsumer>();
});

builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
builder.Services.Configure<StreamOptions>(builder.Configuration.GetSection(StreamOptions.Section));
// A sender that cannot be parsed would fail every mail when it is written; it fails the start instead.
builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section))
    .Validate(mail => MimeKit.MailboxAddress.TryParse(mail.From, out _), "Mail:From must be one e-mail address, such as \"Alerts <alerts@example.org>\".")
    .ValidateOnStart();
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
