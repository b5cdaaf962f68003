namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// A document reduced to clean text: paragraphs separated by one blank line, list items on their own
/// lines ("- " or "N. "), footnote bodies at the end. Title, date and language only where the format
/// states them (HTML meta, DOCX/PDF properties); the analysis stage infers the rest.
/// </summary>
public sealed record ReadDocument(string Text, string? Title, DateOnly? PublishedOn, string? Language);
