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
        ["notifications"] = "Subscriptions to new statements by webhook or e-mail, their deliveries and feeds, and the live stream.",
    };

    /// <summary>How long a merged document serves: the services' documents change only when they are deployed.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    public static WebApplication MapMergedOpenApi(this WebApplication app)
    {
        // Kept for a while, so that this open path, outside the rate limit, does not cost four calls a reader.
        var kept = new KeptDocument();
        app.MapGet(OpenApiExtensions.DocumentPath, async (HttpRequest request, IHttpClientFactory httpClientFactory, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            if (kept.Fresh() is not { } merged)
            {
                var client = httpClientFactory.CreateClient(nameof(OpenApiDocument));
                merged = Skeleton();
                foreach (var service in Routes.Services)
                {
                    if (await ServiceDocumentAsync(client, configuration, service, cancellationToken) is not { } document)
                    {
                        request.HttpContext.Response.Headers.RetryAfter = "5";
                        return ProblemDetailsExtensions.Problem(StatusCodes.Status503ServiceUnavailable, "API description unavailable",
                            $"The {service} service did not give its OpenAPI document, and a document without its operations would mislead; try again shortly.");
                    }

                    Merge(document["paths"], merged["paths"]!.AsObject(), service);
                    Merge(document["components"]?["schemas"], merged["components"]!["schemas"]!.AsObject(), null);
                }

                AddGatewayAnswers(merged["paths"]!.AsObject());
                kept.Keep(merged);
            }

            var answer = merged.DeepClone().AsObject();
            answer["servers"] = new JsonArray(new JsonObject { ["url"] = $"{request.Scheme}://{request.Host}", ["description"] = "This gateway" });
            return Results.Text(answer.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>A service's own document, or null when it cannot be had (the service is down, slow, or answers no JSON object).</summary>
    private static async Task<JsonObject?> ServiceDocumentAsync(HttpClient client, IConfiguration configuration, string service, CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(Routes.ServiceAddress(configuration, service)), OpenApiExtensions.DocumentPath);
        try
        {
            return JsonNode.Parse(await client.GetStringAsync(address, cancellationToken)) as JsonObject;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private sealed class KeptDocument
    {
        private sealed record Entry(JsonObject Document, DateTimeOffset At);

        private Entry? _kept;

        public JsonObject? Fresh() => Volatile.Read(ref _kept) is { } kept && DateTimeOffset.UtcNow - kept.At < Kept ? kept.Document : null;

        public void Keep(JsonObject document) => Volatile.Write(ref _kept, new Entry(document, DateTimeOffset.UtcNow));
    }

    private static JsonObject Skeleton() => new()
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
