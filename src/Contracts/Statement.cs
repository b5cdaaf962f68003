namespace IdmPlatform.Contracts;

public sealed record SpeakerView(string Slug, string Name, string? Role);

public sealed record OrganisationView(string Slug, string Name, string? Acronym);

public sealed record EventView(string Slug, string Name);

public sealed record DocumentRefView(string Id, string? Title, string? SourceUrl);

public sealed record PassageView(int Start, int End);

/// <summary>
/// A statement as the gateway's contract shows it. It is one shape everywhere: GET /api/catalogue/statements/{id},
/// the catalogue's events, a webhook's data, a server-sent event and the content a feed entry points to.
/// </summary>
public sealed record StatementView(
    string Id,
    string Kind,
    string Text,
    string Language,
    DateOnly? Date,
    SpeakerView? Speaker,
    OrganisationView? Organisation,
    EventView? Event,
    string? Panel,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    DocumentRefView Document,
    PassageView Passage);
