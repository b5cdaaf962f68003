namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>What a format reader hands to <see cref="TextComposer"/>: one paragraph-level piece of the document.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,

    /// <summary>A horizontal rule ("---", &lt;hr&gt;): only a signal that footnote bodies may follow.</summary>
    Rule,

    /// <summary>A footnote body, its text starting with its marker ("[1] ...").</summary>
    Footnote,
}

/// <summary>
/// Text may hold soft line breaks ('\n', as wrapped in the source): they let line-level boilerplate rules
/// see the source's lines, and are joined with spaces at the end. ListNumber is 0 for a bullet item; items with
/// the same ListId belong to one list.
/// </summary>
internal sealed record Block(BlockKind Kind, string Text, int ListNumber = 0, int ListId = 0)
{
    public static Block Paragraph(string text) => new(BlockKind.Paragraph, text);

    public static Block Heading(string text) => new(BlockKind.Heading, text);

    public static Block Item(string text, int number, int listId) => new(BlockKind.ListItem, text, number, listId);

    public static readonly Block Rule = new(BlockKind.Rule, string.Empty);
}

/// <summary>A format reader's result before composition: the blocks and what the format says about itself.</summary>
internal sealed record ReadBlocks(IReadOnlyList<Block> Blocks, string? Title = null, DateOnly? PublishedOn = null, string? Language = null);
