using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Global Compact's objectives are numbered 1 to 23. A filter or a tag naming another number is a mistake, not a
/// search for nothing, and every service answers it with the same problem.
/// </summary>
public static class GcmObjectiveNumbers
{
    public const int Count = 23;

    public static bool IsKnown(int number) => number is >= 1 and <= Count;

    /// <summary>A 400 problem naming <paramref name="field"/> when one of the numbers is no objective's; null when all are.</summary>
    public static IResult? Unknown(string field, IEnumerable<int>? numbers) =>
        numbers?.All(IsKnown) == false ? Problem(field) : null;

    /// <inheritdoc cref="Unknown(string, IEnumerable{int}?)"/>
    public static IResult? Unknown(string field, int? number) => Unknown(field, number is { } n ? [n] : null);

    public static IResult Problem(string field) => ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown GCM objective",
        $"{field} holds objective numbers from 1 to {Count}.");
}
