using System.Text.Json;
using IdmPlatform.Catalogue.Statements;
using IdmPlatform.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IdmPlatform.Catalogue.Exports;

/// <summary>
/// Streamed exports of the catalogue, from which a search replica rebuilds its index: statements as JSON lines or CSV
/// with the statement list's filters, and whole documents as JSON lines. Their types are not JSON's, so the ETag
/// middleware passes them through as they are written instead of holding them.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/catalogue/exports");
        exports.MapGet("/statements.jsonl", StatementsJsonLines)
            .Documented("ExportStatementsJsonLines", "Export statements as JSON lines",
                "Every live statement the filters select, in id order, streamed as newline-delimited JSON (application/x-ndjson): one statement per line, each exactly as GET /api/catalogue/statements/{id} answers it. The filters are the statement list's.")
            .Produces<StatementView>(StatusCodes.Status200OK, ExportWriters.JsonLinesType).ProducesProblems(StatusCodes.Status400BadRequest);
        exports.MapGet("/statements.csv", StatementsCsv)
            .Documented("ExportStatementsCsv", "Export statements as CSV",
                "Every live statement the filters select, in id order, streamed as RFC 4180 CSV in UTF-8: a header row, then one row per statement; speaker, organisation, event and document are flattened into columns, themes and GCM objectives joined with ';'; a cell that would begin as a spreadsheet formula (=, +, -, @, a tab) begins with an apostrophe instead. The filters are the statement list's.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblems(StatusCodes.Status400BadRequest);
        exports.MapGet("/documents.jsonl", DocumentsJsonLines)
            .Documented("ExportDocumentsJsonLines", "Export documents as JSON lines",
                "Every catalogued document, duplicates and translations included (they say of which document), in id order, streamed as newline-delimited JSON (application/x-ndjson): one DocumentView per line with its metadata, the entities it names and its clean text.")
            .Produces<DocumentView>(StatusCodes.Status200OK, ExportWriters.JsonLinesType);
        return app;
    }

    private static IResult StatementsJsonLines(
        string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? document, CatalogueExports exports, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (GcmObjectiveNumbers.Unknown("gcm", gcm) is { } problem)
        {
            return problem;
        }

        var filter = new StatementFilter(@event, organisation, person, theme, gcm, language, kind, from, to, document);
        return TypedResults.Stream(
            body => ExportWriters.WriteJsonLinesAsync(body, exports.StatementsAsync(filter, cancellationToken), json.Value.SerializerOptions, cancellationToken),
            ExportWriters.JsonLinesType, "statements.jsonl");
    }

    private static IResult StatementsCsv(
        string? @event, string? organisation, string? person, string? theme, int? gcm, string? language, string? kind,
        DateOnly? from, DateOnly? to, string? document, CatalogueExports exports, CancellationToken cancellationToken)
    {
        if (GcmObjectiveNumbers.Unknown("gcm", gcm) is { } problem)
        {
            return problem;
        }

        var filter = new StatementFilter(@event, organisation, person, theme, gcm, language, kind, from, to, document);
        return TypedResults.Stream(
            body => ExportWriters.WriteStatementsCsvAsync(body, exports.StatementsAsync(filter, cancellationToken), cancellationToken),
            ExportWriters.CsvType, "statements.csv");
    }

    private static PushStreamHttpResult DocumentsJsonLines(CatalogueExports exports, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            body => ExportWriters.WriteJsonLinesAsync(body, exports.DocumentsAsync(cancellationToken), json.Value.SerializerOptions, cancellationToken),
            ExportWriters.JsonLinesType, "documents.jsonl");
}
