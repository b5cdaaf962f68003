using IdmPlatform.Ingestion.Extraction.Reading;
using static IdmPlatform.Extraction.Tests.Reading.TestDocuments;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>PDF built with PdfPig and DOCX built with the Open XML SDK, in memory.</summary>
public sealed class BinaryFormatReadingTests
{
    [Fact]
    public void A_PDF_loses_its_letterhead_running_footer_and_page_numbers_and_keeps_its_paragraphs()
    {
        var pdf = Pdf(
        [
            ["# Summary of the Harbour Session", "The session opened with a short film about rescue at sea and", "the towns that receive people after it.", "",
                "Delegates discussed how towns could share the cost of recep-", "tion and training, and how to publish figures."],
            ["Three points were agreed:", "1. Shared training.", "2. Common standards.", "", "The chair closed the session and thanked the hosts",
                "for their welcome."],
            ["A full report will follow in the autumn."],
        ], title: "Harbour Session Summary");

        var read = DocumentReader.Default.Read(pdf, "application/pdf");

        Assert.Equal("""
            Summary of the Harbour Session

            The session opened with a short film about rescue at sea and the towns that receive people after it.

            Delegates discussed how towns could share the cost of reception and training, and how to publish figures.

            Three points were agreed:

            1. Shared training.
            2. Common standards.

            The chair closed the session and thanked the hosts for their welcome.

            A full report will follow in the autumn.
            """.ReplaceLineEndings("\n"), read.Text);
        Assert.Equal("Harbour Session Summary", read.Title);
    }

    [Fact]
    public void A_PDF_title_that_is_a_file_name_is_not_a_title()
    {
        var read = DocumentReader.Default.Read(Pdf([["Only one line of text here."]], title: "Microsoft Word - draft3.docx"), "application/pdf");

        Assert.Null(read.Title);
    }

    [Theory]
    [InlineData("Harbour Session Summary", "Harbour Session Summary")]
    [InlineData("Untitled", null)] // still a placeholder once its NULs are gone
    public void A_PDF_title_written_in_UTF16_without_its_byte_order_mark_is_read_without_control_characters(string title, string? expected)
    {
        // Each letter after a NUL, as a producer that drops the byte-order mark writes it; PostgreSQL cannot store a NUL.
        var written = string.Concat(title.Select(c => $"\0{c}")) + "\u0007";

        var read = DocumentReader.Default.Read(Pdf([["Only one line of text here."]], title: written), "application/pdf");

        Assert.Equal(expected, read.Title);
    }

    [Fact]
    public void A_DOCX_keeps_headings_lists_and_footnotes()
    {
        var docx = Docx((body, main) =>
        {
            body.Append(
                Styled("Title", "Harbour Towns Pledge"),
                Paragraph(Run("About 3,200"), FootnoteReference(main, 1, "Harbour registry, provisional."), Run(" people were rescued.")),
                Styled("Heading1", "Recommendations"),
                ListItem(1, "Share training."),
                ListItem(1, "Share standards."),
                Paragraph(Run("Also:")),
                ListItem(2, "Publish figures monthly."));
        });

        var read = DocumentReader.Default.Read(docx, DocxType);

        Assert.Equal("""
            Harbour Towns Pledge

            About 3,200 [1] people were rescued.

            Recommendations

            1. Share training.
            2. Share standards.

            Also:

            - Publish figures monthly.

            [1] Harbour registry, provisional.
            """.ReplaceLineEndings("\n"), read.Text);
        Assert.Equal("Harbour Towns Pledge", read.Title);
    }

    [Fact]
    public void A_DOCX_core_title_wins_over_its_first_heading()
    {
        var docx = Docx((body, _) => body.Append(Styled("Heading1", "Background"), Paragraph(Run("Text."))), title: "Core Title");

        Assert.Equal("Core Title", DocumentReader.Default.Read(docx, DocxType).Title);
    }
}
