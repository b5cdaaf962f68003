using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Every service describes its own endpoints at /openapi/v1.json; the gateway merges them.</summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer((schema, context, _) =>
        {
            // Strings are read through the platform's own converter (it refuses NUL characters), which hides their type
            // from the schema generator; say what they are, and whether null is allowed, as it would have.
            if (context.JsonTypeInfo.Type == typeof(string))
            {
                schema.Type = context.JsonPropertyInfo?.IsGetNullable == true ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            }
            else if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null)
            {
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Documents the problem-details answers an operation gives besides its success.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    /// <summary>The one-line summary and the longer description every documented operation has.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string name, string summary, string description) =>
        builder.WithName(name).WithSummary(summary).WithDescription(description);

    /// <summary>An example of the JSON request body, shown in the reference page and used by client generators.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonSerializer.SerializeToNode(example, JsonSerializerOptions.Web);
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// Documents a body read by hand as either JSON of <typeparamref name="TJson"/> or a multipart upload (a binary part
    /// and text fields). Only documented: Accepts metadata would make routing refuse other types before the endpoint
    /// can say what it wants.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonOrUpload<TJson>(this RouteHandlerBuilder builder, string filePart, params string[] fields) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var properties = new Dictionary<string, IOpenApiSchema> { [filePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            foreach (var field in fields)
            {
                properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(TJson), null, cancellationToken) },
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { filePart }, Properties = properties },
                    },
                },
            };
        });

    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        return app;
    }
}
