using Markdig;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Markdown through Markdig: rendered to HTML (footnotes and pipe tables on, inline HTML such as &lt;sup&gt; kept)
/// and read by the same <see cref="HtmlReader"/>, keeping the author's line breaks. The title is the first heading.
/// </summary>
internal sealed class MarkdownReader(HtmlReader html)
{
    /// <summary>Markdig renders nested quotes and lists recursively; deeper than this is not a real document.</summary>
    private const int MaxNesting = 100;

    // MarkdownPipeline is immutable and documented as safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseFootnotes().UsePipeTables().Build();

    public ReadBlocks Read(string markdown)
    {
        if (Nesting(markdown) > MaxNesting)
        {
            throw new DocumentRejectedException($"The Markdown nests quotes or lists more than {MaxNesting} levels deep.");
        }

        var read = html.Read(Markdown.ToHtml(markdown, Pipeline), sourceLineBreaks: true);
        var heading = read.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text.Replace('\n', ' ').Trim();
        return read with { Title = heading };
    }

    /// <summary>
    /// How deep the start of any line nests: block quote and list markers, and indentation (two spaces or a tab
    /// per nested list level). Markdig has its own limit, but reaches it slowly on deep indentation.
    /// </summary>
    private static int Nesting(string markdown)
    {
        var deepest = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            int markers = 0, spaces = 0;
            for (var i = 0; i < line.Length && line[i] is '>' or '-' or '*' or '+' or ' ' or '\t'; i++)
            {
                spaces += line[i] switch { ' ' => 1, '\t' => 2, _ => 0 };
                markers += line[i] == '>' || (line[i] is '-' or '*' or '+' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t')) ? 1 : 0;
            }

            deepest = Math.Max(deepest, markers + (spaces / 2));
        }

        return deepest;
    }
}
