using System.Text;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>A page of a list and the opaque cursor of the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Lists are cursor-paginated everywhere: the cursor is an opaque, URL-safe wrapping of the last
/// position the service read, so clients cannot depend on what is inside.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Every cursor starts so inside, which tells one this platform issued from a string that merely decodes.</summary>
    private const string Marker = "idm:";

    /// <summary>The page size asked for; out of range is the client's error, said as such rather than quietly clamped.</summary>
    public static int Limit(int? requested, int max = MaxLimit, int fallback = DefaultLimit) => requested switch
    {
        null => fallback,
        { } value when value >= 1 && value <= max => value,
        { } value => throw new BadHttpRequestException($"The query value 'limit' ({value}) must be from 1 to {max}."),
    };

    public static string Encode(string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Marker + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out string? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            // No cursor issued here holds a control character; a forged one could smuggle a NUL past the request guard,
            // hidden in base64, to PostgreSQL, which refuses it.
            position = decoded.StartsWith(Marker, StringComparison.Ordinal) && !decoded.Any(char.IsControl) ? decoded[Marker.Length..] : null;
            return position is not null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Keyset position "ticks|id" for lists ordered newest first.</summary>
    public static string Position(DateTimeOffset at, string id) => Encode($"{at.UtcTicks}|{id}");

    public static bool TryParsePosition(string? cursor, out DateTimeOffset? at, out string? id)
    {
        at = null;
        id = null;
        if (!TryDecode(cursor, out var position))
        {
            return false;
        }

        if (position is null)
        {
            return true;
        }

        var parts = position.Split('|', 2);
        if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        id = parts[1];
        return true;
    }

    public static IResult InvalidCursor() =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, "Invalid cursor", "The cursor is not one this service issued; start again without it.");
}
