using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdmPlatform.Evaluation;

/// <summary>
/// One line of labels.jsonl: what a careful reader found in one document. Absent fields were not labelled.
/// Url is the address the page was taken from (passed to the extractor as the submitted source URL);
/// Split is "dev" or "holdout" in a development set, and absent in the seeds.
/// </summary>
public sealed record Label(
    string Id,
    string File,
    string? Title,
    [property: JsonPropertyName("published_date")] string? PublishedDate,
    [property: JsonPropertyName("event_dates")] IReadOnlyList<string>? EventDates,
    string? Language,
    string? Kind,
    IReadOnlyList<string>? Events,
    IReadOnlyList<LabelledOrganisation>? Organisations,
    IReadOnlyList<LabelledPerson>? People,
    [property: JsonPropertyName("direct_quotes_named")] int? DirectQuotesNamed,
    [property: JsonPropertyName("quote_speakers")] IReadOnlyList<string>? QuoteSpeakers,
    int? Recommendations,
    IReadOnlyList<string>? Themes,
    [property: JsonPropertyName("gcm_objectives")] IReadOnlyList<int>? GcmObjectives,
    IReadOnlyList<string>? Boilerplate,
    string? Url = null,
    string? Split = null)
{
    public static IReadOnlyList<Label> ReadAll(string path) => System.IO.File.ReadLines(path)
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonSerializer.Deserialize<Label>(l, JsonSerializerOptions.Web)!)
        .ToList();
}

public sealed record LabelledOrganisation(string Name, string? Acronym);

public sealed record LabelledPerson(string Name, string? Role, string? Organisation);
