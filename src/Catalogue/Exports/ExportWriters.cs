using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using IdmPlatform.Contracts;

namespace IdmPlatform.Catalogue.Exports;

/// <summary>Writes exports as they are read: bytes go out whenever a little has gathered, never the whole answer.</summary>
public static class ExportWriters
{
    public const string JsonLinesType = "application/x-ndjson";
    public const string CsvType = "text/csv; charset=utf-8";

    private const int FlushAt = 64 * 1024;

    /// <summary>One JSON value per line, serialised with the options the service answers JSON with, so a line equals the item's GET.</summary>
    public static async Task WriteJsonLinesAsync<T>(Stream body, IAsyncEnumerable<T> items, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            // Compact output: string values escape their line breaks, so each item stays on its own line.
            pipe.Write(JsonSerializer.SerializeToUtf8Bytes(item, options));
            pipe.Write("\n"u8);
            await FlushIfFullAsync(pipe, cancellationToken);
        }

        await pipe.CompleteAsync();
    }

    /// <summary>The columns of the statements CSV: a statement's fields, nested ones flattened, lists joined with ';'.</summary>
    public static readonly IReadOnlyList<string> StatementColumns =
    [
        "id", "kind", "text", "language", "date", "speakerSlug", "speakerName", "speakerRole", "organisationSlug", "organisationName",
        "organisationAcronym", "eventSlug", "eventName", "panel", "themes", "gcmObjectives", "documentId", "documentTitle", "documentSourceUrl",
        "passageStart", "passageEnd",
    ];

    /// <summary>RFC 4180: a header row, CRLF line ends, and a field quoted (its quotes doubled) when it holds a comma, quote or line break.</summary>
    public static async Task WriteStatementsCsvAsync(Stream body, IAsyncEnumerable<StatementView> statements, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        var line = new StringBuilder();
        AppendRow(line, StatementColumns);
        Encoding.UTF8.GetBytes(line.ToString(), pipe);
        await foreach (var s in statements.WithCancellation(cancellationToken))
        {
            line.Clear();
            AppendRow(line,
            [
                s.Id, s.Kind, s.Text, s.Language, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                s.Speaker?.Slug, s.Speaker?.Name, s.Speaker?.Role, s.Organisation?.Slug, s.Organisation?.Name, s.Organisation?.Acronym,
                s.Event?.Slug, s.Event?.Name, s.Panel, string.Join(';', s.Themes),
                string.Join(';', s.GcmObjectives.Select(n => n.ToString(CultureInfo.InvariantCulture))),
                s.Document.Id, s.Document.Title, s.Document.SourceUrl,
                s.Passage.Start.ToString(CultureInfo.InvariantCulture), s.Passage.End.ToString(CultureInfo.InvariantCulture),
            ]);
            Encoding.UTF8.GetBytes(line.ToString(), pipe);
            await FlushIfFullAsync(pipe, cancellationToken);
        }

        await pipe.CompleteAsync();
    }

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private static void AppendRow(StringBuilder line, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var field = fields[i] ?? string.Empty;
            // Text from published pages that begins as a formula would be run by a spreadsheet opening the file
            // (OWASP's "CSV injection"); a leading apostrophe makes the spreadsheet show it as the text it is.
            if (field.Length > 0 && FormulaStarts.Contains(field[0]))
            {
                field = $"'{field}";
            }

            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                line.Append(field);
            }
            else
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        line.Append("\r\n");
    }

    private static async ValueTask FlushIfFullAsync(PipeWriter pipe, CancellationToken cancellationToken)
    {
        if (pipe.UnflushedBytes >= FlushAt)
        {
            await pipe.FlushAsync(cancellationToken);
        }
    }
}
