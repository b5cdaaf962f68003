using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Extraction.Analysis;

namespace IdmPlatform.Extraction.Tests;

/// <summary>The analysis stage over short texts the team wrote, one pattern each, in English, French and Spanish.</summary>
public sealed class AnalysisTests
{
    private static ExtractedDocument Analyse(string text) => TextAnalyzer.Default.Analyse(text);

    private static ExtractedStatement OnlyQuote(ExtractedDocument document) => Assert.Single(document.Statements, s => s.Kind == "quote");

    [Fact]
    public void A_quote_split_by_its_attribution_is_one_statement_with_one_passage()
    {
        var document = Analyse("“No country can manage migration on its own,” said Carmen Ruiz, Director of the Andean Migrant Network. “Cooperation is the only way forward.”");

        var quote = OnlyQuote(document);
        Assert.Equal("Carmen Ruiz", quote.Speaker);
        Assert.Equal("No country can manage migration on its own, Cooperation is the only way forward.", quote.Text);
        Assert.Equal(0, quote.PassageStart);
        Assert.Equal(document.Text.Length, quote.PassageEnd);
    }

    [Fact]
    public void A_second_speaker_introduced_after_a_finished_quote_starts_a_statement_of_their_own()
    {
        var document = Analyse("Ambassador Tomas Berg stated that the pact “deserves the concerted action of every harbour town.” "
                               + "Carmen Ruiz, the Director of the Andean Migrant Network added, “The report called for a positive agenda for migrants.”");

        Assert.Equal(["Tomas Berg", "Carmen Ruiz"], document.Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));
    }

    [Fact]
    public void An_attribution_in_the_future_tense_before_the_quote_names_the_speaker()
    {
        var document = Analyse("IOM Deputy Director General Hana Okafor will add that “data on missing migrants must guide every search and rescue decision.”");

        var quote = OnlyQuote(document);
        Assert.Equal("Hana Okafor", quote.Speaker);
        var person = Assert.Single(document.People);
        Assert.Equal("Deputy Director General", person.Role);
        Assert.Equal("International Organization for Migration", person.Organisation);
    }

    [Fact]
    public void A_quote_continued_over_paragraphs_is_one_statement_and_he_added_keeps_the_speaker()
    {
        var text = "“Young people are not a problem to be managed, they are partners in the answer.\n\n" +
                   "“Give them a seat at the table and they will bring solutions,” said Tomás Varga, a youth delegate from the Danube Youth Forum.\n\n" +
                   "“We came to be heard, not to be photographed,” he added.";

        var quotes = Analyse(text).Statements.Where(s => s.Kind == "quote").ToList();

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Tomás Varga", q.Speaker));
        Assert.Contains("seat at the table", quotes[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("“Young people", text[quotes[0].PassageStart..quotes[0].PassageEnd], StringComparison.Ordinal);
    }

    [Fact]
    public void French_guillemets_with_a_declared_speaker_give_a_french_quote_from_the_iom()
    {
        var document = Analyse("« Les voies de migration régulière sauvent des vies et protègent les familles », a déclaré Mme Claire Dubois, directrice régionale de l'OIM, lors du Dialogue international sur la migration de 2019 à New York.");

        var quote = OnlyQuote(document);
        Assert.Equal("Claire Dubois", quote.Speaker);
        Assert.Equal("fr", document.Language);
        Assert.Contains(document.Organisations, o => o.Acronym == "IOM");
        Assert.Equal("idm-2019-new-york", quote.EventSlug);
        Assert.Contains("regular-pathways", quote.Themes);
        Assert.Contains(5, quote.GcmObjectives);
    }

    [Fact]
    public void A_spanish_quote_with_afirmo_is_attributed_and_the_language_is_spanish()
    {
        var document = Analyse("“La regularización de los trabajadores migrantes es una prioridad para toda la región”, afirmó la Sra. Lucía Fernández, ministra de Trabajo, durante el Foro de Examen de la Migración Internacional de 2022.");

        Assert.Equal("Lucía Fernández", OnlyQuote(document).Speaker);
        Assert.Equal("es", document.Language);
        Assert.Contains(document.Events, e => e.Slug == "imrf-2022");
        Assert.DoesNotContain(document.Organisations, o => o.Acronym is "FEMI" or "IMRF");
    }

    [Fact]
    public void A_short_title_of_quoted_words_or_a_scare_quote_is_not_a_statement()
    {
        var document = Analyse("The session was themed “Harnessing the power of migration for everyone,” and delegates discussed a “threshold of tolerance” at length.");

        Assert.DoesNotContain(document.Statements, s => s.Kind == "quote");
    }

    [Fact]
    public void A_reported_intervention_names_its_speaker_panel_and_organisation()
    {
        var document = Analyse("Dr. Tomas Berg, Director of the Nordic Refugee Council (NRC), delivered a statement during Panel 2 highlighting alternatives to immigration detention for children.");

        var intervention = Assert.Single(document.Statements, s => s.Kind == "intervention");
        Assert.Equal("Tomas Berg", intervention.Speaker);
        Assert.Equal("Panel 2", intervention.Panel);
        Assert.Contains("detention-alternatives", intervention.Themes);
        Assert.Contains(13, intervention.GcmObjectives);
        Assert.Contains(document.Organisations, o => o.Name == "Nordic Refugee Council" && o.Acronym == "NRC");
        Assert.Equal("Tomas Berg", Assert.Single(document.People).Name);
    }

    [Fact]
    public void A_list_after_an_introducing_colon_gives_one_recommendation_per_item_in_the_voice_of_its_organisation()
    {
        var text = "The United Nations Network on Migration calls on States to act, including by:\n\n" +
                   "- Expanding visas for family reunification;\n- Ending the detention of children;\n- Funding search and rescue at sea.";

        var recommendations = Analyse(text).Statements.Where(s => s.Kind == "recommendation").ToList();

        Assert.Equal(3, recommendations.Count);
        Assert.All(recommendations, r => Assert.Equal("United Nations Network on Migration", r.Organisation));
        Assert.Equal("Ending the detention of children;", text[recommendations[1].PassageStart..recommendations[1].PassageEnd]);
    }

    [Theory]
    [InlineData("The dialogue was held on 21 – 22 May 2024 in New York.", "2024-05-21", "2024-05-22")]
    [InlineData("The Council met on 2-4 December 2002 in Geneva.", "2002-12-02", "2002-12-04")]
    [InlineData("The workshop took place on 17 April 2017.", "2017-04-17", null)]
    [InlineData("La réunion s'est tenue le 11 décembre 2019 à Genève.", "2019-12-11", null)]
    [InlineData("La reunión se celebró el 27 de mayo de 2022 en Nueva York.", "2022-05-27", null)]
    [InlineData("The session was held on May 21, 2024.", "2024-05-21", null)]
    public void Event_dates_are_read_in_every_shape(string text, string first, string? last)
    {
        var days = Analyse(text).EventDates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(first, days[0]);
        Assert.Equal(last ?? days[0], days[^1]);
    }

    [Fact]
    public void A_date_without_its_year_takes_the_year_written_before_it()
    {
        var document = Analyse("84th Council Session, 2-4 December 2002\n\nThe workshop took place on December 3 as part of the session.");

        Assert.Contains(new DateOnly(2002, 12, 3), document.EventDates);
        Assert.Contains(document.Events, e => e.Slug == "iom-council-84");
    }

    [Theory]
    [InlineData("GENEVA, 3 March 2021 – The Network welcomed new pledges today.", "2021-03-03")]
    [InlineData("Published on 9 June 2023\n\nStates met to review progress.", "2023-06-09")]
    [InlineData("Notícias\n\nPublicado em 3 de março de 2021 às 9h15\n\nOs Estados reuniram-se para rever os progressos do Pacto.", "2021-03-03")]
    [InlineData("The International Dialogue on Migration 2017 gets underway in New York later today, with States and civil society.", "2017-04-18")]
    [InlineData("As we mark International Migrants Day and the fifth anniversary of the adoption of the GCM, we urge States to act.", "2023-12-18")]
    [InlineData("States prepare for the first International Migration Review Forum next May. As we mark International Migrants Day, we urge them to pledge.", "2021-12-18")]
    [InlineData("Alors que nous célébrons la Journée internationale des migrants et le deuxième anniversaire de l'adoption du Pacte mondial, le Réseau appelle les États à agir.", "2020-12-18")]
    public void The_publication_date_comes_from_a_dateline_a_cue_or_the_calendar_of_the_field(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Analyse(text).PublishedOn);
    }

    [Fact]
    public void A_past_session_does_not_date_the_text_that_reports_it()
    {
        Assert.Null(Analyse("On 21 – 22 May 2024, IOM held the International Dialogue on Migration in New York.").PublishedOn);
    }

    [Theory]
    [InlineData("Migrants have rights, and States have obligations towards them.", "en")]
    [InlineData("Les migrants ont des droits et les États ont des obligations envers eux.", "fr")]
    [InlineData("Los migrantes tienen derechos y los Estados tienen obligaciones.", "es")]
    [InlineData("Voies régulières : l'OIM s'engage.", "fr")]
    [InlineData("¿Qué futuro para la migración?", "es")]
    [InlineData("Os migrantes têm direitos, e os Estados não podem ignorá-los.", "pt")]
    [InlineData("A migração segura é também uma questão de saúde.", "pt")]
    [InlineData("Ayon sa pamahalaan, ang mga manggagawa sa ibang bansa ay may karapatan na dapat igalang.", "tl")]
    [InlineData("Sinabi ng kalihim na hindi nila pababayaan ang mga migrante sa gitna ng krisis.", "tl")]
    [InlineData("La migración segura es una cuestión de salud y de derechos.", "es")]
    [InlineData("Do no harm: as a rule, data on migrants stays with them.", "en")]
    [InlineData("Der Bundestag hat über den Antrag zur Migration beraten und ihn nicht angenommen.", "de")]
    [InlineData("Jürgen Müller and Jörg Schäfer spoke for the port towns at the meeting of the league.", "en")]
    public void The_language_is_found_even_in_short_texts(string text, string language)
    {
        Assert.Equal(language, Analyse(text).Language);
    }

    [Fact]
    public void Organisations_are_found_by_name_alias_or_acronym_in_three_languages_and_frameworks_are_not_organisations()
    {
        var text = "L'Organisation internationale pour les migrations et l'ONU ont présenté le PMM. " +
                   "Later the Scalabrini International Migration Network (SIMN) and the Coastal Migrant Support Alliance (CMSA) spoke; " +
                   "SIMN and CMSA then met UN agencies about the Global Compact for Migration (GCM).";

        var organisations = Analyse(text).Organisations;

        Assert.Equal(["International Organization for Migration", "United Nations", "Scalabrini International Migration Network", "Coastal Migrant Support Alliance"],
            organisations.Select(o => o.Name));
        Assert.Equal("CMSA", organisations[^1].Acronym);
    }

    [Fact]
    public void People_lose_their_honorifics_and_keep_role_and_organisation_and_a_surname_refers_back()
    {
        var text = "Fr. Mateo Lindqvist, Director of the Coastal Migrant Support Alliance, opened the session. " +
                   "Photo: Ines Carvalho. Later, Fr. Lindqvist said that the pathways must be safe.";

        var people = Analyse(text).People;

        Assert.Equal(["Mateo Lindqvist", "Ines Carvalho"], people.Select(p => p.Name));
        Assert.StartsWith("Director", people[0].Role, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_alone_under_an_organisation_at_the_end_is_a_contact_person()
    {
        var text = "The Alliance welcomed the pledges made in Geneva.\n\nCoastal Migrant Support Alliance (secretariat)\n\nMarta Quispe";

        Assert.Equal("Marta Quispe", Assert.Single(Analyse(text).People).Name);
    }

    [Fact]
    public void A_title_joins_its_known_subtitle_and_skips_the_letterhead()
    {
        var text = "IOM International Organization for Migration\nOIM Organisation internationale pour les migrations\n\n" +
                   "Protecting Migrants in Transit\n\nWorkshop Summary\n\nDelegations met in Geneva.";

        var document = new DocumentExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(text), "text/plain", new ExtractionHints());

        Assert.Equal("Protecting Migrants in Transit — Workshop Summary", document.Title);
    }

    [Fact]
    public void Every_passage_points_at_its_own_words_in_the_text()
    {
        var text = "Opening the meeting, IOM Director General Ana Torres said: “We will not leave migrants in situations of vulnerability behind.”\n\n" +
                   "Kwame Mensah from the Coastal Migrant Support Alliance later advocated for firewalls between health services and immigration enforcement.";

        var document = Analyse(text);

        Assert.Equal(2, document.Statements.Count);
        Assert.Equal("“We will not leave migrants in situations of vulnerability behind.”", text[document.Statements[0].PassageStart..document.Statements[0].PassageEnd]);
        Assert.Equal(text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..], text[document.Statements[1].PassageStart..document.Statements[1].PassageEnd]);
    }

    [Theory]
    [InlineData("The session opened on 1٥ May ٢٠٢٤ and closed on 30 May – 2 June 2024 in the ٨٤th Council Session.")]
    [InlineData("“Ten thousand words and none of them closed, said nobody\n\n« guillemets » « » “ ” \" “Again and again")]
    [InlineData("As we mark International Migrants Day and the ٣rd anniversary of the adoption of the GCM, we act.")]
    public void Odd_text_is_analysed_without_throwing(string text)
    {
        var document = Analyse(text);

        Assert.Equal(text, document.Text);
    }

    [Fact]
    public void A_range_across_two_months_gives_every_day()
    {
        var days = Analyse("The regional review was held from 30 May – 2 June 2024 in Bangkok.").EventDates;

        Assert.Equal([new DateOnly(2024, 5, 30), new DateOnly(2024, 5, 31), new DateOnly(2024, 6, 1), new DateOnly(2024, 6, 2)], days);
    }

    [Fact]
    public void Capitalised_nouns_are_not_verbs_of_speech_and_keywords_match_whole_words()
    {
        var document = Analyse("“Member States must open more pathways for workers,” States noted in a joint paper visant les objectifs.");

        Assert.DoesNotContain(document.Statements, s => s.Kind == "quote");
        Assert.DoesNotContain(5, Analyse("Une politique visant les jeunes.").GcmObjectives);
    }
}
