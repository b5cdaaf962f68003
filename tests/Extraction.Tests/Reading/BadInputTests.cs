using System.Text;
using IdmPlatform.Ingestion.Extraction.Reading;
using static IdmPlatform.Extraction.Tests.Reading.TestDocuments;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>Each kind of unreadable input ends in a rejection that says why: no other exception, no hang, no crash.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_footnote_that_cites_itself_is_read_once_not_forever()
    {
        var docx = Docx((body, main) =>
        {
            main.FootnotesPart!.Footnotes!.Append(new W.Footnote(
                new W.Paragraph(Run("A note that cites"), new W.Run(new W.FootnoteReference { Id = 7 })))
            { Id = 7 });
            body.Append(Paragraph(Run("Delegates met in Geneva"), new W.Run(new W.FootnoteReference { Id = 7 }), Run(" to talk.")));
        });

        var text = DocumentReader.Default.Read(docx, DocxType).Text;

        Assert.Single(text.Split("A note that cites")[1..]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("text/markdown")]
    [InlineData("application/pdf")]
    [InlineData(DocxType)]
    public void Empty_content_is_rejected(string contentType) =>
        Assert.Contains("empty", Rejected([], contentType).Message, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("text/markdown")]
    public void Whitespace_only_is_rejected(string contentType) =>
        Assert.Contains("empty", Rejected(Encoding.UTF8.GetBytes(" \r\n\t \u00A0\n"), contentType).Message, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_page_of_nothing_but_furniture_has_no_readable_text()
    {
        var page = "<html><body><nav>Home News</nav><form>Leave a Reply</form><footer>© 2024</footer></body></html>";

        Assert.Contains("no readable text", Rejected(Encoding.UTF8.GetBytes(page), "text/html").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("text/markdown")]
    public void Binary_garbage_is_rejected(string contentType)
    {
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);

        Assert.Contains("binary", Rejected(garbage, contentType).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/zip")]
    [InlineData("image/png")]
    [InlineData("")]
    public void An_unsupported_content_type_is_rejected(string contentType) =>
        Assert.Contains("not a supported document type", Rejected("hello"u8.ToArray(), contentType).Message, StringComparison.Ordinal);

    [Fact]
    public void A_truncated_PDF_is_rejected()
    {
        var pdf = Pdf([["A line of text long enough to matter."], ["A second page."]]);

        Assert.Contains("truncated or corrupt", Rejected(pdf[..(pdf.Length / 2)], "application/pdf").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encrypted_PDF_is_rejected()
    {
        // A standard security handler whose password check fails for the empty user password, as in any protected file.
        var pdf = Encoding.Latin1.GetString(Pdf([["Secret text."]]));
        var trailer = pdf.LastIndexOf("trailer", StringComparison.Ordinal);
        var encrypted = pdf[..trailer] + pdf[trailer..].Replace("<<", "<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64)
            + "> /U <" + new string('B', 64) + "> /P -44 >> ", StringComparison.Ordinal);

        Assert.Equal("The PDF is encrypted.", Rejected(Encoding.Latin1.GetBytes(encrypted), "application/pdf").Message);
    }

    [Fact]
    public void Something_that_is_not_a_PDF_is_rejected() =>
        Assert.Contains("not a PDF", Rejected("<html>not a pdf</html>"u8.ToArray(), "application/pdf").Message, StringComparison.Ordinal);

    [Fact]
    public void A_DOCX_zip_bomb_is_rejected_from_its_directory()
    {
        var bomb = ZipOfSpaces("word/document.xml", 60L * 1024 * 1024);

        Assert.Contains("zip bomb", Rejected(bomb, DocxType).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DOCX_whose_directory_understates_its_sizes_is_never_inflated_past_them()
    {
        var forged = WithDeclaredSize(ZipOfSpaces("word/document.xml", 40L * 1024 * 1024), declared: 1000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        Rejected(forged, DocxType);

        // Inflating the 40 MB (as text, twice that) would allocate far more than the few MB that reading the package takes.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated:N0} bytes allocated: the 40 MB were inflated");
    }

    [Fact]
    public void A_password_protected_DOCX_is_rejected()
    {
        byte[] compoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Assert.Contains("encrypted", Rejected(compoundFile, DocxType).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DOCX_that_is_not_a_zip_is_rejected() =>
        Assert.Contains("not a valid", Rejected("PK but not really a zip"u8.ToArray(), DocxType).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("<div>", 10_000)]
    [InlineData("<span><b>", 50_000)]
    [InlineData("<blockquote>", 1_000_000)]
    public void Deeply_nested_HTML_is_rejected_without_overflowing_the_stack(string open, int levels)
    {
        // Run on a thread with a small stack: a recursive walk would overflow it and kill the test host.
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, levels)) + "deep");

        var rejection = OnSmallStack(() => Rejected(html, "text/html"));

        Assert.Contains("levels deep", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HTML_nested_just_under_the_limit_is_still_read_on_a_small_stack()
    {
        var html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 900)) + "still readable");

        Assert.Equal("still readable", OnSmallStack(() => DocumentReader.Default.Read(html, "text/html")).Text);
    }

    [Theory]
    [InlineData("> ", 10_000)]
    [InlineData("  ", 5_000)]
    [InlineData("[", 20_000)]
    [InlineData("*a _", 20_000)]
    public void Deeply_nested_Markdown_is_rejected(string open, int levels)
    {
        var markdown = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, levels)) + "- deep");

        var rejection = OnSmallStack(() => Rejected(markdown, "text/markdown"));

        Assert.Contains("deep", rejection.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs on a 256 KiB stack, a fraction of a thread pool thread's, so that recursion shows here first.</summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result! : throw new InvalidOperationException("The work failed", failure);
    }
}
