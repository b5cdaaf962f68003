using System.Globalization;
using IdmPlatform.Ingestion.Extraction.Analysis;

namespace IdmPlatform.Extraction.Tests;

/// <summary>The publication date as pages write it in English, French and Spanish (made-up texts).</summary>
public sealed class PublicationDateTests
{
    private const string Headline = "Port Towns Sign Shared Reception Pact";
    private const string Story = "The mayors of six port towns signed a pact on shared reception standards after two days of talks with ministers.";
    private const string Titre = "Les villes portuaires signent un pacte d'accueil commun";
    private const string Recit = "Les maires de six villes portuaires ont signé un pacte sur des normes d'accueil communes après deux jours de discussions.";
    private const string Titular = "Las ciudades portuarias firman un pacto de acogida común";
    private const string Relato = "Los alcaldes de seis ciudades portuarias firmaron un pacto sobre normas de acogida comunes tras dos días de conversaciones.";

    private static DateOnly? PublishedOn(string text, string? url = null) => TextAnalyzer.Default.Analyse(text, sourceUrl: url).PublishedOn;

    private static DateOnly Day(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData($"Home\nNews\nPress Release | 12 May 2023\n{Headline}\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nPosted: May 12th, 2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nBy Jane Roe | Sept. 12, 2023\n{Story}", "2023-09-12")]
    [InlineData($"{Headline}\nJane Roe\nThursday 12 October 2023\n{Story}", "2023-10-12")]
    [InlineData($"{Headline}\nIssued on 3 March 2021\n{Story}", "2021-03-03")]
    [InlineData($"{Headline}\n2023-05-12T09:30:00Z\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\n12th of May 2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\n12-May-2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nGeneva, Switzerland - 12 May 2023 - {Story}", "2023-05-12")]
    [InlineData($"{Headline}\nGeneva/New York, 12 May 2023 – {Story}", "2023-05-12")]
    [InlineData($"{Headline}\n12 May 2023 | 3 min read\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nMay 12, 2023 at 10:30 am\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nUNITED NATIONS, May 12 2023 (Harbour Wire) - {Story}", "2023-05-12")]
    [InlineData($"{Headline}\n{Story}\nThis page was published on 14 February 2022.", "2022-02-14")]
    [InlineData($"{Headline}\nFinal version\n12 May 2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nPages 460-477 | Received 27 May 2021, Accepted 28 Nov 2022, Published online: 28 Dec 2022\n{Story}", "2022-12-28")]
    [InlineData($"{Headline}\nBy May 12, 2023 Newsroom, Regional\n{Story}\n{Story}\n{Story}\n{Story}\nDate: Wednesday 28 June 2023", "2023-05-12")]
    [InlineData($"{Headline}\n12 May '23\n4 min read\n{Story}", "2023-05-12")]
    [InlineData($"VALLETTA, (Harbour Post / Port News / HPA - 12th May, 2023) {Story}", "2023-05-12")]
    public void English_datelines_and_stamps_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    [InlineData($"{Titre}\nGenève, le 12 mai 2023 – {Recit}", "2023-05-12")]
    [InlineData($"{Titre}\nGenève (Suisse), le 12 mai 2023 – {Recit}", "2023-05-12")]
    [InlineData($"{Titre}\nMis en ligne le 12 mai 2023\n{Recit}", "2023-05-12")]
    [InlineData($"{Titre}\njeudi 12 octobre 2023\n{Recit}", "2023-10-12")]
    [InlineData($"{Titre}\n1er mai 2023\n{Recit}", "2023-05-01")]
    [InlineData($"{Titre}\n12 mai 2023 à 10h30\n{Recit}", "2023-05-12")]
    [InlineData($"{Titre}\nPublié le : 12/05/2023\n{Recit}", "2023-05-12")]
    [InlineData($"{Titre}\nParis, 12 mai 2023 (Agence) - {Recit}", "2023-05-12")]
    public void French_datelines_and_stamps_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    [InlineData($"{Titular}\nGinebra, 12 de mayo de 2023 (OIM) – {Relato}", "2023-05-12")]
    [InlineData($"{Titular}\nCiudad de México, 12 de mayo del 2023.- {Relato}", "2023-05-12")]
    [InlineData($"{Titular}\nGinebra, 12 de mayo de 2023. {Relato}", "2023-05-12")]
    [InlineData($"{Titular}\nSan José, Costa Rica. 12 de mayo de 2023 – {Relato}", "2023-05-12")]
    [InlineData($"{Titular}\nLunes, 15 de mayo de 2023\n{Relato}", "2023-05-15")]
    [InlineData($"{Titular}\n1.º de mayo de 2023\n{Relato}", "2023-05-01")]
    [InlineData($"{Titular}\nFecha: 12/05/2023\n{Relato}", "2023-05-12")]
    [InlineData($"{Titular}\n12 may. 2023\n{Relato}", "2023-05-12")]
    public void Spanish_datelines_and_stamps_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    [InlineData($"{Headline}\nDate: 12.05.2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\n05/23/2023\n{Story}", "2023-05-23")]
    [InlineData($"{Headline}\nArticle published on our website 12/09/2016\n{Story}", "2016-12-09")]
    [InlineData($"{Headline}\nPosted 12/09/2016\n{Story} The next round follows on 25/10/2016.", "2016-09-12")]
    [InlineData($"{Titre}\n12/05/2023\n{Recit}", "2023-05-12")]
    [InlineData($"{Titular}\n12/05/2023 10:45\n{Relato}", "2023-05-12")]
    [InlineData($"{Headline}\n2023/05/12\n{Story}", "2023-05-12")]
    public void A_numeric_day_is_read_in_the_order_its_language_or_its_text_shows(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    [InlineData("https://example.org/news/2023/may/12/port-towns", "2023-05-12")]
    [InlineData("https://example.org/news/2023/05/12", "2023-05-12")]
    [InlineData("https://example.org/news/2023_05_12_port_towns", "2023-05-12")]
    public void The_address_dates_the_page_with_a_month_name_or_underscores(string url, string expected) =>
        Assert.Equal(Day(expected), PublishedOn($"{Headline}\n{Story}", url));

    [Theory]
    [InlineData($"Wednesday, 18 October 2023\nSign in\nSubscribe\nWorld\n{Headline}\n{Story}")]
    [InlineData($"Wednesday, 18 October 2023 | Sign in | Subscribe\nHome\nNews\n{Story}")]
    [InlineData($"18 October 2023\nHome\nNews\nWorld\n{Headline}\n{Story}")]
    public void A_site_headers_today_gives_way_to_the_day_in_the_address(string text) =>
        Assert.Equal(Day("2023-05-12"), PublishedOn(text, "https://example.org/world/2023/05/12/port-towns"));

    [Fact]
    public void A_dateline_under_the_headline_wins_over_a_bare_date_above_the_navigation() =>
        Assert.Equal(Day("2023-05-12"), PublishedOn($"18 October 2025\nHome\nNews\nAbout\n{Headline}\nGENEVA, 12 May 2023 – {Story}"));

    [Fact]
    public void A_stamp_just_above_the_headline_is_found_under_long_navigation()
    {
        var navigation = string.Concat(Enumerable.Range(1, 40).Select(i => $"Menu entry {i}\n"));

        Assert.Equal(Day("2023-05-12"), PublishedOn($"{navigation}Statements\n12 May 2023\n\n{Headline}\n{Story}"));
    }

    [Theory]
    [InlineData($"{Headline}\nOn 12 May 2023, the mayors of six port towns signed a pact on shared reception after two days of talks.")]
    [InlineData($"{Titre}\nLe 12 mai 2023, les maires de six villes portuaires ont signé un pacte commun après deux jours de discussions.")]
    [InlineData($"{Headline}\nVersion 2.1.2023 of the plan\n{Story}")]
    [InlineData($"Tuesday, 17 October 2023\nHome\nNews\n{Headline}\n{Story}")]
    public void A_date_inside_a_sentence_a_version_number_or_a_headers_today_is_not_the_publication_date(string text) =>
        Assert.Null(PublishedOn(text));

    [Fact]
    public void Numeric_dates_keep_their_place_in_the_text_and_dotted_ones_are_day_first()
    {
        var dates = new DateFinder(ExtractionData.Default.Language).Find("Signed 3 May 2023, amended 04.06.2023 and 07/08/2023.", monthFirst: true);

        Assert.Equal([Day("2023-05-03"), Day("2023-06-04"), Day("2023-07-08")], dates.Select(d => d.Start!.Value));
    }

    [Fact]
    public void Dates_far_apart_in_long_prose_are_all_found_where_they_are_written()
    {
        var prose = string.Concat(Enumerable.Repeat("Delegates talked about reception standards and rescue at sea. ", 30));
        var text = $"12 May 2023 {prose}from 30 September – 2 October 2024 {prose}on 5 de mayo del 2022 {prose}\nSeptember 9, 2021";

        var dates = new DateFinder(ExtractionData.Default.Language).Find(text);

        Assert.Equal([Day("2023-05-12"), Day("2024-09-30"), Day("2022-05-05"), Day("2021-09-09")], dates.Select(d => d.Start!.Value));
        Assert.Equal("from 30 September – 2 October 2024", text.Substring(dates[1].Index, dates[1].Length));
        Assert.Equal("September 9, 2021", text[dates[3].Index..]);
    }

    [Theory]
    // A yearless dateline takes its year from the address, or from the story, never from a menu's "2030 Agenda" or a copyright line.
    [InlineData($"Menu\n2030 Agenda\n{Headline}\nGENEVA, 12 May (Harbour Wire) – {Story} The 2023 round closes today.\n© 2031 Harbour Wire", null, "2023-05-12")]
    [InlineData($"{Headline}\nGENEVA, 12 May – {Story} It builds on the 2019 accord.", "https://example.org/news/2021/05/port-towns", "2021-05-12")]
    // A page that writes no year at all: only the address has it.
    [InlineData($"{Headline}\nGENEVA, 12 May – {Story}", "https://example.org/news/2021/port-towns", "2021-05-12")]
    [InlineData($"{Titular}\nGinebra, 12 de mayo (OIM) – {Relato}", "https://example.org/es/2021/05/puertos", "2021-05-12")]
    [InlineData($"{Titre}\nGenève, 12 mai – {Recit} La session de 2022 s'achève.", null, "2022-05-12")]
    [InlineData($"{Titular}\nGinebra, 12 de mayo (OIM) – {Relato} El foro de 2024 termina hoy.", null, "2024-05-12")]
    // The last edit's stamp yields to the publication's; alone it still dates the page.
    [InlineData($"{Headline}\nLast updated: 20 June 2023\nGENEVA, 12 May 2023 – {Story}", null, "2023-05-12")]
    [InlineData($"{Titre}\nDernière mise à jour : 20 juin 2023\nGenève, le 12 mai 2023 – {Recit}", null, "2023-05-12")]
    [InlineData($"{Titular}\nÚltima actualización: 20 de junio de 2023\nGinebra, 12 de mayo de 2023 (OIM) – {Relato}", null, "2023-05-12")]
    [InlineData($"{Headline}\nLast updated: 20 June 2023\n{Story}", null, "2023-06-20")]
    // Breadcrumbs, slashed bylines and bracketed dates.
    [InlineData($"Home » News » 12 May 2023\n{Headline}\n{Story}", null, "2023-05-12")]
    [InlineData($"News > Press releases > 12 May 2023\n{Headline}\n{Story}", null, "2023-05-12")]
    [InlineData($"{Headline}\nGeneva, Switzerland / May 12, 2023\n{Story}", null, "2023-05-12")]
    [InlineData($"{Headline} [May 12, 2023]\n{Story}", null, "2023-05-12")]
    // Month-dash-day stamps, two-digit years, a clock time after a byline's date.
    [InlineData($"{Headline}\nPosted on Fri, May-12-2023\n{Story}", null, "2023-05-12")]
    [InlineData($"{Headline}\n12.05.23 – {Story}", null, "2023-05-12")]
    [InlineData($"{Headline}\nHarbour Wire Newsroom, Geneva Switzerland May 12, 2023, 02.15 PM (CEST)\n{Story}", null, "2023-05-12")]
    // A search box's example date and a weekday-led header's today yield to the page's own stamp.
    [InlineData($"E.g., 12/06/2031\n{Headline}\nMay 12, 2023\n{Story}", null, "2023-05-12")]
    [InlineData($"Friday, 15 January 2031\nSubscribe\n{Headline}\n12.05.2023 – {Story}", null, "2023-05-12")]
    // Numbers after the day in a compact address date (a serial or a time).
    [InlineData($"{Headline}\n{Story}", "https://example.org/stories/202305120210.html", "2023-05-12")]
    public void Harder_shapes_date_the_page(string text, string? url, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text, url));

