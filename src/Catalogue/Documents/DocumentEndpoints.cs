using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Documents;

public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/catalogue/documents");
        documents.MapGet("", ListAsync)
            .Documented("ListDocuments", "Documents", "Catalogued documents, newest first, a page at a time.")
            .Produces<Page<DocumentSummary>>().ProducesProblems(StatusCodes.Status400BadRequest);
        documents.MapGet("/{id}", GetAsync)
            .Documented("GetDocument", "One document", "A document with its metadata, the events, organisations and people it names, its statements and the clean text their passages point into. A near-duplicate says of which document (duplicateOf) and lists no statements: its statements are the original's.")
            .Produces<DocumentDetail>().ProducesProblems(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(int? limit, string? cursor, DocumentReader documents, CancellationToken cancellationToken) =>
        Paging.TryParsePosition(cursor, out var at, out var afterId)
            ? TypedResults.Ok(await documents.ListAsync(Paging.Limit(limit), at, afterId, cancellationToken))
            : Paging.InvalidCursor();

    private static async Task<IResult> GetAsync(string id, DocumentReader documents, CancellationToken cancellationToken) =>
        await documents.FindAsync(id, cancellationToken) is { } document
            ? TypedResults.Ok(document)
            : ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, "Document not found", $"There is no document '{id}'.");
}
