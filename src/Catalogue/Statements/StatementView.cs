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
