using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Refuses, as problem details, what no endpoint can use: a query value holding a NUL character (PostgreSQL cannot
/// store one) and a request line longer than any real client sends. Kestrel's own limits sit higher, so these answers
/// carry a body rather than Kestrel's empty one.
/// </summary>
public sealed class RequestGuard(RequestDelegate next)
{
    public const int MaxTargetLength = 8 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0) > MaxTargetLength)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status414UriTooLong, "URL too long",
                $"The path and query may hold at most {MaxTargetLength} characters.").ExecuteAsync(context);
        }

        foreach (var (name, values) in request.Query)
        {
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true) || name.Contains('\0', StringComparison.Ordinal))
            {
                return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid request",
                    $"The query value '{name.Replace("\0", string.Empty, StringComparison.Ordinal)}' holds a NUL character.").ExecuteAsync(context);
            }
        }

        return next(context);
    }
}
