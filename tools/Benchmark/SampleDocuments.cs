using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace IdmPlatform.Benchmark;

/// <summary>
/// Generated documents of realistic size: a news page of about 20 KB with a site's furniture around a 2,000-word
/// article, and a report of text-filled A4 pages. The seed makes each document distinct (no duplicate short-cut).
/// </summary>
internal static class SampleDocuments
{
    private static readonly string[] Words =
        ("migration dialogue states partners regular pathways cooperation delegates community towns rescue "
        + "reception standards training figures rights dignity labour mobility review forum compact objectives "
        + "civil society governments local authorities data evidence inclusion safety return integration").Split(' ');

    public static string HtmlPage(int seed)
    {
        var random = new Random(seed);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>Forum report {seed}</title><meta property=\"article:published_time\" content=\"2024-05-{1 + (seed % 28):00}\">")
            .Append("<link rel=\"stylesheet\" href=\"/site.css\"><script>window.dataLayer=[];function track(){}</script></head><body>")
            .Append("<header><div class=\"logo\">Forum</div><nav><ul>");
        for (var i = 0; i < 30; i++)
        {
            page.Append($"<li class=\"menu-item\"><a href=\"/section/{i}\">Section {i}</a></li>");
        }

        page.Append("</ul></nav></header><div id=\"cookie-notice\">We use cookies. <button>Accept</button></div><main><article>")
            .Append($"<h1>Forum report {seed}</h1>");
        for (var p = 0; p < 24; p++)
        {
            page.Append("<p>").Append(Sentence(random, 60)).Append(p % 5 == 0 ? "<sup>1</sup>" : string.Empty)
                .Append(" “").Append(Sentence(random, 20)).Append(",” said the chair.</p>");
            if (p % 8 == 7)
            {
                page.Append("<h2>").Append(Sentence(random, 5)).Append("</h2><ul>");
                for (var i = 0; i < 5; i++)
                {
                    page.Append("<li>").Append(Sentence(random, 12)).Append("</li>");
                }

                page.Append("</ul>");
            }
        }

        page.Append("<div class=\"sharedaddy\"><a>Share on Twitter</a><a>Share on Facebook</a></div></article></main>")
            .Append("<aside>").Append(string.Concat(Enumerable.Range(0, 10).Select(i => $"<a href=\"/post/{i}\">Related post {i}</a>"))).Append("</aside>")
            .Append("<div id=\"comments\"><h3>Leave a Reply</h3><form><textarea></textarea><input type=\"submit\"></form></div>")
            .Append("<footer><p>© Forum</p></footer></body></html>");
        return page.ToString();
    }

    /// <summary>A report of the given number of A4 pages, 46 lines of 11 pt Helvetica each, with a running footer.</summary>
    public static byte[] PdfReport(int seed, int pages)
    {
        var random = new Random(seed);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            for (var line = 0; line < 46; line++, y -= 14)
            {
                y -= line % 9 == 8 ? 10 : 0; // Paragraph gaps.
                page.AddText(Sentence(random, 13), 11, new PdfPoint(60, y), font);
            }

            page.AddText($"Forum report {seed} - page {p + 1} of {pages}", 8, new PdfPoint(60, 30), font);
        }

        return builder.Build();
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
}
