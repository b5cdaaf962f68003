using System.Text.Json.Nodes;

namespace IdmPlatform.Gateway;

/// <summary>
/// Serves one OpenAPI 3.1 document for the whole public API, merged from the services' own documents so it never
/// drifts from what they really expose, plus what the gateway itself adds to every answer: the API-key and
/// subscription-token schemes, the 401/403 of keyed routes, and the 429 of the rate limit.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Dictionary<string, string> ServiceDescriptions = new()
    {
        ["ingestion"] = "Submitting documents (upload, text or URL), following their jobs, and feeds polled for new documents.",
        ["catalogue"] = "Statements, documents, events, organisations and people as extracted and curated.",
        ["search"] = "Full-text search over statements, name suggestions and Atom feeds of a query.",
        ["notifications"] = "Webhook subscriptions to new statements and their deliveries.",
    };

    public static WebApplication MapMergedOpenApi(this WebApplication app)
    {
        app.MapGet(OpenApiExtensions.DocumentPath, async (HttpRequest request, IHttpClientFactory httpClientFactory, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            var client = httpClientFactory.CreateClient(nameof(OpenApiDocument));
            var merged = Skeleton($"{request.Scheme}://{request.Host}");
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

            AddGatewayAnswers(merged["paths"]!.AsObject());
            return Results.Text(merged.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return app;
    }

    private static JsonObject Skeleton(string server) => new()
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject
        {
            ["title"] = "IdmPlatform API",
            ["version"] = "v1",
            ["description"] = "Statements made in the migration-governance dialogues (the IDM, IOM Council, the GCM, the IMRF): ingestion, catalogue, search and alerts. Reading is open; writing needs an X-Api-Key.",
            ["contact"] = new JsonObject { ["name"] = "IdmPlatform team", ["url"] = "https://github.com/idmplatform/idmplatform" },
            ["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" },
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = server, ["description"] = "This gateway" }),
        ["tags"] = new JsonArray(ServiceDescriptions.Select(s => (JsonNode)new JsonObject { ["name"] = s.Key, ["description"] = s.Value }).ToArray()),
        ["paths"] = new JsonObject(),
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject(),
            ["securitySchemes"] = new JsonObject
            {
                ["ApiKey"] = new JsonObject
                {
                    ["type"] = "apiKey",
                    ["in"] = "header",
                    ["name"] = Caller.KeyHeader,
                    ["description"] = "A key with a role: contributor (ingestion), editor (curation), admin (feeds). Each role includes the ones before it.",
                },
                ["SubscriptionToken"] = new JsonObject
                {
                    ["type"] = "http",
                    ["scheme"] = "bearer",
                    ["description"] = "The managementToken returned once when the subscription was created.",
                },
            },
        },
    };

    /// <summary>What the gateway and every service's shared pipeline may answer, besides what each operation says.</summary>
    private static void AddGatewayAnswers(JsonObject paths)
    {
        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                var role = ApiKeyMiddleware.RequiredRole(method.ToUpperInvariant(), new PathString(path));
                operation["security"] = role is not null ? new JsonArray(new JsonObject { ["ApiKey"] = new JsonArray() })
                    : path.StartsWith("/api/notifications/subscriptions/{id}", StringComparison.Ordinal) ? new JsonArray(new JsonObject { ["SubscriptionToken"] = new JsonArray() }, new JsonObject { ["ApiKey"] = new JsonArray() })
                    // Open to everyone; a key that is sent must still be a known one.
                    : new JsonArray(new JsonObject(), new JsonObject { ["ApiKey"] = new JsonArray() });
                if (method == "get")
                {
                    responses.TryAdd("304", new JsonObject { ["description"] = "Not modified: the If-None-Match names the current ETag." });
                }

                responses.TryAdd("400", Problem("A value that cannot be used (it does not parse, is out of range, or holds a NUL character); the detail names it."));
                responses.TryAdd("401", Problem(role is null ? "An X-Api-Key was sent that this deployment did not issue." : "No X-Api-Key, or one this deployment did not issue."));
                if (role is not null)
                {
                    responses.TryAdd("403", Problem($"The key's role does not include '{role}'."));
                }

                if (method == "post")
                {
                    responses.TryAdd("409", Problem("A request with the same Idempotency-Key is still being answered."));
                    responses.TryAdd("422", Problem("The Idempotency-Key was used before with another request."));
                }

                if (operation["requestBody"] is not null)
                {
                    responses.TryAdd("415", Problem("The body is not of a type the operation reads."));
                }

                responses.TryAdd("414", Problem("The path and query are longer than 8,192 characters."));
                responses.TryAdd("429", Problem("Over the rate limit of the key (or of the address without one); Retry-After says when to try again."));
            }
        }
    }

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject
        {
            ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ProblemDetails" } },
        },
    };

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
