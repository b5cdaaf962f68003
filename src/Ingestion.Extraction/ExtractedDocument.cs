namespace IdmPlatform.Ingestion.Extraction;

/// <summary>
/// What the pipeline learnt from one document. Passages index into <see cref="Text"/>.
/// TranslationOf is the address of the original when the text says it is a translation of it.
/// </summary>
public sealed record ExtractedDocument(
    string? Title,
    DateOnly? PublishedOn,
    IReadOnlyList<DateOnly> EventDates,
    string Language,
    string Kind,
    string Text,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<ExtractedOrganisation> Organisations,
    IReadOnlyList<ExtractedPerson> People,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<ExtractedStatement> Statements,
    Uri? TranslationOf = null);

public sealed record ExtractedEvent(string Slug, string Name, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record ExtractedOrganisation(string Name, string? Acronym);

public sealed record ExtractedPerson(string Name, string? Role, string? Organisation);

/// <summary>Kind is one of quote, intervention, recommendation, summary.</summary>
public sealed record ExtractedStatement(
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

/// <summary>What the submitter told us about the document, if anything.</summary>
public sealed record ExtractionHints(string? SourceUrl = null, DateOnly? PublishedOn = null, string? Language = null);

/// <summary>The document cannot be read (garbage, encrypted, truncated, too deep, a bomb...). The message says why.</summary>
public sealed class DocumentRejectedException(string reason) : Exception(reason);
