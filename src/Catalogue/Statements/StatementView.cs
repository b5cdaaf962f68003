using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Statements;

/// <summary>A statement as the catalogue keeps it: the public shape, and what only the catalogue needs.</summary>
internal sealed record CataloguedStatement(StatementView Statement, DateTimeOffset CataloguedAt);

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