    private const string LongStory = Story + " " + Story + " " + Story + " " + Story + " " + Story;
    private const string LongRelato = Relato + " " + Relato + " " + Relato + " " + Relato + " " + Relato;

    [Theory]
    // An outlet's tag before the colon that opens the story.
    [InlineData($"{Headline}\nNew York, 12 May 2023 (Harbour Wire): {Story}", "2023-05-12")]
    // A bracketed dateline with its place first.
    [InlineData($"{Titular}\n(Ginebra, 12 de mayo de 2023). {Relato}", "2023-05-12")]
    [InlineData($"{Titre}\n(Genève, 12 mai 2023) – {Recit}", "2023-05-12")]
    // A place whose comma is left out, when the dateline's dash follows the day.
    [InlineData($"{Headline}\nPORT TOWN, Freeland 12 May 2023- {Story}", "2023-05-12")]
    // A stamp closing the story: a source line with a clock time, a lone machine date under the last paragraph.
    [InlineData($"{Headline}\n{LongStory}\nSource: Harbour Wire May 12, 2023 10:30 UTC", "2023-05-12")]
    [InlineData($"{Titular}\n{LongRelato}\n2023-05-12\nSíguenos en nuestro canal", "2023-05-12")]
    [InlineData($"{Titular}\n{LongRelato} 2023-05-12\n\nSíguenos en nuestro canal", "2023-05-12")]
    // The text's own words: "this Friday, 12 May", when 12 May is that weekday.
    [InlineData($"{Titre}\nLes maires ont signé, ce vendredi 12 mai 2023, un pacte sur des normes d'accueil communes après deux jours de discussions.", "2023-05-12")]
    [InlineData($"{Titular}\nLos alcaldes firmaron este viernes 12 de mayo de 2023 un pacto sobre normas de acogida comunes tras dos días de conversaciones.", "2023-05-12")]
    public void Datelines_without_their_comma_closing_stamps_and_this_weekdays_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    // A byline with its stamp words before the day, or after it.
    [InlineData($"{Headline}\nBy Jane Roe on May 12, 2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nPosted by admin on 12 May 2023\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nPublished by Harbour Office on 12 May 2023 in News\n{Story}", "2023-05-12")]
    [InlineData($"{Headline}\nMay 12, 2023 by Jane Roe\n{Story}", "2023-05-12")]
    [InlineData($"{Titre}\nPar Jean Dupont le 12 mai 2023\n{Recit}", "2023-05-12")]
    [InlineData($"{Titular}\nPor Ana Ruiz el 12 de mayo de 2023\n{Relato}", "2023-05-12")]
    // A French weekday cut short before a stamp's day and time.
    [InlineData($"{Titre}\nven 12/05/2023 - 09:15\n{Recit}", "2023-05-12")]
    public void Bylines_with_their_stamp_words_and_short_weekdays_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    // A weekday that is not the date's says nothing sure.
    [InlineData($"{Titre}\nLes maires ont signé, ce lundi 12 mai 2023, un pacte sur des normes d'accueil communes après deux jours de discussions.")]
    // A written date alone on a line far under the story is an agenda's, not a stamp.
    [InlineData($"{Headline}\n{LongStory}\nNext meeting\n12 May 2023")]
    // A machine date inside a sentence is not a closing stamp.
    [InlineData($"{Headline}\n{LongStory} The file 2023-05-12 lists the signatories")]
    // An event's own day under a qualified label is not the page's.
    [InlineData($"{Headline}\nEvent date: 20 June 2023\n{Story}")]
    [InlineData($"{Headline}\nMeeting date: 20 June 2023\n{Story}")]
    // "Por la tarde del 12 de mayo" is no byline, and a sentence goes on after its date.
    [InlineData($"{Titular}\nPor la tarde del 12 de mayo de 2023, los alcaldes firmaron un pacto sobre normas de acogida comunes.")]
    public void A_wrong_weekday_or_an_agenda_date_under_the_story_does_not_date_the_page(string text) =>
        Assert.Null(PublishedOn(text));

