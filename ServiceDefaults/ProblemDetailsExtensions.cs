using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Every error leaves a service as RFC 9457 problem details carrying the trace id to look it up by.</summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // A body or query value that does not bind: say which and why (the JSON error names the field's path).
            if (context.Exception is BadHttpRequestException bad)
            {
                problem.Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
            }

            problem.Type ??= $"https://httpstatuses.io/{problem.Status}";
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });

    /// <summary>
    /// Turns unhandled exceptions and bare error status codes into problem details. A request that does not bind
    /// (malformed JSON, a value of the wrong type) is the client's error, 400, not the server's.
    /// </summary>
    public static WebApplication UsePlatformProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A problem answer with a human explanation; the traceId is added by the customisation above.</summary>
    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
