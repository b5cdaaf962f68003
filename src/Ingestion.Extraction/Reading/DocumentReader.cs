
namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Reads a submitted document of any supported format into clean text (see <see cref="ReadDocument"/>).
/// Create once and share: it holds the compiled boilerplate rules and no per-call state.
/// Anything unreadable ends in a <see cref="DocumentRejectedException"/> that says why, never another exception.
/// </summary>
public sealed class DocumentReader
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static readonly IReadOnlySet<string> SupportedContentTypes =
        new HashSet<string>([PlainText, Html, Markdown, Pdf, Docx], StringComparer.OrdinalIgnoreCase);

    /// <summary>Past this share of control or replacement characters, "text" is binary data.</summary>
    private const double MaxGarbageShare = 0.05;

    private static readonly Lazy<DocumentReader> Shared = new(() => new DocumentReader(Boilerplate.Load()));

    private readonly TextComposer _composer;
    private readonly HtmlReader _html;
    private readonly MarkdownReader _markdown;

    private DocumentReader(Boilerplate boilerplate)
    {
        _composer = new TextComposer(boilerplate);
        _html = new HtmlReader(boilerplate);
        _markdown = new MarkdownReader(_html);
    }

    /// <summary>The reader with the team's rules from Data/boilerplate.json.</summary>
    public static DocumentReader Default => Shared.Value;

    /// <param name="contentType">A media type, optionally with "; charset=..." (which text formats obey).</param>
    public ReadDocument Read(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken = default)
    {
        var type = ContentType.Parse(contentType);
        if (!SupportedContentTypes.Contains(type.MediaType))
        {
            throw new DocumentRejectedException($"'{type.MediaType}' is not a supported document type. Supported: {string.Join(", ", SupportedContentTypes)}.");
        }

        if (content.IsEmpty)
        {
            throw new DocumentRejectedException("The document is empty.");
        }

        string text;
        ReadBlocks read;
        try
        {
            read = type.MediaType switch
            {
                Pdf => PdfReader.Read(content, cancellationToken),
                Docx => DocxReader.Read(content),
                _ => ReadText(content, type),
            };
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OutOfMemoryException and not OperationCanceledException)
        {
            // The libraries throw their own exception types on malformed input; the caller needs one answer.
            throw new DocumentRejectedException($"The document could not be read as {type.MediaType}: {ex.Message}");
        }

        text = _composer.Compose(read.Blocks);

        if (text.Length == 0)
        {
            throw new DocumentRejectedException("The document has no readable text once navigation and other page furniture are removed.");
        }

        RejectGarbage(text);
        return new ReadDocument(text, OneLine(read.Title), read.PublishedOn, read.Language);
    }

    private ReadBlocks ReadText(ReadOnlyMemory<byte> content, ContentType type)
    {
        var text = TextDecoder.Decode(content.Span, type.Charset, sniffHtmlMeta: type.MediaType == Html);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentRejectedException("The document is empty (whitespace only).");
        }

        RejectGarbage(text);
        return type.MediaType switch
        {
            Html => _html.Read(text),
            Markdown => _markdown.Read(text),
            _ when PlainTextReader.LooksLikeMarkdown(text) => _markdown.Read(text),
            _ => PlainTextReader.Read(text) with { Title = null },
        };
    }

    private static void RejectGarbage(string text)
    {
        var garbage = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                garbage++;
            }
        }

        if (garbage > 0 && garbage > text.Length * MaxGarbageShare)
        {
            throw new DocumentRejectedException($"The document looks like binary data, not text ({garbage * 100 / text.Length}% control or undecodable characters).");
        }
    }

    /// <summary>
    /// The title as one line of text, cleaned as the text itself is: a format's metadata may hold control characters
    /// (a PDF title in UTF-16 without its byte-order mark reads as letters between NULs), which PostgreSQL cannot store.
    /// </summary>
    private static string? OneLine(string? title)
    {
        var line = title is null ? null : TextComposer.Normalise(title);
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
