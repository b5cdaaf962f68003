using System.Globalization;
using System.Text;

namespace IdmPlatform.Ingestion.Extraction.Analysis;

/// <summary>Spellings that compare alike however a page or an address writes them.</summary>
internal static class Spelling
{
    /// <summary>Lower case with accents dropped: "António" and "ANTONIO" are "antonio", "Centésima" is "centesima".</summary>
    public static string Folded(string value) =>
        new(value.ToLowerInvariant().Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
}
