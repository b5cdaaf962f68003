using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.Notifications.Subscriptions;

/// <summary>
/// A subscription's q in the web-search syntax search reads: every word must appear, "an exact phrase" as consecutive
/// words, <c>a OR b</c> lets either do, and <c>-word</c> or <c>-"a phrase"</c> must not appear. Words are whole words, case
/// and accents ignored, so "art" is not found in "part" nor "war" in "towards"; a word written with punctuation inside
/// ("well-being", "d'un") is the phrase of its parts, as the text is read.
/// </summary>
public static class TextQuery
{
    public static bool Matches(string query, IReadOnlyList<string?> fields)
    {
        var texts = fields.Select(Words).ToList();
        bool Found(string[] phrase) => texts.Any(words => Contains(words, phrase));

        var items = Read(query);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsOr || item.Words.Length == 0)
            {
                // An OR with nothing to join, or a term with no words ("-", "…"), asks for nothing.
                continue;
            }

            if (item.Excluded)
            {
                if (Found(item.Words))
                {
                    return false;
                }

                continue;
            }

            // a OR b OR c: any one of them will do. An excluded term is never an alternative, as in search.
            var any = Found(item.Words);
            while (i + 2 < items.Count && items[i + 1].IsOr && !items[i + 2].Excluded && !items[i + 2].IsOr)
            {
                any |= items[i + 2].Words.Length > 0 && Found(items[i + 2].Words);
                i += 2;
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a q that is not blank holds no word to look for ("…", "-", "OR"): it could match nothing, as search finds
    /// nothing for it, so a subscription with it is refused rather than kept silent.
    /// </summary>
    public static bool AsksForNothing(string? query) =>
        !string.IsNullOrWhiteSpace(query) && Read(query).Where(i => !i.IsOr).All(i => i.Words.Length == 0);

    private sealed record Item(string[] Words, bool Excluded, bool IsOr);

    /// <summary>The query's terms as every service reads them, each as the words it stands for.</summary>
    private static List<Item> Read(string query) =>
        [.. SearchSyntax.Terms(query).Select(t => new Item(Words(t.Text), t.Excluded, t.IsOr))];

    /// <summary>The text's words, lower case and without accents; anything but a letter or a digit separates them.</summary>
    private static string[] Words(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
