using System.Text;
using IdmPlatform.Ingestion.Extraction.Reading;
using static IdmPlatform.Extraction.Tests.Reading.TestDocuments;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>Markdown and plain text: footnotes that cut a quotation, lists, letterheads, charsets.</summary>
public sealed class TextReadingTests
{
    private const string ReleaseWithFootnote = """
        ## Harbour Towns Ask For Shared Responsibility

        Since 2019, about 3,200<sup>1</sup> people have been rescued off the coast. The forum asks every state to help.

        “Rescue at sea is a duty, not a favour, and the towns that carry it need partners who stay for the long run,” said Petra Lindqvist,

        ---

        <sup>1</sup> [Harbour registry](#) - Figures are provisional.

        Chair of the Coastal Mobility Forum and mayor of Portsea.

        The forum recommends:

        - Sharing **reception** costs fairly;
        - Publishing rescue figures every month.

        *For more information please contact:*

        press@coastal-forum.example +44 20 7946 0000
        """;

    [Fact]
    public void A_footnote_block_that_splits_a_quotation_moves_to_the_end_and_the_sentence_rejoins()
    {
        var read = Read(ReleaseWithFootnote, "text/markdown");

        Assert.Equal("""
            Harbour Towns Ask For Shared Responsibility

            Since 2019, about 3,200 [1] people have been rescued off the coast. The forum asks every state to help.

            “Rescue at sea is a duty, not a favour, and the towns that carry it need partners who stay for the long run,” said Petra Lindqvist, Chair of the Coastal Mobility Forum and mayor of Portsea.

            The forum recommends:

            - Sharing reception costs fairly;
            - Publishing rescue figures every month.

            [1] Harbour registry - Figures are provisional.
            """.ReplaceLineEndings("\n"), read.Text);
        Assert.Equal("Harbour Towns Ask For Shared Responsibility", read.Title);
        Assert.Null(read.PublishedOn);
        Assert.Null(read.Language);
    }

    [Fact]
    public void The_short_lines_of_a_title_block_stay_apart_while_wrapped_prose_is_joined()
    {
        var text = "Dialogue on Migration 2019 — Youth and migration\nSummary of the New York session, 15–16 October 2019\n\n" +
                   "Speakers agreed that youth is not a single category and that\nrules differ for students and seasonal workers.";

        var read = DocumentReader.Default.Read(Encoding.UTF8.GetBytes(text), "text/plain").Text;

        Assert.StartsWith("Dialogue on Migration 2019 — Youth and migration\n\nSummary of the New York session, 15–16 October 2019\n\n", read, StringComparison.Ordinal);
        Assert.EndsWith("single category and that rules differ for students and seasonal workers.", read, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_clearly_Markdown_is_read_as_Markdown_even_when_sent_as_plain_text()
    {
        var read = Read(ReleaseWithFootnote, "text/plain");

        Assert.StartsWith("Harbour Towns Ask For Shared Responsibility\n\nSince 2019, about 3,200 [1] people", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<sup>", read.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", read.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_footnote_syntax_becomes_markers_and_notes()
    {
        var read = Read("Arrivals rose[^1] in May.\n\n[^1]: Harbour registry.\n", "text/markdown");

        Assert.Equal("Arrivals rose [1] in May.\n\n[1] Harbour registry.", read.Text);
    }

    [Fact]
    public void A_widgets_powered_by_credit_is_furniture() =>
        Assert.DoesNotContain("powered by", Read("Port council: forty states promise better treatment of dockers\npowered by social2s\n\nThe council met in Valletta.", "text/plain").Text, StringComparison.Ordinal);

    [Fact]
    public void A_plain_letter_loses_its_letterhead_address_and_furniture_but_keeps_paragraphs_and_lists()
    {
        var letter = "\n\nWAO World Agency for Outreach\nAMR Agence Mondiale de Rayonnement\nAMA Agencia Mundial de Alcance\n\n"
            + "Outreach in Harbour Towns\n\nMeeting Summary\nFifth Regional Session, 3-5 March 2003\n\n"
            + "The session opened with a short film. Delegates then discussed how towns could\nshare the cost of recep-\ntion and training.\n\n"
            + "Headquarters:\n\n12 rue des Lilas • C.P. 40 • CH-1211 Geneva 2 • Switzerland\nTel: +41 22 000 00 00 • Fax: +41 22 000 00 01 • E-mail: info@wao.example\n\n"
            + "Three points were agreed:\n\n1. Shared training.\n2. Common standards.\n\n- 2 -\n\nTranslate »\n";

        var read = Read(letter, "text/plain");

        Assert.Equal("""
            Outreach in Harbour Towns

            Meeting Summary

            Fifth Regional Session, 3-5 March 2003

            The session opened with a short film. Delegates then discussed how towns could share the cost of reception and training.

            Three points were agreed:

            1. Shared training.
            2. Common standards.
            """.ReplaceLineEndings("\n"), read.Text);
        Assert.Null(read.Title);
    }

    [Theory]
    [InlineData("Available in EnglishEspañol")]
    [InlineData("Also available in: English | Français | Español")]
    [InlineData("Disponible en français, anglais")]
    public void A_language_switcher_is_furniture(string switcher) =>
        Assert.Equal("Harbour Towns Back Reception Plan\n\nThe mayors met today.", Read($"Skip to main content\n{switcher}\n\nHarbour Towns Back Reception Plan\n\nThe mayors met today.", "text/plain").Text);

    [Fact]
    public void A_blog_post_stops_at_its_comment_form()
    {
        var post = "Notes from the dialogue\n\nThe second day was about data.\n\nCategories: Events\n\nLeave a Reply\n\nYou are commenting using your account.\n\nA comment by a reader.";

        Assert.Equal("Notes from the dialogue\n\nThe second day was about data.", Read(post, "text/plain").Text);
    }

    [Theory]
    [InlineData("text/plain; charset=windows-1252")]
    [InlineData("text/plain;charset=\"cp1252\"")]
    [InlineData("text/plain")]
    public void Windows_1252_text_decodes_when_declared_or_sniffed(string contentType)
    {
        byte[] bytes = [0x93, .. "La se"u8, 0xF1, .. "ora Fran"u8, 0xE7, .. "ois pr"u8, 0xE9, .. "side."u8, 0x94];

        Assert.Equal("“La señora François préside.”", DocumentReader.Default.Read(bytes, contentType).Text);
    }

    [Fact]
    public void ISO_8859_1_text_declared_in_the_content_type_decodes_correctly()
    {
        var bytes = Encoding.Latin1.GetBytes("Réunion à Genève, año 2004, garçon.");

        Assert.Equal("Réunion à Genève, año 2004, garçon.", DocumentReader.Default.Read(bytes, "text/plain; charset=iso-8859-1").Text);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_a_wrong_declaration()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Genève")];

        Assert.Equal("Genève", DocumentReader.Default.Read(bytes, "text/plain; charset=windows-1252").Text);
    }

    [Fact]
    public void Footnote_markers_stuck_to_words_are_separated()
    {
        Assert.Equal("Nearly 14,000 [1] migrants.", Read("Nearly 14,000[1] migrants.", "text/plain").Text);
    }
}