    [Theory]
    // A UN or IOM document's first page: its symbol, the language it was written in, then its date.
    [InlineData($"C/99/L/4 Original: English 4 March 2023 COUNCIL 99th Session {Headline}\n{Story}", "2023-03-04")]
    [InlineData($"MC/9999 Original : anglais 19 décembre 2023 CONSEIL {Titre}\n{Recit}", "2023-12-19")]
    [InlineData($"C/99/L/4 Original: inglés 17 de abril de 2023 CONSEJO {Titular}\n{Relato}", "2023-04-17")]
    // A statement's date and venue given in one field.
    [InlineData($"{Headline}\nDate and Venue: 10 December 2023, Harbour City\n{Story}", "2023-12-10")]
    [InlineData($"{Titre}\nDate et lieu : 10 décembre 2023, Genève\n{Recit}", "2023-12-10")]
    [InlineData($"{Titular}\nFecha y lugar: 10 de diciembre de 2023, Ginebra\n{Relato}", "2023-12-10")]
    public void A_documents_original_language_note_and_a_date_and_venue_field_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Theory]
    [InlineData($"{Headline}\nDec. 12, 2023, 11 a.m.\n{Story}", "2023-12-12")]
    [InlineData($"{Headline}\n12 May 2023, 9 AM\n{Story}", "2023-05-12")]
    public void A_clock_in_am_or_pm_after_the_day_makes_a_stamp(string text, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text));

    [Fact]
    public void A_speakers_place_over_the_day_read_as_one_line_under_the_headline_dates_the_page() =>
        Assert.Equal(Day("2023-12-12"), PublishedOn($"{Headline}\nJane Roe\nDeputy Envoy\nHarbour City December 12, 2023\nAS DELIVERED\n{Story}"));

    [Theory]
    // Day first at the UN and in India, month first on a US government site and, for English, where the site says nothing.
    [InlineData($"{Headline}\nDate: 10/12/2023\nVenue: Harbour City\n{Story}", "https://mission.example.in/statements/12", "2023-12-10")]
    [InlineData($"{Headline}\n10/12/2023\n{Story}", "https://www.un.org/en/harbour-towns", "2023-12-10")]
    [InlineData($"{Headline}\n10/12/2023\n{Story}", "https://www.harbour.gov/remarks/port-towns", "2023-10-12")]
    [InlineData($"{Headline}\n10/12/2023\n{Story}", "https://example.org/news/port-towns", "2023-10-12")]
    public void The_site_says_in_which_order_an_english_numeric_day_is_written(string text, string url, string expected) =>
        Assert.Equal(Day(expected), PublishedOn(text, url));

    [Fact]
    public void Lowercase_month_words_that_are_also_words_need_a_year()
    {
        var dates = new DateFinder(ExtractionData.Default.Language).Find("Talks may 12 times a year be held; le 3 mai les maires signent. Printed 2023.");
        Assert.DoesNotContain(dates, d => d.Month == 5 && d.Day == 12);
        Assert.Contains(dates, d => d.Month == 5 && d.Day == 3 && !d.YearWritten);
    }
}
