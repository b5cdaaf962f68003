using IdmPlatform.Ingestion.Extraction.Analysis;

namespace IdmPlatform.Evaluation;

/// <summary>
/// Whether a labelled organisation and a found one are the same body written two ways: "Naciones Unidas (ONU)"
/// and "United Nations (UN)" are one organisation when the extraction data lists both as its names or acronyms.
/// </summary>
public sealed class OrganisationIdentity(IReadOnlyDictionary<string, string> bodies)
{
    public static OrganisationIdentity FromData(ExtractionData data)
    {
        var bodies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in data.Organisations.Organisations)
        {
            foreach (var name in organisation.Aliases.Append(organisation.Name).Concat(organisation.Acronyms))
            {
                bodies.TryAdd(Key(name), organisation.Name);
            }
        }

        return new OrganisationIdentity(bodies);
    }

    public bool SameBody(string labelledName, string? labelledAcronym, string foundName, string? foundAcronym)
    {
        var labelled = Body(labelledName) ?? Body(labelledAcronym);
        var found = Body(foundName) ?? Body(foundAcronym);
        return labelled is not null && string.Equals(labelled, found, StringComparison.Ordinal);
    }

    private string? Body(string? name) => name is not null && bodies.TryGetValue(Key(name), out var body) ? body : null;

    // "l’Afrique" and "l'Afrique", a doubled space: one spelling, as the extraction matches them.
    private static string Key(string name) => string.Join(' ', name.Replace('’', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
