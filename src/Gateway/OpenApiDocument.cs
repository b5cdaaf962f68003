using System.Text.Json.Nodes;

namespace IdmPlatform.Gateway;

/// <summary>
/// Serves one OpenAPI document for the whole public API, merged from the services' own documents so it
/// never drifts from what they really expose.
/// </summary>
public static class OpenApiDocument
{
    public static WebApplication MapMergedOpenApi(this WebApplication app)
    {
        app.MapGet(OpenApiExtensions.DocumentPath, async (IHttpClientFactory httpClientFactory, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            var client = httpClientFactory.CreateClient(nameof(OpenApiDocument));
            var merged = new JsonObject
            {
                ["openapi"] = "3.1.1",
                ["info"] = new JsonObject
                {
                    ["title"] = "IdmPlatform API",
                    ["version"] = "v1",
                    ["description"] = "Statements made in the migration-governance dialogues: ingestion, catalogue, search and alerts.",
                },
                ["paths"] = new JsonObject(),
                ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
            };
            foreach (var service in Routes.Services)
            {
                var address = new Uri(new Uri(Routes.ServiceAddress(configuration, service)), OpenApiExtensions.DocumentPath);
                if (JsonNode.Parse(await client.GetStringAsync(address, cancellationToken)) is not JsonObject document)
                {
                    continue;
                }

                Merge(document["paths"], merged["paths"]!.AsObject(), service);
                Merge(document["components"]?["schemas"], merged["components"]!["schemas"]!.AsObject(), null);
            }

            return Results.Text(merged.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return app;
    }

    private static void Merge(JsonNode? from, JsonObject into, string? tag)
    {
        if (from is not JsonObject source)
        {
            return;
        }

        foreach (var (key, value) in source.ToList())
        {
            if (into.ContainsKey(key) || value is null)
            {
                continue;
            }

            var copy = value.DeepClone();
            if (tag is not null && copy is JsonObject operations)
            {
                foreach (var (_, operation) in operations)
                {
                    if (operation is JsonObject op)
                    {
                        op["tags"] = new JsonArray(tag);
                    }
                }
            }

            into[key] = copy;
        }
    }
}
