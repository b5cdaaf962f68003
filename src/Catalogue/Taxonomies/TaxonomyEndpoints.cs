using IdmPlatform.Catalogue.Statements;

namespace IdmPlatform.Catalogue.Taxonomies;

/// <summary>The two taxonomies statements are tagged with: the GCM's objectives and the themes.</summary>
public static class TaxonomyEndpoints
{
    public sealed record ThemeCount(string Slug, int StatementCount);

    public static IEndpointRouteBuilder MapTaxonomyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalogue/gcm-objectives", () => GcmObjectives.All)
            .Documented("ListGcmObjectives", "The GCM objectives", "The 23 objectives of the Global Compact for Migration, by number.")
            .Produces<IReadOnlyList<GcmObjectives.Objective>>();
        app.MapGet("/api/catalogue/themes", ThemesAsync)
            .Documented("ListThemes", "The themes", "Every theme statements are tagged with, and how many statements carry it.")
            .Produces<List<ThemeCount>>();
        return app;
    }

    private static async Task<IResult> ThemesAsync(StatementReader statements, CancellationToken cancellationToken) =>
        TypedResults.Ok((await statements.ThemesAsync(cancellationToken)).Select(t => new ThemeCount(t.Theme, t.StatementCount)).ToList());
}
