using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Catalogue.Entities;

/// <summary>Stable, readable ids for entities: "António Vitorino" → "antonio-vitorino".</summary>
public static partial class Slugs
{
    /// <summary>
    /// Whether <paramref name="text"/> is shaped as a slug: lowercase ASCII letters and digits, in words joined by single
    /// hyphens ("regular-pathways", "covid-19"), the shape <see cref="From"/> gives and the extraction's themes have.
    /// </summary>
    public static bool IsSlug(string? text) => text is not null && SlugShape().IsMatch(text);

    /// <summary>
    /// The name's Latin letters and digits, accents dropped, in lowercase words joined by hyphens. A name with none
    /// ("王毅", "Νίκος Παππάς") keeps the letters of its own script instead: slugs are identities, and were every such
    /// name one fixed slug, all their speakers would be one person.
    /// </summary>
    public static string From(string name) =>
        Words(name, char.IsAsciiLetterOrDigit) is { Length: > 0 } latin ? latin
        : Words(name, char.IsLetterOrDigit) is { Length: > 0 } other ? other.Normalize(NormalizationForm.FormC)
        : "unnamed";

    private static string Words(string name, Func<char, bool> isWordCharacter)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (isWordCharacter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    [GeneratedRegex(@"\A[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugShape();
}
