using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Every error leaves a service as RFC 9457 problem details carrying the trace id to look it up by.</summary>
public static class ProblemDetailsExtensions
{
    /// <summary>One kind of problem type everywhere: the page that explains the status.</summary>
    private static string TypeOf(int status) => $"https://developer.mozilla.org/docs/Web/HTTP/Reference/Status/{status}";

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        // A value that does not bind throws in every environment, so the answer can say which value and why.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new TextWithoutNulConverter()));
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (context.Exception is BadHttpRequestException bad)
            {
                problem.Title = "Invalid request";
                problem.Detail = Describe(bad);
            }

            problem.Type = TypeOf(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
    }

    /// <summary>
    /// Turns unhandled exceptions and bare error status codes into problem details. A request that does not bind
    /// (malformed JSON, a value of the wrong type) is the client's error, 400, not the server's, and is not logged.
    /// </summary>
    public static WebApplication UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<RequestGuard>();
        return app;
    }

    /// <summary>A problem answer with a human explanation; the traceId is added by the customisation above.</summary>
    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    // "Failed to bind parameter "Nullable<int> limit" from "abc"." names the parameter; a JSON error adds its path.
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => $"{bad.Message} {json.Message}",
        { } inner => $"{bad.Message} {inner.Message}",
        null => bad.Message,
    };

    /// <summary>
    /// PostgreSQL cannot store a NUL character in text, so a JSON string holding one is refused while binding, with
    /// the path of the value, instead of failing later in the database.
    /// </summary>
    private sealed class TextWithoutNulConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0', StringComparison.Ordinal)
                ? throw new JsonException("A text value holds a NUL character (\\u0000).")
                : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
