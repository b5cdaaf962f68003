namespace IdmPlatform.Contracts;

/// <summary>Ingestion read a document and found these statements in it. Published by ingestion, consumed by the catalogue.</summary>
public sealed record DocumentIngested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string DocumentId,
    string JobId,
    string ContentHash,
    string? Title,
    DateOnly? PublishedOn,
    string Language,
    string Kind,
    string? SourceUrl,
    string Text,
    string? DuplicateOf,
    string? TranslationOf,
    IReadOnlyList<EventRef> Events,
    IReadOnlyList<OrganisationRef> Organisations,
    IReadOnlyList<PersonRef> People,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<IngestedStatement> Statements) : IIntegrationEvent;

public sealed record EventRef(string Slug, string Name, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record OrganisationRef(string Name, string? Acronym);

public sealed record PersonRef(string Name, string? Role, string? Organisation);

/// <summary>A statement as ingestion found it; its passage indexes into the document's text.</summary>
public sealed record IngestedStatement(
    int Ordinal,
    string Kind,
    string Text,
    string? Speaker,
    string? Organisation,
    string? EventSlug,
    string? Panel,
    int PassageStart,
    int PassageEnd,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives);
