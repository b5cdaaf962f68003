namespace IdmPlatform.Contracts;

/// <summary>
/// A catalogued document as a reader of whole documents needs it: its metadata, who and what it names, and the clean
/// text its statements' passages point into. One shape for the catalogue's documents export and DocumentCatalogued,
/// so an index rebuilt from the export equals one kept up to date from the events. A duplicate or a translation says
/// of which document, so a reader can leave it out or group it.
/// </summary>
public sealed record DocumentView(
    string Id,
    string? Title,
    DateOnly? PublishedOn,
    string Language,
    string Kind,
    string? SourceUrl,
    string? DuplicateOf,
    string? TranslationOf,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<OrganisationView> Organisations,
    IReadOnlyList<SpeakerView> People,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    string Text,
    DateTimeOffset CataloguedAt);

/// <summary>The catalogue recorded a new document (duplicates and translations included). Search indexes its text.</summary>
public sealed record DocumentCatalogued(
    Guid EventId,
    DateTimeOffset OccurredAt,
    DocumentView Document) : IIntegrationEvent;
