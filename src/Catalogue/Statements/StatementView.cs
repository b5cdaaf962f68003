namespace IdmPlatform.Catalogue.Statements;

public sealed record SpeakerView(string Slug, string Name, string? Role);

public sealed record OrganisationView(string Slug, string Name, string? Acronym);

public sealed record EventView(string Slug, string Name);

public sealed record DocumentRefView(string Id, string? Title, string? SourceUrl);

public sealed record PassageView(int Start, int End);

/// <summary>A statement as the gateway's contract shows it.</summary>
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
    PassageView Passage)
{
    internal DateTimeOffset CataloguedAt { get; init; }

    internal string? DuplicateOfDocument { get; init; }
}

/// <summary>The filters of GET /api/catalogue/statements (and of exports).</summary>
public sealed record StatementFilter(
    string? Event = null,
    string? Organisation = null,
    string? Person = null,
    string? Theme = null,
    int? Gcm = null,
    string? Language = null,
    string? Kind = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? DocumentId = null);

/// <summary>An editor's correction (PATCH): only the fields given change.</summary>
public sealed record StatementCorrection(
    string? Speaker = null,
    string? SpeakerRole = null,
    string? Organisation = null,
    string? Event = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<int>? GcmObjectives = null);
