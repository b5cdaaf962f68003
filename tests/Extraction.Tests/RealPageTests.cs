using System.Globalization;
using IdmPlatform.Ingestion.Extraction;
using IdmPlatform.Ingestion.Extraction.Analysis;

namespace IdmPlatform.Extraction.Tests;

/// <summary>Pages as a crawler keeps them: navigation, stamps and salutations around the story (made-up texts).</summary>
public sealed class RealPageTests
{
    private static ExtractedDocument Analyse(string text, string? url = null) => TextAnalyzer.Default.Analyse(text, sourceUrl: url);

    private static DateOnly Day(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_headline_is_found_under_site_sections_menus_and_a_date_stamp()
    {
        var text = "News\n\nWho we are\n\nWHO WE AREThe Harbour Migration Office is a small agency with offices in three ports.\n\n"
                   + "Take Action Take Action Get involved Get involved\n\nStatements and Speeches\n\n14 Mar 2021\n\n"
                   + "Port Cities Agree on Shared Reception Standards\n\n"
                   + "Valletta – Mayors of twelve port cities agreed today on common standards for receiving people rescued at sea, after two days of talks.";

        var document = Analyse(text);

        Assert.Equal("Port Cities Agree on Shared Reception Standards", document.Title);
        Assert.Equal(Day("2021-03-14"), document.PublishedOn);
    }

    [Theory]
    [InlineData("GA/99999\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Excellencies,\n\nDistinguished delegates,\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Displaying 21 - 40 of 9000\n\nThis website uses cookies to remember your settings and to count visits.\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Delegates Weigh Labour Mobility Pledges as Review Continues | Harbour Office\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Migrants and Refugees\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\n18 December 2023\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Migrants and Refugees\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\n18 December 2023\n\nDelegates heard more than forty speakers today on the pledges their governments made since the last review of labour mobility in the region.")]
    [InlineData("Copy\n\nAs delivered\n\nPhoto: Harbour Office/R. Vance\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("PRINT ME subscribe\n\nUnable to see images? Click here\n\nComments/questions: editor@example.org\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Delegates Weigh Labour Mobility Pledges as Review Continues, Harbour Hall, 3-4 May 2023\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nHarbour Hall, 3-4 May 2023\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Delegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates Weigh Labour Mobility\n\nPledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Delegates Weigh Labour Mobility Pledges as Review Continues Story highlights\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Transcript of the review - records.example.int\n\nOriginal: English 4 May 2023\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("An official website of the Harbour Republic government\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("= Delegates Weigh Labour Mobility Pledges as Review Continues =\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.\n\n==Speakers==")]
    [InlineData("SHARE Delegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Written by Ambassador Jane Roe, Ana Ruiz Vidal and Karim Benali\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Harbour Journal of Migration (New Series), 12, June 2023, pp. 115-121\n\nISSN 0326-7806 (print)\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("11.00-12.30 hrs: The business meeting (Harbour Hall)\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("1. OPENING OF THE PANEL\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Valletta, Harbour Office, dialogue, migration\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("HMOR - Harbour Migration Office of the Republic\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Source: Harbour Wire May 12, 2023 10:30 UTC\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("HMO/2023/CRP.1 Harbour Council Distr.: For participants only 3 May 2023\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("3 May 2023 to 4 May 2023\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Communiqué 12 May 2023 Delegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Keywords: Labour Mobility and Review, Harbour Pledges\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Download the Review Summary for the Harbour Region (PDF)\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Está en la página 1de 15\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("World News\n\nNovember 21, 2018 / 1:03 PM / in an hour\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Willkommen auf den Seiten des Hafenamts\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Harbour News NetworkNews Around the RepublicWeather Today\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Delegates Weigh Labour Mobility Pledges as Review Continues\n\nlabour mobility\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("EMBARGOED UNTIL Thursday, 25 February 2016, 11:30 A.M., EDT\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Off the wire\n\nPort news in the papers • Weather for the ports -- June 13 • Ferries for the islands -- June 13\n\nYou are here: Home\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    [InlineData("Share this document with a friend\n\nDelegates Weigh Labour Mobility Pledges as Review Continues\n\nDelegates heard more than forty speakers today on the pledges made since the last review of labour mobility.")]
    public void Page_furniture_is_never_the_title(string text) =>
        Assert.Equal("Delegates Weigh Labour Mobility Pledges as Review Continues", Analyse(text).Title);

    [Fact]
    public void A_row_of_links_between_bars_is_not_the_title()
    {
        const string page = """
            Home | About | Newsroom
            Civil Society Stocktaking
            Youth Groups Call for Safe Pathways Ahead of Dialogue
            Geneva - Youth organizations urged governments on Monday to open safe routes for young migrants.
            Speaking for the caucus, Lina Haddad warned that closed borders push young people toward smugglers. "Every closed door is an open door for traffickers," she said.
            Executive Committee
            Bureau du Chef de Cabinet
            """;

        Assert.Equal("Youth Groups Call for Safe Pathways Ahead of Dialogue", Analyse(page).Title);
    }

    [Fact]
    public void A_headline_after_a_crawlers_stamp_on_its_line_is_the_title_and_a_sentence_there_is_not()
    {
        const string body = "\n\nFriday, 12 May 2023 at 10:30\n\nValletta – Mayors of twelve port cities agreed today on common standards for receiving people rescued at sea, after two days of talks.";

        Assert.Equal("Harbour Towns Back Shared Reception Plan", Analyse(" date 2023-05 Harbour Towns Back Shared Reception Plan" + body).Title);
        Assert.Null(Analyse(" date 2023-05-12 The mayors of twelve port cities agreed today on common standards for rescue." + body).Title);
    }

    [Fact]
    public void A_headline_in_capitals_keeps_its_first_word_even_when_it_names_a_button() =>
        Assert.Equal("SHARE THE LOAD OF RECEPTION, SAY PORT MAYORS", Analyse("SHARE THE LOAD OF RECEPTION, SAY PORT MAYORS\n\nMayors of twelve port cities asked today for the costs of receiving people rescued at sea to be shared.").Title);

    [Theory]
    [InlineData("https://example.org/2023/05/04/harbour-towns-sign-reception-pact/", "Harbour Towns Sign Reception Pact")]
    [InlineData("https://example.org/noticias/declaracion-de-los-puertos-del-sur/amp", "Declaración de los Puertos del Sur")]
    public void The_line_that_spells_the_addresss_slug_is_the_headline_over_a_longer_deck(string url, string expected)
    {
        var text = $"{expected}\n\nMayors of twelve port cities met in Valletta for two days and signed a common text on receiving people rescued at sea\n\n"
                   + "The mayors agreed today on common standards for receiving people rescued at sea, after two days of talks in the old harbour.";

        Assert.Equal(expected, Analyse(text, url).Title);
    }

    [Fact]
    public void A_date_run_into_a_headline_and_a_full_stop_after_a_short_one_are_not_part_of_it()
    {
        var list = "Seventy Years of the Harbour Charter\nDecember 7, 2018\nDecember 18, 2018Harbour Towns Adopt a Reception Pact\n\n"
                   + "Today at the harbour hall the mayors voted to adopt the pact on receiving people rescued at sea, by twelve votes to two.";
        var stopped = "Día de los Puertos del Sur.\nLa Liga de los puertos proclamó el 4 de mayo como el día para celebrar el papel de los puertos en la acogida.";

        Assert.Equal("Harbour Towns Adopt a Reception Pact", Analyse(list, "https://example.org/opinion/harbour-towns-adopt-reception-pact/").Title);
        Assert.Equal("Día de los Puertos del Sur", Analyse(stopped, "https://example.org/dia-de-los-puertos-del-sur").Title);
    }

    [Fact]
    public void A_headline_wrapped_after_a_small_word_is_joined_to_its_second_line()
    {
        var text = "C/99/L/1\n\nDRAFT REPORT ON THE\n\nNINETY-NINTH SESSION OF THE BOARD\n\nThe Board met in Valletta from 3 to 5 May 2023 and heard more than forty speakers on the review of labour mobility.";

        Assert.Equal("DRAFT REPORT ON THE NINETY-NINTH SESSION OF THE BOARD", Analyse(text).Title);
    }

    [Fact]
    public void A_document_sites_copy_skips_its_upload_stamp_garbled_lines_broken_sentences_and_the_symbol_over_the_headline()
    {
        var text = "c/99/l/1 - draft report on the ninety-ninth session of the...\n\nPost on 04-May-2021\n\n"
                   + "\uFFFD\uFFFD\uFFFD\uFFFD At its Hundredth Session the Board, by Resolution No. 12 (C)\n\n"
                   + "To spare the cost of printing the whole report again, the Board asked that this cover page\n\nbe added to the original document.\n\n"
                   + "C/99/L/1/Rev.1 Original: English 4 May 2021\n\nDRAFT REPORT ON THE\n\nNINETY-NINTH SESSION OF THE BOARD\n\nValletta\n\n3-5 May 2021";

        Assert.Equal("DRAFT REPORT ON THE NINETY-NINTH SESSION OF THE BOARD", Analyse(text).Title);
    }

    [Theory]
    [InlineData("Aller au contenu principal\n\nVous êtes ici\n\nLes villes portuaires signent un pacte d'accueil commun\n\nLa Valette, 3 mai – Les maires de douze villes portuaires ont adopté aujourd'hui des normes communes pour accueillir les personnes secourues en mer.", "Les villes portuaires signent un pacte d'accueil commun")]
    [InlineData("Print this article   Email this to a friend\n\nHarbour League in the News\n\nValletta\nConference of the Harbour Towns on Shared Reception\n3-5 May 2023\n\nThe conference, which met under the auspices of the Harbour League in Valletta, was opened by its chair and heard forty speakers.", "Conference of the Harbour Towns on Shared Reception")]
    [InlineData("In progress at UNHQ\n\nHT/1049\n\nHARBOUR BOARD OPENS DEBATE ON SHARED RECEPTION, HEARING CALL FOR RESCUE FUNDS\n\n4 May 2021\nHarbour BoardHT/1049\n\nPlenary Meetings (AM & PM)\n\nHARBOUR BOARD OPENS DEBATE ON SHARED RECEPTION,\n\nHEARING CALL FOR RESCUE FUNDS\n\nThe harbour board opened its first debate on shared reception today, and the mayors of twelve towns asked for rescue funds.", "HARBOUR BOARD OPENS DEBATE ON SHARED RECEPTION, HEARING CALL FOR RESCUE FUNDS")]
    [InlineData("The Harbour League stands ready to support...those who arrive by sea —Chair\n\nThe chair of the Harbour League said on Monday that the towns would share the costs of receiving people rescued at sea.", "The Harbour League stands ready to support...those who arrive by sea —Chair")]
    [InlineData("Our website is being upgraded and may show errors while we work. Please check back in a few hours.\nThe Reception of People Rescued at Sea: The Case of Harbour Towns\n\nOn 4 June the chair of the Harbour League gave opening remarks at a conference on the reception of people rescued at sea.", "The Reception of People Rescued at Sea: The Case of Harbour Towns")]
    [InlineData("Conseil de la Ligue des villes portuaires de la Méditerranée\n\nConseil de la Ligue des villes portuaires de la Méditerranée (LVPM)\n\nDébat général\n\nIntervention de l'ambassadeur de Malte, qui a rappelé le soutien de son pays aux villes portuaires et à leur ligue.", "Conseil de la Ligue des villes portuaires de la Méditerranée")]
    [InlineData("Harbour League/Jonas Peter Whitfield\n\nHarbour Towns Sign a Shared Reception Pact\n\nThe mayors of twelve harbour towns signed a pact on receiving people rescued at sea today, after two days of talks in Valletta.", "Harbour Towns Sign a Shared Reception Pact")]
    [InlineData("UN agencies back the harbour towns' reception pact in a joint paper on people rescued at sea\n\nmardi, 4 mai, 2021 à 10:03\n\nLes maires de douze villes portuaires ont adopté aujourd'hui des normes communes pour accueillir les personnes secourues en mer.", "UN agencies back the harbour towns' reception pact in a joint paper on people rescued at sea")]
    public void Skip_links_a_sites_news_section_and_share_buttons_are_not_the_title_and_a_date_under_a_headline_is_not_its_second_line(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Fact]
    public void A_document_sites_joined_snippets_and_a_session_label_over_the_report_title_are_not_the_title()
    {
        var text = "BOARD...Harbour Towns United, 3the Alliance of Port Workers and Sea Watch 3 . Opening of the session\n\n"
                   + "Embed Size (px)\n\nCitation preview\n\nC/99/31\n\nBOARD Ninety-ninth session\n\nREPORT ON\n\nTHE NINETY-NINTH SESSION OF THE BOARD\n\n"
                   + "Valletta 3 to 5 May 2021\n\nRapporteur: Ms K. Lind (Malta) ______ * This report was approved by the Board at its hundredth session by its resolution no 12 of 4 May 2022";

        Assert.Equal("REPORT ON THE NINETY-NINTH SESSION OF THE BOARD", Analyse(text).Title);
    }

    [Fact]
    public void A_title_case_headline_over_narrowly_wrapped_prose_is_found_and_a_date_across_a_line_break_in_its_story_does_not_date_the_page()
    {
        var text = "- Data and Research\n- 2030 Agenda\nHarbour Board Focuses on Need for Shared Reception of Migrants\n"
                   + "The 12th session of the harbour board will open on Tuesday, 28\nNovember 2006 in the old customs hall of Valletta with\n"
                   + "the admission of two new member towns.\nThis will bring the number of member towns to twenty.";

        var document = Analyse(text);

        Assert.Equal("Harbour Board Focuses on Need for Shared Reception of Migrants", document.Title);
        Assert.Null(document.PublishedOn);
    }

    [Fact]
    public void A_sentence_run_into_a_date_stamp_is_not_a_headline() =>
        Assert.Null(Analyse("The mayors agreed on a common text at the harbour (Valletta). 2023-05-04").Title);

    [Theory]
    [InlineData("La subsecretaria general Marta Quispe, citada por un vocero, visitó el puerto de la ciudad.")]
    [InlineData("La vice-secrétaire générale Marta Quispe, citée par un porte-parole, a visité le port de la ville.")]
    public void A_deputy_secretary_general_in_spanish_or_french_is_a_person(string text) =>
        Assert.Equal("Marta Quispe", Assert.Single(Analyse(text).People).Name);

    [Fact]
    public void A_possessive_after_a_name_is_not_part_of_it()
    {
        var text = "Following is the text of Director General Petra Jonas’ video message to the mayors. Ambassador Tomas Berg's remarks followed.";

        Assert.Equal(["Petra Jonas", "Tomas Berg"], Analyse(text).People.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Travailler avec nous\n\nEngagez-vous\n\n- Données et recherche\n- Agenda 2030\n\nLes villes portuaires signent un pacte d'accueil commun\n\nLa Valette, 3 mai – Les maires de douze villes portuaires ont adopté aujourd'hui des normes communes pour accueillir les personnes secourues en mer.", "Les villes portuaires signent un pacte d'accueil commun")]
    [InlineData("Trabaje con nosotros\n\nParticipe\n\n- Datos e investigación\n- Agenda 2030\n\nLas ciudades portuarias firman un pacto de acogida común\n\nLa Valeta, 3 de mayo – Los alcaldes de doce ciudades portuarias adoptaron hoy normas comunes para acoger a las personas rescatadas en el mar.", "Las ciudades portuarias firman un pacto de acogida común")]
    public void A_sites_menu_labels_in_french_and_spanish_are_not_the_title(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Fact]
    public void A_headline_over_narrowly_wrapped_prose_stands_on_its_own_line()
    {
        var text = "Ministers Meet in Lisbon to Review Seasonal Work Schemes\nMinisters from eight countries meet\nnext week to review how seasonal\nwork schemes protect workers.";

        var document = new DocumentExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(text), "text/plain", new ExtractionHints());

        Assert.Equal("Ministers Meet in Lisbon to Review Seasonal Work Schemes", document.Title);
        Assert.EndsWith("meet next week to review how seasonal work schemes protect workers.", document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Harbour Towns Back Reception Plan\n\nLISBON, Portugal, 4 May 2021 – Harbour towns backed a shared reception plan today after long talks.", "2021-05-04")]
    [InlineData(" date 2020-06-30 Harbour towns backed a shared reception plan today after long talks between mayors.", "2020-06-30")]
    [InlineData("Harbour Towns Back Reception Plan\n\n(Le 12 mars 2023, à Lyon, en France)\n\nLes villes portuaires ont adopté aujourd'hui un plan commun.", "2023-03-12")]
    [InlineData("Statement by the Delegation of Ruritania delivered on 30 November 2017\n\nMr. Chairperson, we thank the secretariat for the report and the clear figures it gives.", "2017-11-30")]
    [InlineData("Harbour Towns Back Reception Plan | Harbour Office\n\nGENEVA (4 May 2021) – Harbour towns backed a shared reception plan today after long talks.", "2021-05-04")]
    [InlineData("15 July 2020: The co-chairs announced that delegations had agreed on the format of the next review.", "2020-07-15")]
    public void The_publication_date_comes_from_a_dateline_a_stamp_or_the_headline(string text, string expected) =>
        Assert.Equal(Day(expected), Analyse(text).PublishedOn);

    [Theory]
    [InlineData("https://example.org/news/2022/02/28/briefing-on-migration/", "2022-02-28")]
    [InlineData("https://example.org/stories/2019-10-15-mayors-meet", "2019-10-15")]
    [InlineData("http://example.org/statements/statement20060914.shtml", "2006-09-14")]
    public void The_address_the_page_came_from_dates_it_when_the_text_does_not(string url, string expected) =>
        Assert.Equal(Day(expected), Analyse("Excellencies,\n\nI thank you for inviting me to this timely meeting on the review of labour mobility.", url).PublishedOn);

    [Fact]
    public void A_site_headers_today_above_the_navigation_is_not_the_publication_date()
    {
        var text = "Tuesday, February 18, 2025\n\nHome\n\nWorld\n\nBusiness\n\nOpinion\n\nHarbour Towns Back Reception Plan\n\n"
                   + "Harbour towns backed a shared reception plan after long talks between mayors and ministers last spring.";

        var document = Analyse(text, "https://example.org/world/harbour-towns-back-reception-plan");

        Assert.Equal("Harbour Towns Back Reception Plan", document.Title);
        Assert.Null(document.PublishedOn);
    }

    [Fact]
    public void People_are_found_after_honorifics_in_capitals_and_beside_their_country_and_headings_are_not_people()
    {
        var text = "Distinguished Delegates\n\nRelated Stories\n\n"
                   + "We thank H.E. Mr. Tomasz Wielki and H.E. Ms. Ana Ferreira Lobo for steering the talks. "
                   + "The co-chairs, Rafael Ortega Ruiz (Chile) and Mei Lin Tan (Singapore), opened the session. "
                   + "BY MS. JOANNA KEMP\n\nDistinguished delegates heard that foreign affairs ministries matter.";

        var names = TextAnalyzer.Default.Analyse(text).People.Select(p => p.Name).ToList();

        Assert.Equal(["Tomasz Wielki", "Ana Ferreira Lobo", "Rafael Ortega Ruiz", "Mei Lin Tan", "Joanna Kemp"], names);
    }

    [Fact]
    public void A_headlines_verb_after_a_title_does_not_start_a_name()
    {
        const string text = "IOM Chief Visits Border Reception Centre\n\nThe visit took place on Friday, when families who had arrived the night before were met. \u201CWe are here to listen,\u201D said Nadia Osei, a volunteer.";

        Assert.Equal(["Nadia Osei"], TextAnalyzer.Default.Analyse(text).People.Select(p => p.Name));
    }

    [Fact]
    public void A_misspelt_surname_of_a_well_known_person_is_that_person()
    {
        var text = "Before the meeting the Secretary-General of the UN, Gutteres, wrote a short report on the review.";

        Assert.Equal("António Guterres", Assert.Single(TextAnalyzer.Default.Analyse(text).People).Name);
    }

    [Theory]
    [InlineData("Antonio Vitorrino met families who had arrived the night before, and promised help.", "António Vitorino")]
    [InlineData("The report was welcomed by Louise Arbor, who spoke of shared responsibility.", "Louise Arbour")]
    public void A_well_known_person_named_in_full_with_a_slip_in_the_surname_is_that_person(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(TextAnalyzer.Default.Analyse(text).People).Name);

    [Fact]
    public void A_first_name_shared_with_a_well_known_person_does_not_make_another_surname_theirs() =>
        Assert.Equal("Antonio Vitale", Assert.Single(TextAnalyzer.Default.Analyse("Antonio Vitale met families who had arrived the night before, and promised help.").People).Name);

    [Fact]
    public void Un_bodies_are_organisations_one_body_written_two_ways_is_one_and_fragments_are_not()
    {
        var text = "The General Assembly asked ECOSOC and the Global Forum on Migration and Development to report. "
                   + "The UN Department of Harbour Affairs and the United Nations Department of Harbour Affairs published the figures. "
                   + "The Executive Committee met twice, and Civil Society joined. "
                   + "The Directeur of the Lakeland Migration Service, Professor Ana Ruiz, spoke.";

        var names = TextAnalyzer.Default.Analyse(text).Organisations.Select(o => o.Name).ToList();

        Assert.Equal(["United Nations General Assembly", "Economic and Social Council", "Global Forum on Migration and Development", "United Nations Department of Harbour Affairs", "Lakeland Migration Service"], names);
    }

    [Theory]
    [InlineData("Las ciudades portuarias firman un pacto\n\n\"Ningún puerto puede con esto solo y los costes deben repartirse\", aseveró Lena Ortiz, quien preside el foro.")]
    [InlineData("Port Cities Agree on Shared Reception\n\n\"No port can carry this alone and the costs must be shared,\" Mayor Lena Ortiz points out in her annual message.")]
    [InlineData("Les villes portuaires signent un pacte\n\n« Aucun port ne peut porter seul cette charge et les coûts doivent être partagés », a martelé Lena Ortiz, qui préside le forum.")]
    public void Quotes_with_less_common_speech_verbs_are_found(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void Quotes_after_a_headline_and_a_dateline_are_found()
    {
        var text = "Port Cities Agree on Shared Reception Standards\n\n"
                   + "VALLETTA, 3 May 2021 – “Cities cannot do this alone and must share the costs fairly,” said Mayor Lena Ortiz.";

        var quote = Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote");

        Assert.Equal("Lena Ortiz", quote.Speaker);
    }

    [Theory]
    [InlineData("Ana Ruiz, the regional director of the Harbour Office, opened the meeting on Monday.\n\n“We expect more arrivals this summer than in any year before,” she said.")]
    [InlineData("Opening the session, the regional director Ana Ruiz said:\n\n“We expect more arrivals this summer than in any year before, and we must prepare now.”")]
    [InlineData("La reunión fue abierta por la directora regional, Ana Ruiz, en Lisboa.\n\n“Esperamos más llegadas este verano que en cualquier año anterior”, explicó.")]
    [InlineData("La directrice régionale, Mme Ana Ruiz, a ouvert la réunion à Lisbonne.\n\n« Nous attendons plus d'arrivées cet été que les années précédentes », a déclaré la directrice régionale.")]
    [InlineData("La directora regional, Ana Ruiz, fue contundente hoy en Lisboa.\n\nAfirmó que: “Cuando la acogida se organiza con tiempo y con medios, beneficia a todos”.")]
    public void A_quote_attributed_only_by_a_pronoun_a_bare_verb_or_a_title_belongs_to_the_person_named_before(string text)
    {
        var quote = Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote");

        Assert.Equal("Ana Ruiz", quote.Speaker);
    }

    [Theory]
    [InlineData("The talks were opened by Chancellor Greta Lindqvist of the Harbour Republic, and Cardinal Paolo Venturi gave the blessing.", "Greta Lindqvist", "Paolo Venturi")]
    [InlineData("El canciller Tomás Reyes Vidal reafirmó el compromiso del país con los puertos del sur.", "Tomás Reyes Vidal", null)]
    [InlineData("Dans son message, le roi Fernand IV a salué les maires des ports du sud.", "Fernand IV", null)]
    [InlineData("Le chef du gouvernement, Karim Nour El Haddad, a lu le message aux maires réunis à Tanger.", "Karim Nour El Haddad", null)]
    [InlineData("Delivered by Ambassador Jonas P. Whitfield\nU.S. Permanent Representative to the Harbour Office", "Jonas P. Whitfield", null)]
    [InlineData("Lucía Ferrer Gil, titular de la Secretaría de Puertos, pidió más recursos para la acogida.", "Lucía Ferrer Gil", null)]
    [InlineData("El secretario de Asuntos Portuarios, Mateo Ruiz Soler, participará en la reunión de Valparaíso.", "Mateo Ruiz Soler", null)]
    [InlineData("The ambassadors Jane Holt Rivers and Omar Field joined the talks on reception.", "Jane Holt Rivers", null)]
    [InlineData("« Les ports doivent coopérer », a affirmé la commissaire de l'Union des ports chargée de la santé, des affaires humanitaires et du développement social, Aminata Sow Keita.", "Aminata Sow Keita", null)]
    [InlineData("Le pacte a été approuvé, avait rappelé hier Louise Arbour devant la presse.", "Louise Arbour", null)]
    [InlineData("Officers of the session:\n— Chair: Ambassador (Mr.) Kenji HARADA, Japan;\n— Rapporteur: (Ms.) Lucía PERALTA, Uruguay.", "Kenji Harada", "Lucía Peralta")]
    [InlineData("Mayors Meet in Valletta on Reception\n\nBy JONAS P. WHITFIELD, Harbour Press Writer\n\nThe mayors met on Monday.", "Jonas P. Whitfield", null)]
    [InlineData("La délégation sera composée de Léa Morin, Présidente, et Paul Garnier, Directeur Exécutif.", "Léa Morin", "Paul Garnier")]
    [InlineData("On 4 June Archbishop Paolo Venturi gave opening remarks; Intervention de l’Ambassadeur Marc Delorme au Conseil.", "Paolo Venturi", "Marc Delorme")]
    [InlineData("The forum was opened by His Highness Sheikh Khalid bin Saeed Al Nouri, Ruler of the Harbour Emirate, and Karim bin Saleh Al Hadi, Minister of Ports.", "Karim bin Saleh Al Hadi", "Sheikh Khalid bin Saeed Al Nouri")]
    [InlineData("Blog post written by Jane Holt (HBU) and Omar Field (Valletta University) for the harbour network.", "Jane Holt", "Omar Field")]
    [InlineData("\"Remittances keep the ports alive,\" said HARBOUR Executive Secretary Nadia Karam.", "Nadia Karam", null)]
    public void People_are_found_after_titles_and_roles_as_pages_write_them(string text, string expected, string? alsoExpected)
    {
        var people = Analyse(text).People.Select(p => p.Name).ToList();

        Assert.Contains(expected, people);
        if (alsoExpected is not null)
        {
            Assert.Contains(alsoExpected, people);
        }

        Assert.DoesNotContain(people, p => p.StartsWith("Chancellor", StringComparison.Ordinal) || p.StartsWith("Executive", StringComparison.Ordinal) || p.EndsWith(" U", StringComparison.Ordinal));
    }

    [Fact]
    public void Institutional_and_place_words_after_a_title_are_not_a_name() =>
        Assert.Empty(Analyse("The chair of the Steering Group met the secretary of Relaciones Exteriores de Malta in Puerto Alto, said the mayors.").People);

    [Fact]
    public void Page_furniture_and_heading_words_in_title_case_are_not_people() =>
        Assert.Empty(Analyse("Production Date, said the site. Multimedia Tabs of the Harbour League. The chair of the Intergovernmental Conference spoke. Secretary Welcomes Malta’s Offer.").People);

    [Fact]
    public void A_role_after_an_honorific_is_not_a_name() =>
        Assert.Empty(Analyse("Señora Representante Especial del Secretario General para los Puertos, señoras y señores: bienvenidos a Valparaíso.").People);

    [Fact]
    public void Capitals_that_spell_a_phrases_initials_define_an_acronym_not_a_persons_institution() =>
        Assert.Empty(Analyse("The harbour towns met the Regional Consultative Processes (RCP) in Valletta on Monday.").People);

    [Fact]
    public void A_name_ends_at_its_possessive_in_a_headline() =>
        Assert.Equal(["Jonas Whitfield"], Analyse("Assistant Secretary Jonas Whitfield’s Visit to Valletta\n\nAssistant Secretary Jonas Whitfield will travel to Valletta on Monday to meet the mayors of twelve harbour towns.").People.Select(p => p.Name));

    [Fact]
    public void A_name_inside_a_quotation_counts_when_its_title_comes_right_before_it_and_a_quoted_slogan_does_not()
    {
        var text = "« Nous resterons aux côtés des ports, souligne la directrice de l'Office, Clara Mendès, car la charge doit être partagée. »\n\n"
                   + "The campaign “Harbour Lights Together” opens next week in twelve cities.";

        var people = Analyse(text).People.Select(p => p.Name).ToList();

        Assert.Equal(["Clara Mendès"], people);
    }

    [Fact]
    public void Member_states_written_in_capitals_are_not_a_person() =>
        Assert.Empty(Analyse("El pacto fue adoptado por 150 Estados Miembros de Naciones Unidas, incluido Chile, en la reunión de Valparaíso.").People);

    [Fact]
    public void Known_bodies_of_the_field_are_found_under_their_names_in_any_of_the_languages()
    {
        var text = "La Conferencia Suramericana sobre Migraciones y el Proceso de Puebla se reunieron en Lima, informó Prensa Latina. "
                   + "The League of Arab States and ESCWA also attended, Reuters reported.";

        var names = Analyse(text).Organisations.Select(o => o.Name).ToList();

        Assert.Equal(
            ["Economic and Social Commission for Western Asia", "League of Arab States", "Prensa Latina", "Regional Conference on Migration", "Reuters", "South American Conference on Migration"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_regional_network_is_a_body_of_its_own_and_the_secretary_generals_organisation_and_the_u_n_are_the_united_nations()
    {
        var names = Analyse("The Regional UN Network on Migration for Asia and the Pacific met in Bangkok. UN Secretary-General Ana Ruiz sent a message, and a U.N. envoy spoke.")
            .Organisations.Select(o => o.Name).ToList();

        Assert.Equal(["Regional UN Network on Migration for Asia and the Pacific", "United Nations"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bodys_status_an_event_and_an_exhibition_centre_are_not_organisations() =>
        Assert.Equal(["United Nations"], Analyse("The Harbour League became a Related Organization of the UN; its Civil Society Days met at the Valletta Convention and Exhibition Centre.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_known_body_is_found_in_capitals_across_a_line_break_and_with_either_apostrophe_but_not_inside_a_longer_word()
    {
        var text = "L'ORGANISATION INTERNATIONALE POUR LES\nMIGRATIONS et le Conseil de l’Europe ont signé. The Reutersville harbour office did not.";

        var names = Analyse(text).Organisations.Select(o => o.Name).ToList();

        Assert.Equal(["Council of Europe", "International Organization for Migration"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bodies_named_after_a_cue_a_spanish_head_word_or_a_photo_credit_are_organisations_and_venues_are_not()
    {
        var text = "Puertos del Sur firman un acuerdo\n\n(Foto: NTX)\n\n"
                   + "La Secretaría de Puertos Marítimos (SPM) y la Comisión Económica para América Latina y el Caribe (Cepal) firmaron el acuerdo "
                   + "en el Centro de Convenciones Puerto Alto, con el apoyo de l'association Entraide des Quais.";

        var names = Analyse(text).Organisations.Select(o => o.Name).ToList();

        Assert.Contains("NTX", names);
        Assert.Contains("Secretaría de Puertos Marítimos", names);
        Assert.Contains("Economic Commission for Latin America and the Caribbean", names);
        Assert.Contains("Entraide des Quais", names);
        Assert.DoesNotContain(names, n => n.Contains("Convenciones", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_a_statement_or_a_councils_bureau_is_not_an_organisation()
    {
        var text = "Joint Civil Society Message to the Harbour Forum\n\nWe thank the Council Bureau for its work and the Harbour Forum for the floor.";

        Assert.Empty(Analyse(text).Organisations);
    }

    [Theory]
    [InlineData("Les villes portuaires signent un pacte\n\n« Aucun port ne peut porter seul cette charge et les coûts doivent être partagés. » – Lena Ortiz, présidente du forum.")]
    [InlineData("Les villes portuaires signent un pacte\n\n« Aucun port ne peut porter seul cette charge, souligne la présidente du forum, Lena Ortiz ; les coûts doivent être partagés. »")]
    [InlineData("Les villes portuaires signent un pacte\n\nLena Ortiz, présidente du forum, a ouvert la séance à Tanger. Pour elle, rien ne change : la présidente explique que « les coûts de l'accueil doivent être partagés entre tous les ports ».")]
    [InlineData("Port Cities Sign a Pact\n\nThe president of the forum, Lena Ortiz, said that arrivals had doubled since the spring.\n\n\"Our staff count every arrival by hand and the figures should shame us all.\"")]
    public void A_quote_signed_with_a_dash_an_incise_a_title_or_a_reported_speech_before_it_has_its_speaker(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_quote_paragraph_after_a_paragraph_with_no_speech_has_no_speaker()
    {
        var text = "Port Cities Sign a Pact\n\nThe president of the forum, Lena Ortiz, opened the meeting in the old harbour hall.\n\n\"Our staff count every arrival by hand and the figures should shame us all.\"";

        Assert.DoesNotContain(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote");
    }

    [Fact]
    public void A_sites_machine_time_stamp_is_neither_the_title_nor_the_publication_date()
    {
        var text = "Home 2023-01-09T08:15:00+00:00\n1201, 2023\n\nHarbour Towns Sign a Shared Reception Pact\n\nMay 12th, 2023|\n\n"
                   + "Mayors of twelve port cities signed a common text today on receiving people rescued at sea, after two days of talks in the old harbour.";

        var document = Analyse(text);

        Assert.Equal("Harbour Towns Sign a Shared Reception Pact", document.Title);
        Assert.Equal(Day("2023-05-12"), document.PublishedOn);
    }

    [Fact]
    public void A_headline_in_quotation_marks_under_a_byline_loses_the_marks_and_the_author_is_a_person()
    {
        var text = "Por: Ana Ruiz Vidal.\n\n«Reflexiones sobre los puertos del sur»\n\n"
                   + "Los alcaldes de doce ciudades portuarias firmaron hoy un texto común sobre la acogida de las personas rescatadas en el mar.";

        var document = Analyse(text);

        Assert.Equal("Reflexiones sobre los puertos del sur", document.Title);
        Assert.Contains("Ana Ruiz Vidal", document.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData("The Minister of Foreign Affairs and Trade Peter Holm Berg told diplomats that the text would be studied.", "Peter Holm Berg")]
    [InlineData("The Permanent Representative to the UN Juan Perez Lago, cofacilitator of the talks, called it a good day.", "Juan Perez Lago")]
    [InlineData("The text was first backed by the former president Ana Ruiz Vidal in the spring.", "Ana Ruiz Vidal")]
    public void A_title_ending_in_and_or_to_the_and_a_lowercase_role_lead_to_the_name(string text, string expected) =>
        Assert.Equal([expected], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_roman_numeral_after_a_word_without_a_title_makes_no_person() =>
        Assert.Empty(Analyse("El Anexo II de la Declaración de Valparaíso fija las reglas de la acogida en los puertos.").People);

    [Fact]
    public void A_photo_credit_names_its_photographer_and_its_agencies()
    {
        var text = "Harbour Towns Sign a Shared Reception Pact\n\nThe mayors at the signing in the old harbour. © Jane Roe Field/AP/SIPA\n\n"
                   + "Les maires au port. Crédit: KARIM BENALI/PORTMAG\n\nMayors of twelve port cities signed a common text today on receiving people rescued at sea.";

        var document = Analyse(text);
        var people = document.People.Select(p => p.Name).ToList();
        var organisations = document.Organisations.Select(o => o.Name).ToList();

        Assert.Contains("Jane Roe Field", people);
        Assert.Contains("Karim Benali", people);
        Assert.Contains("Associated Press", organisations);
        Assert.Contains("SIPA", organisations);
        Assert.Contains("PORTMAG", organisations);
    }

    [Theory]
    [InlineData("Puertos del sur\n\nLa directora de la oficina en Chile, Lena Ortiz, declaró que este pacto “ofrece una oportunidad histórica para los puertos del sur y sus ciudades”.")]
    [InlineData("Les ports du sud\n\n\"Nous ne pouvons pas laisser les ports porter seuls cette charge pendant des années\" (Mme Lena Ortiz)")]
    [InlineData("Puertos del sur\n\nLa presidenta del foro, Lena Ortiz, abrió la sesión en Valparaíso.\n\nEl acuerdo, destacó, \"es una oportunidad para repartir los costes entre todos los puertos\".")]
    public void A_quote_completing_a_that_clause_signed_in_brackets_or_after_an_incise_verb_has_its_speaker(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_title_word_attribution_ends_at_the_next_straight_quotation()
    {
        var text = "Puertos del sur\n\nLa presidenta del foro, Lena Ortiz, abrió la sesión.\n\n"
                   + "\"Debe servir como una llamada a la acción para todos\", afirmó la presidenta, quien subrayó que la cara de los puertos \"está cambiando\", y que la mitad de los trabajadores son mujeres.";

        Assert.Equal("Lena Ortiz", Assert.Single(TextAnalyzer.Default.Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_headline_that_ends_by_asking_may_hold_two_sentences() =>
        Assert.Equal("Ten Ports Signed the Reception Pact. Now What?", Analyse("Ten Ports Signed the Reception Pact. Now What?\n\nWritten by Jane Roe, Ana Ruiz Vidal\n\nOn Monday the mayors of ten port cities signed a common text on receiving people rescued at sea, and the work starts now.").Title);

    [Fact]
    public void A_headline_wrapped_at_its_comma_is_joined_to_its_next_line() =>
        Assert.Equal(
            "Statement by the Harbour Republic, Welcoming the Regional Framework on Reception of People Rescued at Sea",
            Analyse("Statement by the Harbour Republic,\n\nWelcoming the Regional Framework on Reception of People Rescued at Sea\n\nValletta, 15 November 2023 – The mayors of twelve port cities endorsed a regional framework on receiving people rescued at sea.").Title);

    [Fact]
    public void A_short_line_with_a_full_stop_over_the_story_is_the_headline_when_no_other_line_reads_as_one() =>
        Assert.Equal(
            "Port agencies keep working for the health of people rescued at sea",
            Analyse("Dec. 19, 2023\n\nPort agencies keep working for the health of people rescued at sea .\n\nToday is the day of the port workers. A survey of twelve harbours shows that people rescued at sea seek care later than others, and the agencies want to change that.").Title);

    [Fact]
    public void A_wire_services_tag_between_slashes_ends_a_dateline() =>
        Assert.Equal(Day("2022-12-18"), Analyse("VALLETTA, MT, Dec. 18, 2022 /Harbour Newswire/ - The Minister of Ports issued the following statement on receiving people rescued at sea:").PublishedOn);

    [Fact]
    public void A_quotation_signed_with_the_speakers_post_and_name_without_a_dash_is_theirs() =>
        Assert.Equal("Ana Ruiz Vidal", Assert.Single(Analyse("“Every port must share the work of receiving people rescued at sea, and every port can.” UN Commissioner Ana Ruiz Vidal\n\nThe day is marked each year in twelve ports.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_bodys_name_ends_before_a_day_and_a_post_held_inside_it_is_not_part_of_it()
    {
        var organisations = Analyse("The Harbour Ministry of Labour and Employment on Saturday opened a reception centre, said the Minister of State in the Harbour Ministry of Ports and Coasts.")
            .Organisations.Select(o => o.Name).ToList();

        Assert.Contains("Harbour Ministry of Labour and Employment", organisations);
        Assert.Contains("Harbour Ministry of Ports and Coasts", organisations);
    }

    [Fact]
    public void Professeur_is_a_title_not_part_of_the_name() =>
        Assert.Contains("Ndeye Ruiz Diallo", Analyse("Le panel a été ouvert par le Professeur Ndeye Ruiz Diallo, présidente de l’association des ports.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Harbour Towns Reject the Reception Pact\nNovember 6th, 2018A commentator welcomes the decision of two port towns not to sign the common reception text.")]
    [InlineData("Declaration of Valletta on Port Reception\n“Receiving People Together in Our Region” - Valletta, Malta – 6 November 2018\nIn the old harbour hall the delegations of twelve port towns met on 5 and 6 November 2018.")]
    public void A_date_glued_to_its_story_or_after_a_subtitle_and_a_place_dates_the_page(string text) =>
        Assert.Equal(Day("2018-11-06"), Analyse(text).PublishedOn);

    [Fact]
    public void A_headline_in_capitals_wrapped_before_its_preposition_is_joined() =>
        Assert.Equal("THIRD HARBOUR FORUM ON MIGRATION AND PEACE", Analyse("THIRD HARBOUR FORUM\nON MIGRATION AND PEACE\nGeneva\n\nThe third forum brought together mayors, port workers and the people they receive, for two days of talks in the old harbour.").Title);

    [Theory]
    [InlineData("Port workers mark the day in the old harbour © HMO/Karim Benali Vidal\n\nThe day was marked in twelve ports.", "Karim Benali Vidal")]
    [InlineData("Los menores viajaron solos. Foto de archivo: ACNUR/Karim Benali Vidal\n\nEl día se celebró en doce puertos.", "Karim Benali Vidal")]
    [InlineData("Une famille de retour au port. Photo : OIM 2022/Karim Benali Vidal\n\nLe retour a été organisé par la ville.", "Karim Benali Vidal")]
    [InlineData("Jane Roe Field, Programme Manager on Port Reception, opened the meeting in the old harbour.", "Jane Roe Field")]
    public void A_photographer_after_the_agency_and_a_name_before_a_post_are_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void Names_listed_after_a_named_author_are_people_too()
    {
        var people = Analyse("ACKNOWLEDGEMENTS The authors Ana Ruiz Vidal, Karim Benali and Lena Ortiz would like to thank their colleagues in the harbour offices.")
            .People.Select(p => p.Name).ToList();

        Assert.Equal(["Ana Ruiz Vidal", "Karim Benali", "Lena Ortiz"], people);
    }

    [Theory]
    [InlineData("Le texte a été critiqué.\n\nLa directrice du port, Lena Ortiz, a déclaré que le texte était clair.\n\n« Ce pacte ne change rien à nos règles », a-t-elle rétorqué.")]
    [InlineData("Harbour talks\n\nHarbour Commissioner Lena Ortiz championed the text, stressing: “It does not change our rules and it respects every port.”")]
    public void Quotes_after_an_inverted_french_verb_or_a_participle_of_speech_have_their_speaker(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_body_named_after_a_post_keeps_it_and_an_acronym_inside_a_known_name_does_not_split_it()
    {
        var organisations = Analyse("The port worked with the Harbour Office of the President and the United Nations (UN) Network on Migration.")
            .Organisations.Select(o => o.Name).ToList();

        Assert.Equal(["Harbour Office of the President", "United Nations Network on Migration"], organisations);
    }

    [Fact]
    public void A_ministry_named_after_several_portfolios_is_one_body_and_a_list_of_bodies_is_several()
    {
        var organisations = Analyse("The Harbour Ministry of Ports, Coasts and Fisheries met the Department of Harbour Workers, Commission on Port Safety and Rescue, and others.")
            .Organisations.Select(o => o.Name).ToList();

        Assert.Equal(["Harbour Ministry of Ports, Coasts and Fisheries", "Department of Harbour Workers", "Commission on Port Safety and Rescue"], organisations);
    }

    [Fact]
    public void A_line_made_of_the_slugs_words_is_the_headline_even_with_sentences_inside() =>
        Assert.Equal(
            "Latin America. The Reception Pact. “Ports Build Bridges, Not Walls”",
            Analyse("Latin America. The Reception Pact. “Ports Build Bridges, Not Walls”\n\n“We will keep working for the people rescued at sea,” the bishop of the port told the agency on Monday, describing the work of the churches.", "https://news.example.org/latin-america-the-reception-pact-ports-build-bridges-not-walls/").Title);

    [Fact]
    public void A_yearless_dateline_after_a_crawlers_month_stamp_takes_its_year() =>
        Assert.Equal(Day("2019-09-26"), Analyse(" date 2019-09 Dakar, 26 sept (APS) - Le responsable du bureau a insisté jeudi sur l’accompagnement des migrants de retour.").PublishedOn);

    [Theory]
    [InlineData("Harbour Council Meets on Reception\n\nThe harbour council met on Monday.\n\nReporting by Jane Roe Field, editing by Karim Benali", "Karim Benali")]
    [InlineData("The harbour council met on Monday. Retired Maj Karim Benali also took part in the meeting.", "Karim Benali")]
    [InlineData("The harbour council met on Monday. Dato Karim Benali opened the meeting.", "Karim Benali")]
    [InlineData("Harbour Council Members Named for the New Term\n\nThe harbour council met on Monday.\n\nKarim Benali Ortega\nPresidente de la República\n\nThe members of the council are listed below.", "Karim Benali Ortega")]
    [InlineData("The harbour council met on Monday.\n\n| Karim Benali Ortega Ministro del Interior | Lena Ortiz Ministra de Puertos |", "Karim Benali Ortega")]
    public void Wire_credits_military_titles_and_a_post_on_the_next_line_or_in_the_same_cell_make_people(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Analyse(text).People, p => p.Name == expected).Name);

    [Fact]
    public void The_sentence_after_a_quotation_may_name_its_speaker_and_a_first_surname_refers_back_to_the_full_name()
    {
        var text = "Puertos del sur\n\n“La Iglesia no ha dejado de trabajar en favor de las personas rescatadas en el mar”. Lo declaró a la agencia el obispo Alfonso Ruiz Vidal, secretario general de la conferencia.\n\n"
                   + "“Seguimos el trabajo con las parroquias de los puertos”, dijo monseñor Ruiz.";

        var speakers = Analyse(text).Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker).ToList();

        Assert.Equal(["Alfonso Ruiz Vidal", "Alfonso Ruiz Vidal"], speakers);
    }

    [Fact]
    public void A_dateline_with_the_day_before_the_place_dates_the_page() =>
        Assert.Equal(Day("2018-12-08"), Analyse("Harbour News\n\n8 December 2018, Valletta, Malta - The mayors of twelve port cities met to co-host the forum on receiving people rescued at sea.").PublishedOn);

    [Theory]
    [InlineData("https://news.example.org/teleprompter/en/1661/dialogue-on-ports-26-june-2023/5230", "2023-06-26")]
    [InlineData("https://league.example.org/en/statements/dockers-network-statement-december-18,-2024.html", "2024-12-18")]
    public void A_day_written_out_in_the_addresss_slug_dates_the_page(string url, string day) =>
        Assert.Equal(Day(day), Analyse("Excellencies, colleagues, we will now begin the dialogue with the rapporteur on ports.", url).PublishedOn);

    [Theory]
    [InlineData("Ministerial Conference on Port Reception and Rescue at Sea:\nThe Harbour Process\n\nValletta, Malta\n\nThe ministers of twelve port states met for two days to agree on common rules for receiving people rescued at sea.", "Ministerial Conference on Port Reception and Rescue at Sea: The Harbour Process")]
    [InlineData("News\n\nHow Do Ports Receive People? Country Profiles Published on the Harbour Data Portal\n\nValletta – Receiving people rescued at sea has become a major political issue for port cities over the past few years.", "How Do Ports Receive People? Country Profiles Published on the Harbour Data Portal")]
    public void A_subtitle_after_a_colon_is_joined_and_a_stamp_cue_inside_a_headline_is_not_furniture(string text, string expected) =>
        Assert.Equal(expected, Analyse(text, "https://news.example.org/how-do-ports-receive-people-country-profiles-published-harbour-data-portal").Title);

    [Theory]
    [InlineData("26 November 2014, Valletta, Malta: The fourth meeting of the port states started today with the aim of agreeing on reception rules.", null, "2014-11-26")]
    [InlineData("The ports' director welcomed the application for membership.", "http://en.example.cn/2016-06/13/content_38657874.htm", "2016-06-13")]
    public void A_dateline_closed_by_a_colon_and_a_year_month_folder_in_the_address_date_the_page(string text, string? url, string expected) =>
        Assert.Equal(Day(expected), Analyse(text, url).PublishedOn);

    [Fact]
    public void Review_cases_a_body_keeps_its_name_a_hashtag_or_brand_is_no_menu_and_a_deadline_is_no_date()
    {
        var document = Analyse("WhatsApp Helps Port Workers Reach #GlobalCompact Talks\n\nUntil 30 June 2020 the Universidad Autónoma de Santo Domingo and the Office of the Special Adviser on Ports take part, with the University of Oxford and Professor Ian Goldin.");

        Assert.Equal("WhatsApp Helps Port Workers Reach #GlobalCompact Talks", document.Title);
        Assert.Null(document.PublishedOn);
        Assert.Equal(["Universidad Autónoma de Santo Domingo", "Office of the Special Adviser on Ports", "University of Oxford"], document.Organisations.Select(o => o.Name));
        Assert.Equal(["Ian Goldin"], document.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Harbour Talks Resume\n\nPublished on January 9th, 2018 | by Lena Ortiz Vidal\n\nThe talks on port reception resumed today.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nA farmer surveys his crops near the port. (Lena Ortiz Vidal/The Harbour Times)\n\nThe talks on port reception resumed today.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nLena Ortiz Vidal, Advocate for the Campaign to End Detention in Ports, opened the talks.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nThe review was led by Lena Ortiz Vidal of the Harbour Institute and published today.", "Lena Ortiz Vidal")]
    public void A_byline_after_a_bar_a_bracketed_credit_an_advocate_and_a_name_before_of_the_institute_are_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_date_right_under_the_headline_wins_over_the_sites_date_above_it() =>
        Assert.Equal(Day("2022-07-06"), Analyse("August 19, 2022\ntamil sinhala youtube twitter\n\nPort Ministers Co-host a Meeting on Reception\n\nJuly 06, 2022\n\nThe ministers of ports and of labour met on 4 July 2022 to discuss the reception of people rescued at sea.").PublishedOn);

    [Fact]
    public void A_day_in_the_slug_names_an_event_and_yields_to_the_pages_own_stamp() =>
        Assert.Equal(Day("2017-09-21"), Analyse("21 Sep 2017\n\nOpening Remarks, Harbour Dialogue in Valletta, 11 October 2016\n\nExcellencies, it is an honour to open the dialogue on receiving people rescued at sea.", "https://news.example.org/speeches/opening-remarks-harbour-dialogue-valletta-11-october-2016-0").PublishedOn);

    [Theory]
    [InlineData("Harbour Talks Resume\n\n“The pact contains political commitments,” said committee rapporteur Lena Ortiz Vidal in the chamber.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nThe motion was tabled in the chamber.\n\nLena Ortiz Vidal MP\n\nThe debate lasted three hours.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nLena Ortiz Vidal*\n\nThe article reviews the pact on receiving people rescued at sea.", "Lena Ortiz Vidal")]
    public void A_rapporteur_a_members_letters_and_an_authors_footnote_mark_make_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Joint statement by Lena Ortiz Vidal, Executive Director of the Harbour Fund, on port reception\n\nThe ports will open.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nThe envoy also met the chair of the port board, former Federal Councillor Lena Ortiz Vidal.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nLena Ortiz Vidal\n\nDeputy Assistant Secretary\n\nThank you, Chair.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nPublié juillet 31st, 2021 - écrit par: Lena Ortiz Vidal\n\nLe port a rouvert.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\nSeveral ports closed. Then Jair Bolsonaro’s Brazil left the talks.", "Jair Bolsonaro")]
    public void A_role_after_a_headlines_name_a_councillor_a_role_under_a_blank_line_a_byline_anywhere_and_a_known_name_in_a_run_make_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_line_ending_in_its_authors_name_is_a_byline_not_the_headline() =>
        Assert.Equal("Harbour Talks Resume", Analyse("Harbour Talks Resume\n\nPublié juillet 31st, 2021 - écrit par: Lena Ortiz Vidal\n\nLe port a rouvert.").Title);

    [Fact]
    public void A_particle_opening_a_name_belongs_to_it_and_the_surname_then_names_the_speaker()
    {
        var document = Analyse("Harbour Talks Resume\n\nThe talks opened with remarks by the Minister Delegate for Ports, El Habib Nadir.\n\n“Only shared effort will keep the ports open,” said Nadir.");

        Assert.Contains("El Habib Nadir", document.People.Select(p => p.Name));
        Assert.Equal("El Habib Nadir", Assert.Single(document.Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_section_label_glued_to_the_headline_is_cut_off() =>
        Assert.Equal("Harbour Fund Kicks Off Six Joint Programmes", Analyse("NewsHarbour Fund Kicks Off Six Joint Programmes\n\nThe fund announced this week the first six programmes for port reception.").Title);

    [Fact]
    public void A_placed_dateline_whose_stop_was_lost_still_dates_the_page() =>
        Assert.Equal(Day("2019-12-18"), Analyse("Día de los puertos\n\nCiudad de México, 18 de diciembre del 2019 Esta conmemoración busca reconocer la contribución de los trabajadores portuarios.").PublishedOn);

    [Fact]
    public void A_special_rapporteur_in_spanish_is_a_role_not_a_person()
    {
        var people = Analyse("Reunión de los puertos\n\nLa reunión fue inaugurada por Lena Ortiz Vidal, Relatora Especial sobre los derechos de los trabajadores portuarios.").People.Select(p => p.Name).ToList();

        Assert.Equal(["Lena Ortiz Vidal"], people);
    }

    [Fact]
    public void A_post_ending_in_a_head_word_is_not_a_body_and_names_the_person_after_it()
    {
        var document = Analyse("Harbour Talks Resume\n\nOn 17 October, IOM Uganda Chief of Mission Lena Ortiz was one of the speakers at the port symposium.");

        Assert.DoesNotContain(document.Organisations, o => o.Name.Contains("Lena", StringComparison.Ordinal));
        Assert.Contains("Lena Ortiz", document.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Harbour Talks Resume\n\nBut before that, port board chairman Lena Ortiz listed what the ports had done.", "Lena Ortiz")]
    [InlineData("Harbour Talks Resume\n\nThe visitors received a souvenir from Federal Secretary for Interior Lena Ortiz Vidal at the port.", "Lena Ortiz Vidal")]
    [InlineData("Harbour Talks Resume\n\n“Ports are where a country meets the world.”\n— Lena Ortiz Vidal\n\nThe talks resumed today.", "Lena Ortiz Vidal")]
    public void A_chairman_a_secretary_for_a_portfolio_and_a_quotations_source_line_make_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Harbour Talks Resume\n\nLena Ortiz, chair of the Port Advisory Group, recalled the harbour rules.", "Lena Ortiz")]
    [InlineData("Harbour Talks Resume\n\nPhotography: Lena Ortiz/Harbour Report \"Dockers at work\", Valletta, 2012\n\nThe talks resumed.", "Lena Ortiz")]
    [InlineData("Les ports rouvrent\n\n« Les ports resteront ouverts », a fait remarquer Lena Ortiz.\n\nLes discussions reprennent.", "Lena Ortiz")]
    [InlineData("Les ports rouvrent\n\nPublié le : 18 février 2023 par Lena ORTIZ\n\nLes discussions reprennent.", "Lena Ortiz")]
    public void A_chair_in_lowercase_a_photography_credit_a_french_remark_and_a_byline_after_the_date_make_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_role_word_inside_a_hyphenated_phrase_introduces_no_one() =>
        Assert.Empty(Analyse("Harbour Talks Resume\n\nSince assuming the chair-in office of the Port Process in 2013 ,Sri Lanka led a strategic roadmap.").People);

    [Theory]
    [InlineData("Port Summit Convened This Week\n\n24/02/2025\nAnother port story\n\n25/02/2025Published On: 25/02/2025\n\nThe ministers met on Thursday.", "2025-02-25")]
    [InlineData("Port talks resume in the harbour city\n\nRev Port vol.18 no.36 Valletta jul.-dic. 2022  Epub 01-Nov-2022\n\nThe port ministers met on Thursday.", "2022-11-01")]
    public void A_published_cue_run_into_a_date_and_an_epub_stamp_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), Analyse(text).PublishedOn);

    [Fact]
    public void A_pages_view_counter_is_not_its_headline() =>
        Assert.DoesNotContain("views", Analyse("advance version of the port report\n\nUpload: harbour-department\n\n4.039 views\n\nThe first part of the report reviews how the ports received ships.").Title ?? string.Empty, StringComparison.Ordinal);

    [Fact]
    public void The_eu_alone_is_the_union_in_english_but_not_in_mexican_spanish()
    {
        Assert.Contains("European Union", Analyse("Harbour Talks Resume\n\nSeveral EU member states have decided not to sign the port compact, and the talks resume today.").Organisations.Select(o => o.Name));
        Assert.DoesNotContain("European Union", Analyse("Los puertos reabren\n\nEl gobierno de EU anunció que los puertos de la frontera reabren hoy para los migrantes que esperan en la ciudad.").Organisations.Select(o => o.Name));
    }

    [Theory]
    [InlineData("Harbour Talks Resume\n\nAdopted by 164 UN Member States, the port compact sets common rules.")]
    [InlineData("Harbour Talks Resume\n\nSeveral UN agencies continue to work for the health of dockers.")]
    [InlineData("Les ports rouvrent\n\nPlus de 35 agences des Nations Unies soutiennent la réouverture des ports.")]
    public void Member_states_and_agencies_of_the_un_name_the_un(string text) =>
        Assert.Equal(["United Nations"], Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void Thus_spoke_after_a_quotation_names_its_speaker() =>
        Assert.Equal("Lena Ortiz Vidal", Assert.Single(Analyse("Harbour Talks Resume\n\n“Safe passage cannot be a privilege of the few.” Thus spoke Port Commissioner Lena Ortiz Vidal in September 2017.").Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("EMBARGOED UNTIL Thursday, 25 February 2016\nMedia contact: Lena Ortiz:\n\nRemarks by the Port Commissioner on Safe Harbours\n\nThank you, Chair.", "Remarks by the Port Commissioner on Safe Harbours")]
    [InlineData("10.18601/16577558.n36.11\n\nPort mechanisms for the protection of dockers: what prospects?\n\nThe article reviews port rules.", "Port mechanisms for the protection of dockers: what prospects?")]
    public void A_media_contact_and_an_articles_doi_are_not_its_headline(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Fact]
    public void A_focal_point_in_a_list_of_speakers_is_a_person() =>
        Assert.Contains("Lena Ortiz", Analyse("Harbour Talks Resume\n\nThe talks on safe harbours resumed today with these speakers:\n- Karim Benali, Head of Secretariat, Harbour Network\n- Lena Ortiz, Co-Global Focal Point for the Harbour Group\n\nClick here to view the flyer.").People.Select(p => p.Name));

    [Theory]
    [InlineData("PRESS RELEASE: High-level summit to address the reception of dockers\n\nThe summit opens today in Valletta.", "High-level summit to address the reception of dockers")]
    [InlineData("El pacto portuario: ¿hacia dónde vamos?1\n\nEl artículo revisa las reglas de los puertos.", "El pacto portuario: ¿hacia dónde vamos?")]
    public void A_section_label_with_its_colon_and_a_footnote_number_are_cut_off_the_headline(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Theory]
    [InlineData("Los puertos reabren\n\nEl acto será oficiado por el presidente del foro, el embajador ecuatoriano Lena Ortiz Vidal, con la participación de los puertos.", "Lena Ortiz Vidal")]
    [InlineData("Los puertos reabren\n\nTambién participó el viceministro de Relaciones Exteriores de Guatemala, Karim Benali Ruiz.\n\nLos puertos reabren hoy.", "Karim Benali Ruiz")]
    [InlineData("Harbour Talks Resume\n\nThe arrival of the Vice President, Alh. Karim Benali, signalled the start of the programme.", "Karim Benali")]
    public void A_role_with_its_nationality_a_lowercase_vice_minister_and_alhaji_introduce_people(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_resident_representative_in_french_is_a_role_not_a_person()
    {
        var people = Analyse("Les ports rouvrent\n\nUne conférence de presse a eu lieu en présence de Lena Ortiz, Représentant Résident du PNUD au Maroc et Coordonnateur Résident des ports.").People.Select(p => p.Name).ToList();

        Assert.Equal(["Lena Ortiz"], people);
    }

    [Fact]
    public void A_spanish_wire_verb_after_a_quotation_names_its_speaker() =>
        Assert.Equal("Karim Benali Ruiz", Assert.Single(Analyse("Los puertos reabren\n\n«Es un encuentro donde los puertos del mundo hablan de un tema que nos interesa a todos», avanzó a la agencia el canciller, Karim Benali Ruiz.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_body_named_only_in_a_title_case_headline_is_a_body_when_the_story_names_it_again()
    {
        Assert.Empty(Analyse("Ecuador Chair Takes Center Stage at the Harbour Week\n\nThe chair opened the week of talks on port reception in Quito.").Organisations);
        Assert.Contains("Harbour Reception Institute", Analyse("Harbour Reception Institute opens its doors in Valletta\n\nThe Harbour Reception Institute opened its doors to dockers today.").Organisations.Select(o => o.Name));
    }

    [Fact]
    public void Post_navigation_and_a_party_are_not_people()
    {
        var people = Analyse("Harbour Talks Resume\n\nThe head of the Freedom Party said the ports should stay closed.\n\nPrevious Post Next Post").People;

        Assert.Empty(people);
    }

    [Fact]
    public void A_headline_may_end_on_an_initials_full_stop() =>
        Assert.Equal("Speech by Lena Ortiz, High Commissioner for Ports, at the Harbour University, Washington D. C.", Analyse("Speech by Lena Ortiz, High Commissioner for Ports, at the Harbour University, Washington D. C.\nSpeech by Lena Ortiz, High Commissioner for Ports, at the Harbour University, Washington D. C.\nGood afternoon. I thank the Harbour University for inviting me to speak about ports and their people.").Title);

    [Fact]
    public void A_catalan_skip_link_is_never_the_headline() =>
        Assert.NotEqual("Vés al contingut", Analyse("Vés al contingut\n\nONU - PUERTOS\n\nDesde ayer hasta el miércoles se celebra la reunión preparatoria de la conferencia de los puertos, en la que se adoptará un pacto.").Title);

    [Theory]
    [InlineData("Harbour News\nDockers at the gate of the old port of Valletta Dockers at the gate of the old port of Valletta  (AFP or licensors)\n\nPort council urges states to receive dockers\n\nThe port council has issued an appeal to states.", "Port council urges states to receive dockers")]
    [InlineData("Seventy-sixth session,\n75th & 76th meetings (AM & PM)\nGA/12422\n\nPresident-elect of the port assembly outlines the priorities of her term\n\nThe assembly elected its president today.", "President-elect of the port assembly outlines the priorities of her term")]
    [InlineData("Seventy-sixth session, 75th & 76th meetings (AM & PM) GA/12422\n\nPresident-elect of the port assembly outlines the priorities of her term\n\nThe assembly elected its president today.", "President-elect of the port assembly outlines the priorities of her term")]
    public void An_images_doubled_caption_and_a_un_meeting_line_over_its_symbol_are_not_the_headline(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Theory]
    [InlineData("Harbour Talks Resume\n\nThe CARICOM institutions back the regional port policy.", "Caribbean Community")]
    [InlineData("Harbour Talks Resume\n\nLeaders of the Pacific Islands Forum met on port mobility.", "Pacific Islands Forum")]
    [InlineData("Harbour Talks Resume\n\nThe G20 discussed port mobility this year.", "Group of Twenty")]
    [InlineData("Harbour Talks Resume\n\nThe GFMD Business Mechanism spoke for employers at the port summit.", "GFMD Business Mechanism")]
    public void Regional_bodies_the_g20_and_the_gfmds_business_mechanism_are_known(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Los puertos reabren\n\nLa Secretaría de Relaciones Exteriores de México anunció que los puertos reabren hoy.", "Secretaría de Relaciones Exteriores")]
    [InlineData("Les ports rouvrent\n\nL'Observatoire africain des migrations publie son rapport sur les ports.", "African Migration Observatory")]
    [InlineData("Harbour Talks Resume\n\nThe port council met at the offices of the National Economic and Development Authority.", "National Economic and Development Authority")]
    [InlineData("Harbour Talks Resume\n\nAccording to the UN News Centre, the ports reopened today.", "UN News Centre")]
    public void National_and_continental_bodies_and_the_un_news_centre_are_known(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void The_wires_acronym_alone_names_the_associated_press() =>
        Assert.Contains("Associated Press", Analyse("Harbour Talks Resume\n\nThe ports reopened today, AP reported from Valletta.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_well_known_name_with_a_middle_initial_is_that_person_as_written() =>
        Assert.Equal("Amy E. Pope", Assert.Single(Analyse("Harbour Talks Resume\n\nCongratulations to Amy E. Pope on her election as head of the port agency.").People).Name);

    [Theory]
    [InlineData("“The ports stay open,” said Archbishop Carlo M. Rossi, the envoy of the harbour see.", "Carlo M. Rossi")]
    [InlineData("Je félicite votre prédécesseur l'Ambassadeur du Portugal M. Rui Costa Lima pour son mandat.", "Rui Costa Lima")]
    public void An_m_between_a_first_name_and_a_surname_is_an_initial_not_monsieur(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Analyse(text).People).Name);

    [Fact]
    public void A_name_and_its_form_with_a_middle_initial_are_one_person_named_in_full() =>
        Assert.Equal("Lena K. Ortiz", Assert.Single(Analyse("Harbour Talks Resume\n\nThe ports will reopen, said Lena K. Ortiz on Monday.\n\nDirector General Lena Ortiz thanked the dockers.").People).Name);

    [Fact]
    public void A_spanish_verb_of_speech_without_a_subject_gives_the_quotation_to_the_person_named_before()
    {
        var text = "Los puertos reabren hoy, informó la ministra Lucía Fernández Mora.\nEn cuanto a los estibadores y sus turnos de noche, comentó: “Vamos a ver qué efectos tiene este cambio en los muelles”.";

        Assert.Equal("Lucía Fernández Mora", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void An_english_verb_of_speech_after_a_comma_still_needs_its_subject() =>
        Assert.DoesNotContain(Analyse("The ports reopen today, announced minister Lucía Fernández Mora.\nThe report, published on Monday, said: “The dockers will need new shifts at night in the harbour”.").Statements, s => s.Kind == "quote");

    [Fact]
    public void Straight_and_curly_marks_mixed_on_one_page_pair_without_overlapping()
    {
        var text = "\"The exodus exceeds what the ports can hold”, said Ana Ruiz, the envoy of the harbour league. “This is an urgent challenge for the ports”.\n"
                   + "“There are good practices in the ports and their towns”, she added, explaining that “it is crucial to keep the ports open in this process.\"Ms. Ruiz said the process “is a key space for the ports and their people”.";

        var quotes = Analyse(text).Statements.Where(s => s.Kind == "quote").ToList();

        Assert.Equal(3, quotes.Count);
        Assert.StartsWith("The exodus exceeds what the ports can hold", quotes[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("is a key space for the ports", quotes[2].Text, StringComparison.Ordinal);
        Assert.All(quotes, q => Assert.Equal("Ana Ruiz", q.Speaker));
    }

    [Fact]
    public void A_quotation_inside_a_quotation_is_part_of_the_outer_one() =>
        Assert.Single(Analyse("« Nous avons entendu les dockers dire “les ports doivent rester ouverts la nuit” et nous les suivrons », a déclaré Ana Ruiz, envoyée de la ligue portuaire.").Statements, s => s.Kind == "quote");

    [Theory]
    [InlineData("Harbour league gains observer status\n\nThursday, 22. December 2016\n\nThe harbour league was granted observer status at the port council.", "2016-12-22")]
    [InlineData("Press Release Regarding the Port Council\n\nNo: 223, 1 July 2014\n\nThe republic has taken the chair of the port council for two years.", "2014-07-01")]
    public void A_day_with_an_ordinal_full_stop_and_a_release_number_before_the_day_date_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), Analyse(text).PublishedOn);

    [Fact]
    public void A_parliament_of_several_countries_is_a_body_and_no_person()
    {
        var document = Analyse("Port talks\n\nPanama - The harbour league and the Central Harbour Parliament (Parlaharbour) are holding a dialogue on ports today.");

        Assert.Contains("Central Harbour Parliament", document.Organisations.Select(o => o.Name));
        Assert.Empty(document.People);
    }

    [Theory]
    [InlineData("Los puertos\n\nLa liga portuaria se fundó en 1951. Esta Organización tiene su sede en Valparaíso.")]
    [InlineData("Los puertos\n\nLa liga portuaria se fundó en 1951. Aquel Comité se reunió en Valparaíso.")]
    public void A_demonstrative_before_a_head_word_names_no_body(string text) =>
        Assert.Empty(Analyse(text).Organisations);

    [Fact]
    public void International_closing_a_name_makes_it_a_body_but_not_when_the_name_goes_on()
    {
        var names = Analyse("Port talks\n\nDockers International joined the statement on the International Harbour Dialogue in Valletta.").Organisations.Select(o => o.Name).ToList();

        Assert.Contains("Dockers International", names);
        Assert.DoesNotContain(names, n => n.Contains("Dialogue", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Time to give back to dockers. A statement by the harbour league. Today, December 18, 2020, marks the day of dockers, the 30-year anniversary of the 1990 charter of the ports.", "2020-12-18")]
    [InlineData("Los estibadores y el puerto. Hoy, 18 de diciembre de 2020, celebramos el día de los estibadores del puerto de Valparaíso.", "2020-12-18")]
    public void A_day_the_text_calls_today_dates_the_page(string text, string expected) =>
        Assert.Equal(Day(expected), Analyse(text).PublishedOn);

    [Fact]
    public void A_statement_introduced_as_the_following_statement_is_its_signatorys_and_l_honorable_is_an_honorific()
    {
        var document = Analyse("Valparaíso, le 18 décembre 2021 – L’honorable Lucie Marchand, ministre des Ports, a fait aujourd’hui la déclaration suivante :\n\n« Les dockers de nos ports méritent notre reconnaissance et notre soutien en cette journée. »");

        Assert.Equal("Lucie Marchand", Assert.Single(document.People).Name);
        Assert.Equal("Lucie Marchand", Assert.Single(document.Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_months_name_ends_a_bodys_name() =>
        Assert.Contains("Ministry of Ports of the Harbour Republic", Analyse("Port talks\n\nThe meeting was hosted by the Ministry of Ports of the Harbour Republic in August and drew forty delegations.").Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("REF/G/102\n\nTHE HARBOUR CONFERENCE GOES ON WITH ITS WORK\n\n31 May 1996\n\nThe harbour conference went on with its work in Valletta today, hearing from forty delegations.", "THE HARBOUR CONFERENCE GOES ON WITH ITS WORK")]
    public void A_symbol_in_capitals_stays_out_of_the_headline(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Fact]
    public void A_division_is_no_person_and_mz_is_an_honorific() =>
        Assert.Equal(["Lena Ortiz"], Analyse("Port talks\n\nFor more information please contact:\nMz Lena Ortiz\nHarbour Bodies Division\nTel: +41 22 000 00 00").People.Select(p => p.Name));

    [Theory]
    [InlineData("Les ports\n\nL'ambassadeur Paul Girard et Conseillère Lise Moreau, Mission de la ligue portuaire, ont ouvert la séance.", "Lise Moreau")]
    [InlineData("Los puertos de Valparaíso reabren tras la huelga de estibadores\n\n  • Foto del escritor: Marta Quispe\n    Marta Quispe\n\nLos puertos reabren hoy en Valparaíso tras la huelga.", "Marta Quispe")]
    public void A_french_counsellor_and_a_blogs_writer_picture_name_people_once(string text, string expected) =>
        Assert.Contains(expected, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_name_printed_twice_in_a_row_is_one_name() =>
        Assert.Equal(["Marta Quispe"], Analyse("Los puertos de Valparaíso reabren tras la huelga de estibadores\n\nFoto del escritor: Marta Quispe Marta Quispe\n\nLos puertos reabren hoy en Valparaíso tras la huelga.").People.Select(p => p.Name));

    [Fact]
    public void A_nationality_in_the_speakers_title_and_a_sentence_opening_on_the_speaker_keep_the_quotations_his()
    {
        var text = "The port council endorsed the harbour pact on Friday, said the league's envoy, ambassador Karim Benali.\n\n"
                   + "\"We have shown that the ports can agree on the hardest questions of all,\" said the Maltese diplomat.\n\n"
                   + "For Benali, now that the text is agreed, \"we must look to the future of the ports and their dockers\". Three steps are needed, he pointed out.";

        var quotes = Analyse(text).Statements.Where(s => s.Kind == "quote").ToList();

        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Karim Benali", q.Speaker));
    }

    [Theory]
    [InlineData("Port talks\n\nForeign Minister KB Tarik Hassan on Saturday called for a day of dockers.", "KB Tarik Hassan")]
    [InlineData("Les ports\n\nIl s'est entretenu avec le Vice-Président de la ligue, S.E. Tiémoko Yao Koffi, à Abidjan.", "Tiémoko Yao Koffi")]
    [InlineData("Los puertos\n\nEl encuentro fue presidido por Su Excelencia Marta Lucía Quispe, ministra de Puertos.", "Marta Lucía Quispe")]
    [InlineData("Port talks\n\nThe league met deputy PM Paolo Rinaldi, who said the ports would stay open.", "Paolo Rinaldi")]
    public void Initials_in_capitals_join_a_name_and_dotted_or_spanish_honorifics_and_pm_stay_out_of_it(string text, string expected) =>
        Assert.Equal([expected], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Dockers need help now, the harbour league said on Monday in Valletta after the storm.\nThe league backed calls for a pause in the port works.\n\nThe post Harbour league spotlights the dockers of Valletta appeared first on Harbour News.", "Harbour league spotlights the dockers of Valletta")]
    [InlineData("Malta Harbour league takes the chair of the port council\nMalta\nVALLETTA, 8 November 2009 — The harbour league took the chair of the port council today.", "Harbour league takes the chair of the port council")]
    public void A_feeds_footer_and_a_tag_run_into_the_headline_are_not_part_of_it(string text, string expected) =>
        Assert.Equal(expected, Analyse(text).Title);

    [Fact]
    public void An_observer_to_a_body_is_a_role() =>
        Assert.Equal(["Lena Ortiz"], Analyse("Port talks\n\nThe ports needed more money to stay open, Lena Ortiz, Observer for the Harbour League to the port council, said today.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Los puertos\n\nEn la sesión intervinieron Ana Ruiz Vidal, ministra de Puertos, y Tomás Vidal Soto, Representante Permanente Adjunto de Malta ante las Naciones Unidas.", "Ana Ruiz Vidal|Tomás Vidal Soto")]
    [InlineData("Port Statement\nDelivered by Ambassador Paul M Girard\nActing Assistant Secretary for Ports and Harbours\n\nDecember 7, 2011", "Paul M Girard")]
    public void A_capitalised_spanish_representative_is_a_role_and_acting_assistant_is_no_name(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_civil_society_day_is_an_event_not_a_body() =>
        Assert.DoesNotContain("Civil Society Day", Analyse("Port talks\n\nThe Civil Society Day (CSD) of the harbour forum opened in Valletta.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_quotation_opened_curly_and_closed_with_a_guillemet_is_one_and_a_title_of_a_body_with_joiners_introduces_its_holder()
    {
        var text = "Los puertos\n\n“Debemos tener presente el sufrimiento de los estibadores del puerto », dijo el Jefe de Personal de la ONU Karim Benali.";
        var document = Analyse(text);

        Assert.Equal(["Karim Benali"], document.People.Select(p => p.Name));
        Assert.Equal("Karim Benali", Assert.Single(document.Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_byline_run_into_the_headlines_line_is_cut() =>
        Assert.Equal("Les dockers plaident pour des ports sûrs et humains", Analyse(" date 2024-12 Les dockers plaident pour des ports sûrs et humains Rédigé par ports.net le Mercredi 18 Décembre 2024 à 18:14 | | 0 commentaire(s)|\n\nLes dockers du port ont lancé, mercredi, un appel à la création de ports sûrs.").Title);

    [Theory]
    [InlineData("Port talks\n\nDockers at the gate of the old port. UN Photo/Jane Roe\n\nThe harbour league met on Monday.")]
    [InlineData("Port talks\n\nThe league acts in line with the UN Convention against Transnational Organized Crime.")]
    [InlineData("Port talks\n\n“The ports must stay open,” the UN chief tells the harbour assembly.")]
    [InlineData("Les ports\n\nLa ligue a promis de défendre la Charte des Nations Unies dans les ports.")]
    public void The_un_named_only_in_a_credit_a_convention_a_charter_or_a_title_is_not_counted(string text) =>
        Assert.DoesNotContain("United Nations", Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void Un_agencies_still_name_the_un() =>
        Assert.Contains("United Nations", Analyse("Port talks\n\nThe league works with UN agencies in the ports.").Organisations.Select(o => o.Name));

    [Fact]
    public void The_russian_federation_is_a_country_not_a_federation_of_bodies() =>
        Assert.Empty(Analyse("Port talks\n\nThe Russian Federation spoke on the ports at the harbour council.").Organisations);

    [Fact]
    public void Capitals_after_an_article_and_before_an_acronym_end_a_bodys_name_not_a_person() =>
        Assert.Empty(Analyse("Los puertos\n\nLa liga habló en ocasión de la Sexta Asamblea de las Naciones Unidas para el Medio Ambiente (UNEA) sobre los estibadores.").People);

    [Fact]
    public void A_quotation_opening_the_sentence_after_one_that_reports_a_speaker_is_that_speakers() =>
        Assert.Equal("Lise Moreau", Assert.Single(Analyse("Les ports\n\nDans son discours d’ouverture, Lise Moreau, cheffe de la ligue portuaire, a souligné le rôle des dockers dans l’histoire du port. « Les dockers travaillent pour d’innombrables raisons et méritent notre soutien. »").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_stamp_under_the_headline_does_not_make_it_a_wrapped_sentence() =>
        Assert.Equal("Harbour Commentary: Objective 5: Enhance the pathways of dockers between the ports of the sea", Analyse("skip to content\n\nHarbour Commentary: Objective 5: Enhance the pathways of dockers between the ports of the sea\n\nlast modified Dec 05, 2018 01:10 PM\n\nBlog post written by Lena Ortiz (Harbour University) and part of a series on the ports.\n\nFull blog post here").Title);

    [Fact]
    public void A_spelling_the_data_lacks_is_the_known_body_whose_acronym_it_defines() =>
        Assert.Equal(["International Labour Organization"], Analyse("Los puertos\n\nLa Organización Internacional de Trabajo (OIT) apoyó a los estibadores del puerto.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_defined_name_does_not_reach_back_over_a_comma_to_the_person_before_it() =>
        Assert.Contains("Lise Moreau", Analyse("Les ports\n\nLa ligue rencontrera :\n- Madame Lise Moreau, Présidente de l’Organisation Internationale de Travail (OIT) ;\n- les dockers du port.").People.Select(p => p.Name));

    [Fact]
    public void A_spanish_surname_with_de_is_one_name_not_too_long_a_run() =>
        Assert.Equal(["Álvaro Ruiz Ponce de León"], Analyse("Los puertos\n\nÁlvaro Ruiz Ponce de León, Ministro Consejero de la Misión del Puerto, asumió la presidencia de la liga portuaria.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Speech by Minister of State Jane Roe TD at the Harbour Forum\n\nThe forum met on the quay.", "Jane Roe")]
    [InlineData("Les ports\n\nJean-Luc Marais, délégué général de l’Institut du Port, a écrit sur les dockers.", "Jean-Luc Marais")]
    [InlineData("Los puertos\n\nLa crisis de los puertos seguirá. Ana Lucía Prado Vidal, experta en relaciones portuarias, explica.", "Ana Lucía Prado Vidal")]
    [InlineData("Ports and faith\n\nCard. Karel Novak, SJ - Harbour Review - Fri, Dec 3rd 2021", "Karel Novak")]
    public void People_after_posts_the_data_lacked_are_found(string text, string name) =>
        Assert.Contains(name, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_commission_named_before_its_parent_body_is_not_a_person() =>
        Assert.Empty(Analyse("Los puertos\n\nLa liga asumió la presidencia de la Comisión de Asuntos Portuarios de la Organización de los Estados Americanos.").People);

    [Theory]
    [InlineData("The State of the World’s Harbours 2010 Print E-mail\n\nThe report counts the dockers of every port in the world and finds their number has grown by half in ten years, as trade moved to the sea.", "The State of the World’s Harbours 2010")]
    [InlineData("PRT-12 Harbour league elected a new head: official\n\n412\n\nPRT-12\n\nHarbour league elected a new head: official\n\nPORT TOWN, June 29, 2018 - The harbour league elected a new head on Friday after a closed vote that lasted nearly five hours in the old port hall.", "Harbour league elected a new head: official")]
    [InlineData("Remarks by the President of the Harbour Assembly\n\nat the 12th Session of the Port Council\n\n28 November 2023\n\nDistinguished Delegates\n\nAs the 12th Session of the Port Council convenes, I address you from the old quay with a profound sense of responsibility for the ports.", "Remarks by the President of the Harbour Assembly at the 12th Session of the Port Council")]
    public void Buttons_a_wire_slug_and_a_headline_broken_before_a_small_word_are_read_as_a_reader_reads_them(string text, string title) =>
        Assert.Equal(title, Analyse(text).Title);

    [Fact]
    public void A_document_sites_counters_and_its_cut_summary_are_not_the_headline()
    {
        var text = "PORT TALKS: A GUIDE FOR DOCKERS This short guide to the key ideas of the har\nViews 1,789 Downloads 510 File size 913KB\nPORT TALKS: A GUIDE FOR DOCKERS\nThis short guide to the key ideas of the harbour presents an analysis of the ports, the docks and the people who work there, written for students and for the dockers themselves.";
        Assert.Equal("PORT TALKS: A GUIDE FOR DOCKERS", Analyse(text).Title);
    }

    [Theory]
    [InlineData("Port talks\n\nThe dockers met the United Nations Regional Network on Migration for Asia and the Pacific on the quay.", "United Nations Regional Network on Migration for Asia and the Pacific")]
    [InlineData("Les ports\n\nLes dockers ont rencontré le Réseau régional des Nations Unies sur les migrations pour l’Afrique de l’Ouest et du Centre au port.", "Réseau régional des Nations Unies sur les migrations pour l’Afrique de l’Ouest et du Centre")]
    [InlineData("Port talks\n\nThe dockers met members of the Regional United Nations Network on Migration.\nBy October the port had reopened.", "Regional United Nations Network on Migration")]
    public void A_regional_network_is_a_body_of_its_own_with_its_region(string text, string name) =>
        Assert.Equal([name], Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void Speakers_with_their_post_in_brackets_and_a_subjectless_verb_after_a_new_speaker_are_read_as_a_reader_reads_them()
    {
        var text = "Los puertos\n\nA cargo de la bienvenida, Ana Ruiz (titular de la Liga Portuaria) aseguró que “el puerto es la primera casa de los estibadores del mundo”.\nA continuación, la coordinadora del Programa de los Muelles del Ministerio del Puerto, Lía Gómez, se refirió a los muelles. “La regularidad es la llave. Es la única manera de trabajar en el puerto”, concluyó.";
        var document = Analyse(text);

        Assert.Equal(["Ana Ruiz", "Lía Gómez"], document.People.Select(p => p.Name));
        Assert.Equal(["Ana Ruiz", "Lía Gómez"], document.Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));
    }

    [Fact]
    public void A_sentence_about_one_person_closed_by_a_colon_gives_them_the_quotation_that_follows() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Los puertos\n\nA continuación, el presidente de la Liga Portuaria, Karim Benali, reivindicó el rol histórico del puerto: “Es de los pocos puertos del mundo que recibe a todos. Hay que apoyarlo con hechos”.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_title_after_a_colon_is_no_quotation() =>
        Assert.DoesNotContain(Analyse("Les ports\n\nLa ligue, présidée par M. Karim Benali, organise le 18 décembre un séminaire d’échanges intitulé : « Le port et ses dockers d’hier et de demain ».").Statements, s => s.Kind == "quote");

    [Fact]
    public void A_nationality_after_an_article_introduces_a_person() =>
        Assert.Equal(["Juan Pablo Ortega", "Samira Lindo"], Analyse("Los puertos\n\nEl director del puerto sostuvo una reunión con sus colegas, el colombiano Juan Pablo Ortega y la panameña Samira Lindo.\nPor su parte, Ortega destacó que los muelles siguen abiertos.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\n“Ports must stay open to all who work in them,” IOM said in a statement on Friday.")]
    [InlineData("Port talks\n\nAccording to the International Labour Organization, “dockers are the first to feel a closed port and the last to be heard”.")]
    [InlineData("Port talks\n\nThe ports reopened. The International Organization for Migration has said: “Ports must stay open to all who work in them.”")]
    public void A_quotation_no_person_is_given_is_the_bodys_that_signs_it(string text)
    {
        var quote = Assert.Single(Analyse(text).Statements, s => s.Kind == "quote");
        Assert.Null(quote.Speaker);
        Assert.NotNull(quote.Organisation);
    }

    [Theory]
    [InlineData("Port talks\n\n“Ports must stay open to all who work in them until everyone is safe,” the UN Special Rapporteurs said in a statement.")]
    [InlineData("Port talks\n\nIOM stated that the proposed law, titled the “Harbour Mobility (Facilitation and Welfare) Bill, 2024,” will replace the old act.")]
    public void A_body_inside_a_group_of_people_or_a_quoted_name_makes_no_quotation(string text) =>
        Assert.DoesNotContain(Analyse(text).Statements, s => s.Kind == "quote");

    [Fact]
    public void A_spanish_verb_right_after_a_quotation_with_no_subject_after_it_is_the_last_named_speakers()
    {
        var text = "Los puertos\n\nEl subsecretario del Puerto, Alejandro Ruiz Vidal, abrió la reunión de la liga portuaria.\n“Estoy convencido de que el puerto debe recibir a todos los que llegan por el mar”, subrayó tras dar la bienvenida a los estibadores.\n“El informe cuenta los barcos que llegan cada año al puerto”, señaló el informe de la liga.";
        Assert.Equal(["Alejandro Ruiz Vidal"], Analyse(text).Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));
    }

    [Fact]
    public void The_surname_of_a_person_named_in_full_is_that_person_wherever_it_stands()
    {
        var text = "Los puertos\n\nLa canciller del puerto, Rosa Villalba, abrió la reunión.\n\n“Todas las mesas y todo el espacio deliberativo giran en torno a los estibadores”, dijo la semana pasada Villalba.";
        Assert.Equal("Rosa Villalba", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_quotation_holding_a_lone_bracket_does_not_break_the_page() =>
        Assert.Single(Analyse("Port talks\n\nIOM said: “the ports ( and the docks ) must stay open to all who work there.”").Statements, s => s.Kind == "quote");

    [Theory]
    [InlineData("Los puertos\n\nEl Jefe de Misión de la OIM de Ecuador Damien Laurent destacó la importancia de los puertos.", "Damien Laurent")]
    [InlineData("Los puertos\n\nAsistieron los embajadores Graeme C. Holt de Canadá; Rosa Delmy Cañas de Honduras y otros.", "Graeme C. Holt")]
    public void A_countrys_name_is_never_part_of_a_persons(string text, string name) =>
        Assert.Contains(name, Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe forum heard Usec. Eduardo Jose A. De Vera of the Department of Harbours.", "Eduardo Jose A. De Vera")]
    [InlineData("Port talks\n\nUndersecretary for Harbour Affairs Eduardo José A. de Vera led the delegation to the port.", "Eduardo José A. de Vera")]
    [InlineData("Port talks\n\nMinister of Justice Urmas Reinmets kept the government from deciding on the port.", "Urmas Reinmets")]
    public void Initials_particles_and_portfolios_around_a_name_are_read_as_a_reader_reads_them(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_list_giving_each_persons_country_goes_on_after_a_semicolon_but_not_to_the_next_line()
    {
        var names = Analyse("Los puertos\n\nFirmaron los cancilleres Alicia Bárcena Ibarra, de México; Karim Benali, de Honduras; y Lía Gómez Vidal.\nExcelentísimo Señor Viceministro del Puerto, Lautaro Pozo;\nDistinguidos Representantes de los Estados del Puerto;").People.Select(p => p.Name).ToList();
        Assert.Equal(["Alicia Bárcena Ibarra", "Karim Benali", "Lía Gómez Vidal", "Lautaro Pozo"], names);
    }

    [Theory]
    [InlineData("Port talks\n\nHarbour Party leader Jana Novak agreed on Monday that the port should reopen.", "Jana Novak")]
    [InlineData("Port talks\n\nThe league board member Tomas Varga also found that the port had closed.", "Tomas Varga")]
    [InlineData("Port talks\n\nWritten by Jana Novak Published on Read time Approx. 9 minutes\n\nThe port reopened on Monday.", "Jana Novak")]
    public void Leaders_board_members_and_a_byline_run_into_its_stamp_name_people(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void Political_parties_are_bodies_and_their_members_are_not_part_of_them()
    {
        var names = Analyse("Port talks\n\nThe Centre Party and the Harbour Reform Party backed the pact, while Free Party MPs voted against it, as did Partido Popular.").Organisations.Select(o => o.Name).ToList();
        Assert.Equal(["Centre Party", "Harbour Reform Party", "Free Party", "Partido Popular"], names);
    }

    [Theory]
    [InlineData("Port talks\n\nThe Principals and the Network Coordinator, as chair of the fund, met on the quay.", new string[0])]
    [InlineData("Port talks\n\nThe Office of the Vice President met on the quay.", new[] { "Office of the Vice President" })]
    public void A_post_after_a_head_word_is_no_body_but_a_title_a_body_is_named_after_stays(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_curly_quotation_closed_by_a_straight_mark_is_one_quotation() =>
        Assert.Equal("Nadia Akram", Assert.Single(Analyse("Port talks\n\nDr Nadia Akram opened the forum on the quay.\n“As dockers away from home, they are left out of the port’s care and its law,\" said Dr Akram.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_french_verb_in_the_present_inverted_after_a_quotation_gives_it_to_the_speaker_before()
    {
        var text = "Les ports\n\n« Le port mérite beaucoup plus de la part de la ligue des ports », a déclaré la directrice de la ligue, Lise Moreau. « Cela doit se traduire par une aide aux dockers », renchérit-elle, car le port manque de moyens.";
        Assert.Equal(["Lise Moreau", "Lise Moreau"], Analyse(text).Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));
    }

    [Fact]
    public void The_cancilleria_named_alone_is_a_body() =>
        Assert.Equal(["Cancillería"], Analyse("Los puertos\n\nLa Cancillería confirmó que los puertos siguen abiertos a los estibadores.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_sites_address_after_the_headline_and_the_quotation_mark_the_feed_left_open_are_not_part_of_it() =>
        Assert.Equal("Port league calls for better care of dockers", Analyse(" date 2021-09 Port league calls for better care of dockers\" - portnews.com\n\nThe league met on Saturday in the old port hall and called for better care of the dockers who work there day and night.").Title);

    [Fact]
    public void A_resident_coordinator_in_belgian_french_is_a_post() =>
        Assert.Equal(["Lise Moreau-Diallo"], Analyse("Les ports\n\nLise Moreau-Diallo, coordinatrice résidente des Nations unies au port, a ouvert la réunion.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe league works with UN-Habitat on the port towns.", new[] { "United Nations Human Settlements Programme" })]
    [InlineData("Port talks\n\nThe UN-Jamaica relationship shaped the port.", new string[0])]
    [InlineData("Les ports\n\nL’Union européenne et l’Union africaine ont parlé des ports.\nUE-UA : la déclaration des ports.", new[] { "European Union", "African Union" })]
    public void An_acronym_joined_by_a_hyphen_to_a_word_is_part_of_another_name(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_date_followed_by_its_update_on_the_same_line_is_the_day_published() =>
        Assert.Equal(Day("2018-11-21"), Analyse("Ports reopen after long strike\n\nNovember 21, 2018 Updated: November 22, 2018\n\nThe port reopened on Monday after a long strike by the dockers of the old harbour.").PublishedOn);

    [Fact]
    public void A_stamp_between_a_sections_label_and_a_button_dates_the_page() =>
        Assert.Equal(Day("2016-04-25"), Analyse("Ports reopen after long strike\n\nNews Mon, 04/25/2016 - 10:10 Share\n\nThe port reopened on Monday after a long strike by the dockers of the old harbour.").PublishedOn);

    [Fact]
    public void Chambers_of_a_legislature_are_bodies() =>
        Assert.Equal(["Senate", "House of Representatives"], Analyse("Port talks\n\nThe Senate and the House of Representatives both voted on the port bill.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_byline_set_off_by_a_dash_on_its_own_line_names_the_author() =>
        Assert.Equal(["Émilie Bergeret"], Analyse("Le port se fait corriger\n\n- — Émilie Bergeret\n\nLe chef du port a dû corriger ses propos sur les dockers, lundi, devant la ligue.").People.Select(p => p.Name));

    [Fact]
    public void A_label_the_address_names_over_a_headline_that_names_it_too_is_the_section() =>
        Assert.Equal(
            "Message of the President of the Harbour Assembly for Port Workers Day",
            Analyse("Port Workers Day\n\nMessage of the President of the Harbour Assembly for Port Workers Day\n\n18 December 2015\n\nOn this Port Workers Day, I call on all the ports to respect, protect and fulfil the rights of all dockers, whatever their status.", "https://harbour.example.org/2015/12/17/port-workers-day/").Title);

    [Fact]
    public void A_person_named_again_in_full_is_that_person_wherever_the_name_stands() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Les ports\n\nKarim Benali, chef de mission du port, a ouvert la réunion.\n\n« On ne peut pas empêcher les dockers de partir vers d’autres ports », déclare monsieur Karim Benali.").Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Les ports\n\nKarim Benali, chef du port, a parlé lundi.\n\nLe port ‘’reste un des meilleurs de la côte’’, a-t-il dit devant la ligue.", "reste un des meilleurs de la côte")]
    [InlineData("Les ports\n\nKarim Benali, chef du port, a parlé lundi.\n\nLe port est ’’un des meilleurs de la côte’’, a-t-il dit devant la ligue.", "un des meilleurs de la côte")]
    [InlineData("Port talks\n\nKarim Benali, director of the port, spoke on Monday.\n\nHe said: “The port is one of the best on the coast.’’ The league agreed.", "The port is one of the best on the coast.")]
    public void Two_single_marks_typed_for_a_double_one_enclose_a_quotation(string text, string quoted)
    {
        var quote = Assert.Single(Analyse(text).Statements, s => s.Kind == "quote");
        Assert.Equal(("Karim Benali", quoted), (quote.Speaker, quote.Text));
    }

    [Theory]
    [InlineData("Les ports\n\nKarim Benali, chef du port, a parlé lundi des dockers. Car, selon lui, « le port ne vit que par eux ».")]
    [InlineData("Port talks\n\nKarim Benali, director of the port, spoke on Monday about the dockers. The league agreed. According to him, “the port lives only by them”.")]
    public void A_quotation_according_to_a_pronoun_is_the_person_spoken_of(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_speakers_title_after_the_verb_ends_where_the_circumstances_begin() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Los puertos\n\nEl ministro Karim Benali abrió la reunión de la liga el martes.\n\n“El puerto seguirá abierto a todos los que trabajan en él”, aseguró el ministro durante su intervención.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_narrative_infinitive_adds_the_last_speakers_words() =>
        Assert.Equal(
            ["Karim Benali", "Karim Benali"],
            Analyse("Les ports\n\n« Le port restera ouvert à tous », explique Karim Benali, chef du port. Et d’ajouter : « Les dockers sont chez eux ici. »").Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));

    [Fact]
    public void A_quotation_the_texts_end_cuts_off_is_a_quotation_still()
    {
        var quote = Assert.Single(Analyse("Port talks\n\nKarim Benali, director of the port, spoke on Monday about the dockers.\n\nHe said: “The port will stay open to every docker who works in it, and the league will").Statements, s => s.Kind == "quote");
        Assert.Equal(("Karim Benali", "The port will stay open to every docker who works in it, and the league will"), (quote.Speaker, quote.Text));
    }

    [Fact]
    public void A_closing_mark_typed_the_wrong_way_round_opens_nothing_at_the_texts_end() =>
        Assert.DoesNotContain(Analyse("Port talks\n\nThe league met, “ says Karim Benali, director of the port, on Monday about the dockers of the old harbour").Statements, s => s.Kind == "quote");

    [Theory]
    [InlineData("Les ports\n\nLe chef de l’État, le Capitaine Karim BENALI, a reçu la ligue des dockers lundi.", "Karim Benali")]
    [InlineData("Port talks\n\nThe league is pleased to welcome His Excellence Juan José Ignacio Ruiz-Vidal for a talk on the port.", "Juan José Ignacio Ruiz-Vidal")]
    public void A_military_rank_or_a_misspelt_excellency_introduces_a_person(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_post_capitalised_after_the_name_introduces_the_person() =>
        Assert.Equal(
            ["Lucía Ferrer", "Karim Benali"],
            Analyse("Los puertos\n\nEn el evento estuvieron figuras clave como Lucía Ferrer, Coordinadora Residente de la liga en el puerto, y Karim Benali, Jefe de Misión de la liga.").People.Select(p => p.Name));

    [Fact]
    public void A_post_on_a_social_network_is_words_said() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Port talks\n\nKarim Benali, director of the port, left the league on Monday.\n\nHe tweeted: “The port stays open to every docker who works in it.”").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void The_subject_of_a_verb_of_speech_is_the_title_its_article_opens_after_the_circumstances() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Los puertos\n\nEl presidente del puerto, Karim Benali, dejó la liga el lunes.\n\nA través de la radio el mandatario declaró: “El puerto seguirá abierto a todos los que trabajan en él.”").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_press_release_label_under_the_headline_is_the_kind_not_part_of_the_title() =>
        Assert.Equal("Port League Welcomes Agreement on Dockers’ Rights", Analyse("Port League Welcomes Agreement on Dockers’ Rights\nPress Release\nThursday, February 28, 2019\n\nThe league welcomed on Thursday the agreement that the port towns signed on the rights of the dockers who work there.").Title);

    [Fact]
    public void The_outlet_named_after_a_dash_as_its_address_spells_it_is_not_part_of_the_title() =>
        Assert.Equal("Port league calls for better care of dockers", Analyse("Port league calls for better care of dockers – Harbour Daily Post\n\nThe league met on Saturday in the old port hall and called for better care of the dockers who work there day and night.\n\nNews Source: www.harbourdailypost.example").Title);

    [Fact]
    public void A_temperature_in_the_header_is_no_headline() =>
        Assert.Equal("La ligue du port se réunit à Genève", Analyse("samedi, novembre 23, 2024\n25.4 C\nGenève\n\nLa ligue du port se réunit à Genève\n\nLa ligue s’est réunie samedi dans la vieille salle du port pour parler des dockers qui y travaillent jour et nuit.").Title);

    [Fact]
    public void A_square_bullet_before_the_headline_is_not_part_of_it() =>
        Assert.Equal("LIGUE DES DOCKERS DU PORT", Analyse("■ LIGUE DES DOCKERS DU PORT\n\nLa ligue réunit depuis longtemps les dockers qui travaillent jour et nuit dans le vieux port de la ville.").Title);

    [Fact]
    public void A_well_known_figure_of_the_compacts_debate_is_known_by_name() =>
        Assert.Equal(["Federica Mogherini"], Analyse("Port talks\n\nIn Brussels, HR/VP Federica Mogherini made a speech about the port. Mogherini later recalled the dockers.").People.Select(p => p.Name));

    [Fact]
    public void A_post_in_capitals_before_a_name_is_not_part_of_it() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nMINISTER Karim Benali attended the league’s first meeting on the port in New York on Monday.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Les ports\n\nLe remaniement a emporté Karim Benali en sa qualité de ministre en charge des ports.", "Karim Benali")]
    [InlineData("Les ports\n\nNotre envoyé spécial au port, Karim Benali, a rencontré les dockers. Écoutons son reportage.", "Karim Benali")]
    public void A_capacity_or_a_reporters_post_introduces_a_person(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_year_folder_then_month_and_day_in_the_address_dates_the_page() =>
        Assert.Equal(Day("2018-07-06"), Analyse("Port league calls for better care of dockers\n\nThe league met in the old port hall and called for better care of the dockers who work there day and night.", "http://harbour.example.org/n3/2018/0706/c31356-9478255.html").PublishedOn);

    [Fact]
    public void A_wire_dateline_without_its_year_wins_over_the_later_day_the_address_gives() =>
        Assert.Equal(Day("2017-12-04"), Analyse("PUERTO, 4 dic (Harbour Wire) -- La liga de los estibadores pidió este lunes un mejor trato para quienes trabajan día y noche en el viejo puerto.\nLa reunión se celebró en la vieja sala del puerto.", "http://harbour.example.org/n3/2017/1205/c31618-9300696.html").PublishedOn);

    [Fact]
    public void An_agencys_name_alone_ends_a_dateline() =>
        Assert.Equal(Day("2008-10-31"), Analyse("Fin de la réunion de la ligue\n\nLe port, 31 octobre 2008 (Harbour Wire) Le second forum des dockers s’est conclu jeudi dans le vieux port, après avoir fixé le rendez-vous de l’an prochain.").PublishedOn);

    [Fact]
    public void A_charge_daffaires_is_a_post() =>
        Assert.Equal(["Lise Moreau"], Analyse("Les ports\n\nLa chargée d'affaire de la Délégation de la ligue au port, Lise Moreau, a annoncé jeudi que la ligue restera au port.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Les ports\n\nLe Port, 26 sept (HPN) - La ligue des dockers s’est réunie lundi au port.", new[] { "HPN" })]
    [InlineData("Port talks\n\nHARBOUR TOWN, Dec 21 (Harbour Wire): The league met on Monday at the port.", new[] { "Harbour Wire" })]
    [InlineData("Port talks\n\nGeneral Meeting: 12:00- 1:30pm (EDT)\n\nThe league meets on Monday at the port.", new string[0])]
    public void The_agency_that_signs_a_dateline_is_an_organisation(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void The_un_written_as_a_word_in_french_is_the_united_nations() =>
        Assert.Equal(["United Nations"], Analyse("Les ports\n\nLa ligue a demandé le soutien de l'Onu pour les dockers du port.").Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Port talks\n\nPort Secretary Karim Benali spoke on Sunday.\n\n“We hosted the league when no one else would,” the secretary reflected.")]
    [InlineData("Los puertos\n\nEl ministro Karim Benali habló el domingo.\n\n“Recibimos a la liga cuando nadie más lo hacía”, lamentó el ministro.")]
    [InlineData("Port talks\n\n“The port will not take part in the league’s process,” Tillerson said in a statement.")]
    public void More_verbs_and_known_names_say_who_spoke(string text) =>
        Assert.NotNull(Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_title_in_capitals_under_a_rule_of_underscores_is_the_documents_title() =>
        Assert.Equal(
            "REPORT ON THE TWELFTH SESSION OF THE HARBOUR COUNCIL",
            Analyse("harbour council report\n\n12\nHC/207 Original: English 3 December 2003 FOURTEENTH SESSION ______________________________ REPORT ON THE TWELFTH SESSION OF THE HARBOUR COUNCIL Harbour Town 2-4 December 2002 Rapporteur: Ms. Lise Moreau\n\nPage 1: HARBOUR COUNCIL · 2003 · The council met in the old port hall to hear the dockers.").Title);

    [Fact]
    public void A_sites_name_glued_to_the_headlines_stop_is_not_part_of_it() =>
        Assert.Equal("Prise de position de la ligue sur les dockers du port", Analyse("Prise de position de la ligue sur les dockers du port.Ligue Internationale des Dockers\n\nLa ligue s’est réunie samedi dans la vieille salle du port pour parler des dockers qui y travaillent jour et nuit.").Title);

    [Fact]
    public void An_images_alt_text_over_the_headline_is_furniture() =>
        Assert.Equal("Port league calls for better care of dockers", Analyse("Header image for news printout\n\nPort league calls for better care of dockers\n\nThe league met on Saturday in the old port hall and called for better care of the dockers who work there day and night.").Title);

    [Fact]
    public void A_conjunction_opening_the_sentence_is_not_part_of_the_name() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nThe league met on Monday. But Karim Benali said the port would stay open to every docker.").People.Select(p => p.Name));

    [Fact]
    public void A_stamp_line_under_a_long_unstopped_line_of_icons_stands_on_its_own()
    {
        string[] names = ["home", "menu", "search", "share", "print", "mail", "close", "open", "play", "pause", "stop", "next", "back", "up", "down", "left", "right", "tag", "tags", "trash", "user", "users", "bell", "star", "heart", "flag", "lock", "key", "gear", "cloud", "sun", "moon", "map", "pin", "phone", "chat", "camera", "video", "music", "muted", "book", "bookmark", "folder", "file", "link", "list", "grid", "plus", "minus", "check"];
        var icons = string.Join(' ', names.Select(n => n + "icon"));
        var text = $"{icons} fm\n9 Oct, 2018 13:05\n\nHarbour town should quit the port league – minister\n\nThe minister said on Tuesday that the harbour town should leave the league of the dockers for good.";

        var document = new DocumentExtractor().Extract(System.Text.Encoding.UTF8.GetBytes(text), "text/plain", new ExtractionHints());

        Assert.Equal(Day("2018-10-09"), document.PublishedOn);
    }

    [Theory]
    [InlineData("Harbour talks end in Port Town\n\nPort Town, December 12, 2025 /HARBOURWIRE/. The league met in the old port hall this week.", null, "2025-12-12")]
    [InlineData("Harbour talks end in Port Town\n\nTuesday 9 July 2024 (Harbour League Secretariat, Old Port, Greater Port Town): The league met in the old port hall.", null, "2024-07-09")]
    [InlineData("Harbour talks end in Port Town\n\nThe league met in the old port hall this week and called for better care of the dockers.", "https://harbour.example.org/actualites/201812/07/01-5207125-ligue.php", "2018-12-07")]
    [InlineData("Senate debates | Motions | Harbours | 12:09 pm\n\nThe senator moved that the port league's pact not be signed.", "https://harbour.example.org/senate/?id=2018-08-16.43.1", "2018-08-16")]
    public void More_datelines_and_addresses_date_the_page(string text, string? url, string day) =>
        Assert.Equal(Day(day), Analyse(text, url).PublishedOn);

    [Fact]
    public void A_slip_in_a_surname_named_before_still_names_that_speaker()
    {
        var text = "Port talks\n\nThe league's new Chief of Mission, Karina Holmberg, visited the harbour on Monday.\n\n"
                   + "“We thank the town for the new shelter and for the care it gives the dockers,” Holmburg said.";

        Assert.Equal("Karina Holmberg", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_post_written_small_after_a_name_makes_it_a_person() =>
        Assert.Equal(["Tobias Wendt"], Analyse("Port talks\n\nTobias Wendt, the principal secretary for harbours and shipping, praised the dockers of the old port.").People.Select(p => p.Name));

    [Fact]
    public void A_speaker_named_with_a_long_post_after_the_quotation_signs_it()
    {
        var text = "Port talks\n\n\"The town is trying very hard to keep the dockers out of the new shelter,\" Lena Ortiz from Valdora, "
                   + "a spokeswoman for the rally organisers Harbour Workers Coordinating Body, told the press.";

        var document = Analyse(text);

        Assert.Equal("Lena Ortiz", Assert.Single(document.Statements, s => s.Kind == "quote").Speaker);
        Assert.Equal(["Lena Ortiz"], document.People.Select(p => p.Name));
        Assert.Contains(document.Organisations, o => o.Name == "Harbour Workers Coordinating Body");
    }

    [Theory]
    [InlineData("Port talks\n\n“We will keep the harbour open to every docker who needs a shelter,” Tobias Wendt was quoted by the league's feed as saying.", "Tobias Wendt")]
    [InlineData("Les ports\n\n« Le port reste ouvert à tous les dockers qui cherchent un abri », rappelait Karim Benali, chef du port.", "Karim Benali")]
    [InlineData("Los puertos\n\n“El puerto seguirá abierto para todos los estibadores que buscan refugio”, explicaba Lena Ortiz, jefa del puerto.", "Lena Ortiz")]
    [InlineData("Port talks\n\nHarbour League chief Karim Benali spoke on Monday.\n\n“Dockers have played an outsized role on the quays of every harbour in the league” Chief Benali observes.", "Karim Benali")]
    [InlineData("Los puertos\n\nLa ministra Lena Ortiz habló el lunes.\n\n“Lo que pasa es que en los puertos se firman muchos acuerdos que no se dan a conocer”, adujo.", "Lena Ortiz")]
    public void Reported_and_past_forms_of_speech_sign_a_quotation(string text, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Los puertos\n\nLa ministra Lena Ortiz habló el lunes ante la liga.\n\n“El puerto seguirá abierto para todos los estibadores que buscan refugio”, afirmó la alta funcionaria de la Liga de Puertos del Sur.")]
    [InlineData("Los puertos\n\nLa ministra Lena Ortiz habló el lunes ante la liga.\n\n“El puerto seguirá abierto para todos los estibadores que buscan refugio”, aseguró el jerarca de Puertos de Valdora.")]
    public void A_speaker_given_by_a_post_of_a_body_is_the_person_named_before(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_party_after_a_post_and_a_tie_after_a_verb_of_speech_still_introduce_a_person()
    {
        var text = "Les ports\n\nLe texte a été critiqué lundi.\n\n« Le port restera ouvert à tous les dockers », a renchéri le député conservateur Karim Benali.\n\n"
                   + "« Ce n'est pas le point de vue de la ligue des ports », a rétorqué son ancienne collègue, Lena Ortiz.";

        var document = Analyse(text);

        Assert.Equal(["Karim Benali", "Lena Ortiz"], document.People.Select(p => p.Name));
        Assert.Equal(["Karim Benali", "Lena Ortiz"], document.Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));
    }

    [Fact]
    public void A_long_quotation_closed_by_a_pronoun_belongs_to_the_person_named_just_before_it()
    {
        var said = string.Join(' ', Enumerable.Repeat("The harbour will stay open to every docker who needs a shelter, and the league will pay its share of the costs.", 8));
        var text = $"Port talks\n\nHarbour League Director General Karim Benali welcomed the delegates on Monday.\n\n“{said}” he said.";

        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void A_person_called_by_the_first_of_their_names_is_the_one_named_so_before()
    {
        var text = "Port talks\n\nHarbour Care executive director Wahyu Santoso said the dockers still lacked shelter.\n\n"
                   + "\"The shelters are not merely a matter of money for the harbour town,” said Wahyu on Tuesday.";

        Assert.Equal("Wahyu Santoso", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);
    }

    [Theory]
    [InlineData("Los puertos\n\nLa ministra Lena Ortiz habló el lunes ante la liga.\n\n“El puerto seguirá abierto para todos los estibadores que buscan refugio”, subrayó el ministro valdorano de Asuntos Portuarios.")]
    [InlineData("Los puertos\n\nLa ministra Lena Ortiz habló el lunes ante la liga.\n\n“El puerto seguirá abierto para todos los estibadores que buscan refugio”, afirmó la jefa de gobierno.")]
    public void A_post_with_a_nationality_or_a_government_after_it_is_the_person_named_before(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Les ports\n\nSelon Karim Benali, dont les recherches portent sur les ports, « les départs augmentent chaque année depuis dix ans ».", "Karim Benali")]
    [InlineData("Port talks\n\nThe harbour minister tells Lena Ortiz that the port will stay open to every docker.", "Lena Ortiz")]
    [InlineData("Port talks\n\nDockers at the old port on Monday. (AP Photo/Tobias Wendt)\n\nThe league met in the old port hall.", "Tobias Wendt")]
    public void A_source_an_interviewer_and_a_photographer_are_people(string text, string person) =>
        Assert.Equal([person], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nKey Challenges said to be ahead for the port, the league warned on Monday.")]
    [InlineData("Port talks\n\nAsylum Seekers told to wait at the old port, the league said on Monday.")]
    [InlineData("Los puertos\n\nConferencia Intergubernamental afirmó que el puerto seguirá abierto.")]
    public void Common_nouns_in_capitals_before_a_verb_are_not_a_person(string text) =>
        Assert.Empty(Analyse(text).People);

    [Theory]
    [InlineData("Port talks\n\nThe league was represented by Ms. Lena Ortiz, Vice Minister for Harbour Mobility of the Ministry of Port Affairs, on Monday.", "Ministry of Port Affairs")]
    [InlineData("Los puertos\n\nHablaron Lena Ortiz, Directora General del Instituto Valdorano de Puertos; y Karim Benali, el lunes.", "Instituto Valdorano de Puertos")]
    [InlineData("Los puertos\n\nEl Grupo de Trabajo de Centro y Sur sobre Puertos se reunió el lunes.", "Grupo de Trabajo de Centro y Sur sobre Puertos")]
    public void A_unit_or_a_post_before_a_body_is_not_part_of_its_name(string text, string body) =>
        Assert.Equal([body], Analyse(text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_name_after_a_ministrys_affairs_is_a_person_not_part_of_the_ministry()
    {
        var document = Analyse("Port talks\n\nPrincipal Secretary in the Ministry of Harbour and Port Affairs Karina Holmberg said the port would stay open.");

        Assert.Equal(["Ministry of Harbour and Port Affairs"], document.Organisations.Select(o => o.Name));
        Assert.Equal(["Karina Holmberg"], document.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData(" date 2021-03 Harbour towns sign a reception pactValletta, 1 Mar 2021 (HPA) - {0}", "Harbour towns sign a reception pact")]
    [InlineData("Harbour Day 2020: Time to Give Back to the Dockers A STATEMENT BY THE PORT LEAGUE DECEMBER 18, 2020 {0}", "Harbour Day 2020: Time to Give Back to the Dockers")]
    [InlineData(" date 2018-12 Informan que doce puertos firmaron un pacto de acogida La Presidenta de la liga dijo que {0}", "Informan que doce puertos firmaron un pacto de acogida")]
    [InlineData("Valdora confident about winning the league election HPA, Valdora The town is highly confident. {0}", "Valdora confident about winning the league election")]
    public void A_headline_run_into_its_story_on_one_line_ends_where_the_story_visibly_starts(string text, string title) =>
        Assert.Equal(title, Analyse(string.Format(CultureInfo.InvariantCulture, text, "The mayors of twelve port cities agreed on common standards for receiving people rescued at sea, after two days of talks in the old harbour hall, and said the costs would be shared among all the towns of the league from next year on, whatever the number of boats that reach each of them.")).Title);

    [Fact]
    public void A_crawlers_stamp_dates_the_page_though_the_story_after_it_names_a_weekday()
    {
        var text = " date 2025-11-13 La liga de los puertos no consiguió apoyo para su propuesta presentada este jueves en la comisión del puerto.\n\n"
                   + "La propuesta fue rechazada por todos los grupos.\n\nLa liga dijo que volvería a presentarla el año que viene.\n\nLos estibadores y su \"forma de vida\"\n\nLa diputada dijo que la propuesta no tenía sentido para los estibadores del puerto viejo.";

        Assert.Equal(Day("2025-11-13"), Analyse(text).PublishedOn);
    }

    [Fact]
    public void A_day_with_a_byline_after_its_colon_dates_the_page() =>
        Assert.Equal(Day("2016-12-18"), Analyse("Harbour Day Observed\n\n  December 18, 2016 By: HPL\n\n An International Harbour Day has been observed in the old port, with dockers asking for their rights.").PublishedOn);

    [Fact]
    public void Created_by_the_compact_in_a_sentence_is_no_byline_to_cut_a_headline_at()
    {
        var text = "Latest News Highlights\n\n\nSaturday, 11th June 2022\nAmb. Lena Ortiz on harbour reform\nAmb. Lena Ortiz delivered the town's statement at the first harbour review.\n\n"
                   + "The Harbour Review Forum(HRF) is a Member State forum created by the Harbour Compact, an agreement prepared under the auspices of the league.";

        var document = Analyse(text, "https://harbour.example.org/data/dnews/400/HARBOUR-REVIEW-FORUM.html");

        Assert.Equal("Amb. Lena Ortiz on harbour reform", document.Title);
        Assert.Equal(Day("2022-06-11"), document.PublishedOn);
    }

    [Fact]
    public void A_byline_and_its_day_run_into_the_headlines_line_date_the_page()
    {
        var text = " date 2024-12 La ligue plaide pour des ports sûrs et humains Rédigé par harbour.net le Mercredi 18 Décembre 2024 à 18:14 | | 0 commentaire(s)|\n\n"
                   + "La ligue des ports a lancé, mercredi, un appel à la création de ports sûrs et à la défense des droits des dockers.";

        var document = Analyse(text);

        Assert.Equal("La ligue plaide pour des ports sûrs et humains", document.Title);
        Assert.Equal(Day("2024-12-18"), document.PublishedOn);
    }

    [Fact]
    public void A_wires_dateline_under_a_long_standfirst_dates_the_page()
    {
        var text = "Harbour News\n\nReactions on the Quays to the Harbour Pact\n\nThis week the old harbour town is hosting the conference of the port league, with many dockers' events along the quays lined with palm trees. The wire spoke with a number of dockers from different ports about the pact and what it means for the future of the harbours and of the people who work in them day and night, in all seasons and under every flag that comes in. They also spoke of the costs, of the shelters still lacking and of the towns that stayed away.\n\n"
                   + "VALDORA, Harbourland, Dec 12 2018 (HPW) - This week the old harbour town is hosting the conference of the port league.";

        Assert.Equal(Day("2018-12-12"), Analyse(text).PublishedOn);
    }

    [Theory]
    [InlineData("Harbour Town Keeps Its Quays Open\n\nThe deputy representative of the harbour town made this statement at the league's meeting on the reception of people rescued at sea, asking all the towns to share the costs of the shelters and to keep the quays open to every docker who needs one. The deputy representative of the harbour town made this statement at the league's meeting on the reception of people rescued at sea, asking all the towns to share the costs of the shelters and to keep the quays open to every docker who needs one.\n\nPermanent Mission of the Harbour Town\n27 November 2014\n\nCopyright © 2021 All Rights Reserved.", "2014-11-27")]
    [InlineData("Harbour Town Keeps Its Quays Open\n\nThe deputy representative of the harbour town made this statement at the league's meeting on the reception of people rescued at sea, asking all the towns to share the costs of the shelters and to keep the quays open to every docker who needs one. The deputy representative of the harbour town made this statement at the league's meeting on the reception of people rescued at sea, asking all the towns to share the costs of the shelters and to keep the quays open to every docker who needs one. Valdora, 12 de diciembre de 2023\n\nCompartir esta noticia\n\nOther news of the league", "2023-12-12")]
    public void A_day_closing_the_story_over_the_pages_buttons_or_copyright_dates_it(string text, string day) =>
        Assert.Equal(Day(day), Analyse(text).PublishedOn);

    [Fact]
    public void A_photo_of_a_person_names_them_once_even_when_the_caption_is_glued_to_the_name() =>
        Assert.Equal(["Karina Holmberg", "Tobias McWendt"], Analyse("Harbour Town Keeps Its Quays Open\n\nThe league met in the old port hall on Monday and agreed to keep the quays open.\n\nPhoto of Karina Holmberg | Harbour Economist\n\nPhoto of Tobias McWendtTobias McWendt (Harbour Town, Independent)\n\nThe league will meet again in May.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Video Statement by the Harbour Minister at the Meeting of the Port League\n25 March 2022, Valdora, Harbourland\n\nMr. President, the league has kept its quays open to every docker this year.", "2022-03-25")]
    [InlineData("The town's statement at the league's meeting\n\n6 November 2017, Valdora, Harbourland.  The harbour minister called for the rights of dockers to be affirmed in the statement of the town.", "2017-11-06")]
    public void A_day_with_its_place_after_it_dates_the_page(string text, string day) =>
        Assert.Equal(Day(day), Analyse(text).PublishedOn);

    [Fact]
    public void A_wire_agency_after_a_dash_is_not_part_of_the_headline() =>
        Assert.Equal("First harbour forum wraps up today", Analyse("First harbour forum wraps up today – Reuters\n\nThe first forum of the port league ended on Friday with a call to keep the quays open to every docker.").Title);

    [Fact]
    public void A_title_in_quotation_marks_is_no_statement_of_the_person_presenting_it() =>
        Assert.DoesNotContain(Analyse("Port talks\n\nThe league's chair, Vice Minister Karim Benali, was invited to the debate. Speaking at a panel on “Overview of Progress in Achieving Harbour Related Goals,” Vice Minister Benali recalled the league's work.").Statements, s => s.Kind == "quote");

    [Fact]
    public void A_section_label_narrowed_after_a_dash_before_the_day_dates_the_page() =>
        Assert.Equal(Day("2020-10-05"), Analyse("Press Release —Local October 05, 2020\n\nThe Harbour Town has issued and endorsed its review of the port pact\n\nThe town's review of the pact was discussed and endorsed by the league on Monday.", "https://harbour.example.org/news/harbour-town-has-issued-and-endorsed-its-review-of-the-port-pact").PublishedOn);

    [Fact]
    public void A_blogs_portuguese_weekday_header_over_the_headline_dates_the_page() =>
        Assert.Equal(Day("2016-07-21"), Analyse("quinta-feira, 21 de julho de 2016\n\nSeminario regional sobre los muelles de la liga portuaria\n\nLos estibadores de la liga se reunieron en el puerto viejo para hablar de los muelles abiertos.").PublishedOn);

    [Fact]
    public void A_day_opening_a_path_segment_with_its_month_and_day_written_short_dates_the_page() =>
        Assert.Equal(Day("2019-01-10"), Analyse("Harbour Town leaves the port pact\n\nThe mayor of the harbour town confirmed yesterday that the town leaves the pact of the port league.", "https://news.example.org/harbour/2019-1-10-4-0-0-harbour-town-leaves-the-port-pact").PublishedOn);

    [Theory]
    [InlineData("La ligue portuaire a publié un message à l’occasion de la journée des dockers, célébrée ce 18 décembre 2024. Le président a salué le travail des dockers dans tous les ports.", "2024-12-18")]
    [InlineData("Los estibadores de la liga se reúnen este 3 de mayo de 2021 en el puerto viejo para hablar de los muelles abiertos a todos.", "2021-05-03")]
    public void A_day_the_story_calls_this_day_dates_the_page(string text, string day) =>
        Assert.Equal(Day(day), Analyse(text).PublishedOn);

    [Fact]
    public void A_body_defining_its_own_acronym_is_not_the_known_body_its_name_begins_with() =>
        Assert.Contains("United Nations Development Programme Fund for Harbours", Analyse("Port talks\n\nThe report was paid for by the United Nations Development Programme Fund for Harbours (UNDP-FH) in Valdora.").Organisations.Select(o => o.Name));

    [Fact]
    public void An_article_after_a_preposition_stays_inside_a_defined_name_but_not_after_and()
    {
        var names = Analyse("Port talks\n\nThe harbour office and the Parliamentary Assembly of the Harbour Council (PAHC) are hosting a forum with the Ministry of Labour and the Harbour Committee for Dockers (HCD).").Organisations.Select(o => o.Name).ToList();

        Assert.Contains("Parliamentary Assembly of the Harbour Council", names);
        Assert.Contains("Harbour Committee for Dockers", names);
    }

    [Theory]
    [InlineData("The vaccines came through COVAX and Gavi this spring.", "Gavi, the Vaccine Alliance")]
    [InlineData("The report of the ITUC on port workers was presented in Valdora.", "International Trade Union Confederation")]
    [InlineData("La ministra habló ante el Parlamento del Mercosur sobre los muelles.", "Mercosur Parliament")]
    public void Well_known_bodies_of_the_field_are_named_by_their_catalogue_names(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The plan was drawn up with the Inter-Agency Standing Committee and the Office of the President of the General Assembly.", "Office of the President of the General Assembly")]
    [InlineData("Representatives of the Prague Process and the EU Agency for Fundamental Rights met in Valdora.", "European Union Agency for Fundamental Rights")]
    [InlineData("Le Comité pour la protection des droits de tous les travailleurs migrants et des membres de leur famille a examiné le rapport.", "Committee on Migrant Workers")]
    public void Bodies_of_the_migration_field_are_known_in_their_languages(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_meeting_under_the_chatham_house_rule_names_no_body() =>
        Assert.Empty(Analyse("Port talks\n\nThe exchange will be held under the Chatham House Rule and participation is limited.").Organisations);

    [Fact]
    public void Displaced_persons_after_a_body_are_no_person() =>
        Assert.Empty(Analyse("Port talks\n\nThe Special Rapporteur on Migrants and Internally Displaced Persons of the African Commission on Human and Peoples' Rights spoke in Valdora.").People);

    [Theory]
    [InlineData("Port talks\n\nThe harbour master Karina Holmberg said the meeting will be “the most important gathering of the port towns this year”.", "Karina Holmberg")]
    [InlineData("Port talks\n\nLe maire du port, Tobias McWendt, a appelé à « ne pas céder à la peur des dockers venus d'ailleurs » lors de la réunion.", "Tobias McWendt")]
    [InlineData("Port talks\n\nLa ministra Ana Ruiz Vidal destacó la “importancia de la cooperación entre los puertos de la liga” durante la sesión.", "Ana Ruiz Vidal")]
    public void Words_quoted_a_few_words_after_a_verb_of_speech_are_the_speakers(string text, string speaker) =>
        Assert.Equal(speaker, Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_pronoun_before_a_verb_of_speech_is_the_person_last_named_when_no_one_was_quoted_yet() =>
        Assert.Equal("Karina Holmberg", Assert.Single(Analyse("Port talks\n\nThe harbour master Karina Holmberg spoke to the league on Monday. She said the meeting will be “the most important gathering of the port towns this year”.").Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Regional Consultations\n\nSix regional consultations were held with the port towns and the dockers' unions, funded by the league and organised by its secretariat in the spring.", "Regional Consultations")]
    [InlineData("Skip to content\n\nPORT 2013-2014\n\nThe town of Valdora chairs the port league in 2013 and 2014; the draft concept paper of its chairmanship can be found on the league's pages.", "PORT 2013-2014")]
    public void A_line_of_a_word_or_two_right_over_the_story_is_its_headline_when_no_longer_line_is(string text, string title) =>
        Assert.Equal(title, Analyse(text).Title);

    [Fact]
    public void A_document_sites_description_label_is_no_headline() =>
        Assert.Null(Analyse("Description\n\nSix regional consultations were held with the port towns and the dockers' unions, funded by the league and organised by its secretariat in the spring.").Title);

    [Theory]
    [InlineData("Port talks\n\nAsistieron la directora del museo del puerto, la Lic. Irene Cabrera, y los estibadores de la liga.", "Irene Cabrera")]
    [InlineData("Port talks\n\nParticipó el Asesor de Política Portuaria del Ministerio, Mijail Bonito, en la reunión de la liga.", "Mijail Bonito")]
    [InlineData("Port talks\n\nLa Conferencia Magistral Tobias McWendt abrió la reunión de la liga portuaria en Valdora.", "Tobias McWendt")]
    public void Latin_american_honorifics_and_posts_introduce_a_person(string text, string name) =>
        Assert.Contains(name, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_well_known_person_written_without_accents_or_middle_names_on_the_same_page_is_one_person()
    {
        var document = Analyse("Port talks\n\nThe Secretary-General, Antonio Guterres, opened the meeting. Director General William Swing thanked him. “We keep the ports open,” said António Guterres. Director General William Lacy Swing closed it.");

        Assert.Equal(["António Guterres", "William Lacy Swing"], document.People.Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("Port talks\n\nKarina Holmberg spoke to the dockers. In Harbourland’s capital Addis Ababa, the new harbour master is expected to meet the league.")]
    [InlineData("Port talks\n\nKarina Holmberg spoke to the dockers. It says the editorial in today’s publication of the Trinidad Express states that the dockers were left out.")]
    [InlineData("Port talks\n\nKarina Holmberg dijo que la liga y la Oficina para América del Sur del Alto Comisionado hablaron con los estibadores.")]
    public void Cities_regions_and_outlets_are_no_people(string text) =>
        Assert.Equal(["Karina Holmberg"], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nDans son allocution d’ouverture, Karina Holmberg, officier des droits des dockers à la ligue, a salué les ports.", "Karina Holmberg")]
    [InlineData("Port talks\n\nD’après Tobias McWendt, chargé de bureau à la ligue portuaire, les quais resteront ouverts.", "Tobias McWendt")]
    public void A_post_after_the_name_makes_it_a_person_and_an_opening_according_to_is_no_part_of_it(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_known_name_of_one_word_written_small_is_a_common_word() =>
        Assert.Empty(Analyse("Port talks\n\nEl primer ministro belga Tobias McWendt dijo que la jornada de trabajo en el puerto fue larga.").Organisations);

    [Theory]
    [InlineData("L’assemblée générale des Nations-Unies a adopté le pacte des ports.", "United Nations General Assembly")]
    [InlineData("O relatório da Organização das Nações Unidas sobre os portos foi publicado.", "United Nations")]
    [InlineData("The secretariat was praised by the CARICOM Secretariat and the World Economic Forum.", "CARICOM Secretariat")]
    public void Bodies_written_with_a_hyphen_in_portuguese_or_by_their_secretariat_are_known(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Fact]
    public void An_acronym_that_is_also_a_word_counts_alone_among_words_written_small_but_not_in_capitals()
    {
        Assert.Contains("World Health Organization", Analyse("Port talks\n\nTo understand the health of dockers, WHO and a research group asked the port towns.").Organisations.Select(o => o.Name));
        Assert.Empty(Analyse("Port talks\n\nWHO WE ARE\n\nThe port league keeps the quays open to every docker in the towns.").Organisations);
    }

    [Theory]
    [InlineData("The Committee on the Rights of the Child heard the dockers' children in Valdora.", "Committee on the Rights of the Child")]
    [InlineData("Le COMESA et la CEEAC ont reçu les dockers du port de Valdora.", "Economic Community of Central African States")]
    public void Treaty_bodies_and_regional_communities_are_known(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Le rapport de l’Organisation des Nations unies pour l’alimentation et l’agriculture sur les ports a été publié.", "Food and Agriculture Organization of the United Nations")]
    [InlineData("El informe del Consejo de Derechos Humanos de las Naciones Unidas sobre los puertos fue publicado.", "Human Rights Council")]
    [InlineData("The International Labour Office published its report on dockers.", "International Labour Organization")]
    public void Un_bodies_are_known_by_their_french_and_spanish_names_and_their_secretariats(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The International Organization for Migration (IOM/UN Migration) met the dockers of Valdora.")]
    [InlineData("La Organización Internacional para las Migraciones (OIM/ONU Migración) recibió a los estibadores de Valdora.")]
    [InlineData("The port league and the Economic Commission for Africa (ECA-UN) met the dockers of Valdora.")]
    public void A_tagline_or_an_acronym_joined_to_another_names_no_united_nations(string text) =>
        Assert.DoesNotContain("United Nations", Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("IOM, the UN Migration Agency, met the dockers of Valdora.", "International Organization for Migration")]
    [InlineData("The UN Migration Network met the dockers of Valdora, and the UN Secretary-General spoke.", "United Nations")]
    public void A_longer_name_that_opens_with_the_tagline_is_still_found(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_body_named_only_in_its_heads_title_is_no_organisation_of_the_page_but_still_places_the_person()
    {
        var page = Analyse("Port talks\n\nThe dockers met the former UN High Commissioner for Refugees Karina Holmberg in Valdora.");
        Assert.Empty(page.Organisations);
        Assert.Equal("Office of the United Nations High Commissioner for Refugees", Assert.Single(page.People).Organisation);
    }

    [Theory]
    [InlineData("The dockers met the Office of the UN High Commissioner for Refugees in Valdora.")]
    [InlineData("Los estibadores se reunieron con la Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados en Valdora.")]
    public void The_office_of_a_high_commissioner_is_the_body(string text) =>
        Assert.Equal(["Office of the United Nations High Commissioner for Refugees"], Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The port league welcomed sixty members to our General Assembly in Valdora.")]
    [InlineData("La liga portuaria celebrará una asamblea general con los estibadores en Valdora.")]
    public void Our_assembly_or_an_assembly_is_not_the_general_assembly(string text) =>
        Assert.DoesNotContain("United Nations General Assembly", Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The President of the General Assembly of United Nations spoke to the dockers.")]
    [InlineData("La Asamblea General de la Naciones Unidas recibió a los estibadores.")]
    public void The_general_assembly_is_known_when_an_article_is_missing_or_mismatched(string text) =>
        Assert.Equal(["United Nations General Assembly"], Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The dockers were received by the Permanent Mission of Valdora to the United Nations on Monday.", "Permanent Mission of Valdora to the United Nations")]
    [InlineData("Los estibadores fueron recibidos por la Misión Permanente de Valdora ante las Naciones Unidas el lunes.", "Misión Permanente de Valdora ante las Naciones Unidas")]
    [InlineData("The Valdora Mission to the United Nations and Other International Organizations in Geneva hosted the dockers.", "Valdora Mission to the United Nations and Other International Organizations in Geneva")]
    public void A_missions_name_includes_the_body_it_is_accredited_to(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("El acuerdo con el Instituto de los Estibadores en el Exterior fue firmado ayer.", "Instituto de los Estibadores en el Exterior")]
    [InlineData("El acuerdo con el Instituto Nacional de Puertos e Informática fue firmado ayer.", "Instituto Nacional de Puertos e Informática")]
    [InlineData("El acuerdo con la Asociación Portuaria de Integración en Montevideo fue firmado ayer.", "Asociación Portuaria de Integración")]
    [InlineData("El director de Estibadores Peruanos en el Exterior y Asuntos Consulares de Ministerio de Relaciones Exteriores del Perú firmó ayer.", "Ministerio de Relaciones Exteriores del Perú")]
    public void Spanish_names_run_on_through_en_el_and_e_but_stop_before_the_city_they_sit_in(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The report was funded by the U.S. Department of Harbours last year.", "U.S. Department of Harbours")]
    [InlineData("La conférence s’est tenue à l’Université Mohammed V de Valdora ce lundi.", "Université Mohammed V de Valdora")]
    [InlineData("Prise de position sur les ports.Alliance Internationale des Dockers", "Alliance Internationale des Dockers")]
    public void A_name_may_open_with_dotted_initials_and_hold_a_roman_numeral(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("The dockers thanked the European Union Harbour Office for its support in Valdora.", "European Union Harbour Office")]
    [InlineData("The dockers thanked the World Economic Forum Harbour Committee for its support in Valdora.", "World Economic Forum Harbour Committee")]
    public void A_known_name_followed_by_a_head_word_of_its_own_names_another_body(string text, string body) =>
        Assert.Equal([body], Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Fact]
    public void A_known_name_joined_by_and_to_a_new_body_stays_itself() =>
        Assert.Contains("International Organization for Migration", Analyse("Port talks\n\nThe International Organization for Migration and Harbour Platform for Dockers met in Valdora.").Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("El informe fue elaborado por El Colegio de Valdora y la liga portuaria.", "El Colegio de Valdora")]
    [InlineData("The Harbour College of Valdora wrote the report.", "Harbour College of Valdora")]
    public void A_spanish_article_capitalised_in_mid_sentence_belongs_to_the_name(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Stakeholders from Civil Society Organizations and the port towns met in Valdora.")]
    [InlineData("Participaron los puertos y la Secretaría Técnica a cargo de la liga en Valdora.")]
    public void Civil_society_at_large_and_a_technical_secretariat_are_no_named_bodies(string text) =>
        Assert.Empty(Analyse("Port talks\n\n" + text).Organisations);

    [Theory]
    [InlineData("Statement of H. E. Dr. A.K. Karim Benali, Ambassador of Valdora, on the ports.", "A.K. Karim Benali")]
    [InlineData("Minister of Ports Prof. G.L. Benali said the quays will stay open.", "G.L. Benali")]
    [InlineData("L’Ambassadeur de Valdora M. Karim Benali a dit que les quais restent ouverts.", "Karim Benali")]
    public void Dotted_initials_after_a_title_open_the_name_but_a_lone_french_m_does_not(string text, string name) =>
        Assert.Equal([name], Analyse("Port talks\n\n" + text).People.Select(p => p.Name));

    [Fact]
    public void A_well_known_person_called_by_the_surname_alone_is_named_as_the_text_names_them() =>
        Assert.Equal(["Guterres"], Analyse("Port talks\n\nIn a message to the dockers, Secretary-General Guterres said the quays must stay open.").People.Select(p => p.Name));

    [Fact]
    public void The_surname_alone_before_the_full_name_is_one_person() =>
        Assert.Equal(["António Guterres"], Analyse("Port talks\n\nSecretary-General Guterres visited the port. Later, António Guterres told the dockers that the quays must stay open.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Dockers at the quay in Valdora. JANE ROE/AFP/Getty Images", "Getty Images")]
    [InlineData("Dockers at the quay in Valdora. Photo: Harbour League/Flickr CC BY 2.0", "Flickr")]
    [InlineData("The dockers board a plane as part of an E.U. relocation programme.", "European Union")]
    [InlineData("The U.S. Mission to the U.N. informed the league of its decision.", "U.S. Mission to the U.N.")]
    public void Photo_libraries_dotted_acronyms_and_a_mission_to_the_un_are_bodies(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("La N-VA a quitté le gouvernement après le vote sur les ports.", "New Flemish Alliance")]
    [InlineData("Le DFAE a été chargé de consulter les dockers.", "Swiss Federal Department of Foreign Affairs")]
    [InlineData("He told 2GB radio on Wednesday that the quays will stay open.", "2GB")]
    [InlineData("The Foreign Minister told BSS in the capital that the quays will stay open.", "Bangladesh Sangbad Sangstha")]
    public void Parties_departments_and_outlets_the_set_meets_are_known(string text, string body) =>
        Assert.Contains(body, Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Port talks\n\nIn a press note, Premier Karim Benali said the quays will stay open.", "Karim Benali")]
    [InlineData("Port talks\n\nAbout Karim Benali\n\nThe docker Karim Benali said the quays will stay open.", "Karim Benali")]
    public void A_premier_or_an_about_heading_is_no_part_of_the_name(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void Md_opening_a_name_belongs_to_it() =>
        Assert.Equal(["Md. Karim Benali"], Analyse("Port talks\n\nState Minister for Ports Md. Karim Benali said the quays will stay open.").People.Select(p => p.Name));

    [Theory]
    [InlineData("A study by MPI found that the quays of Valdora stayed open.", "Migration Policy Institute")]
    [InlineData("The U.S. House of Representatives voted on the ports bill.", "House of Representatives")]
    public void The_migration_policy_institute_by_its_acronym_and_the_us_house_are_known(string text, string body) =>
        Assert.Equal([body], Analyse("Port talks\n\n" + text).Organisations.Select(o => o.Name));

    [Theory]
    [InlineData("Port talks\n\nWe thank Ambassador Benali for his work on the quays.", "Benali")]
    [InlineData("Port talks\n\nLes dockers remercient Mme Holmberg, qui a présidé la réunion.", "Holmberg")]
    [InlineData("Ambassador Benali heads the harbour delegation\n\nThe delegation is led by the ambassador for ports, Karim Benali, who spoke on Monday.", "Karim Benali")]
    public void A_surname_after_a_personal_title_is_a_person_and_the_full_name_later_is_the_same_one(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe Ambassador Extraordinary of Valdora met the dockers.")]
    [InlineData("Port talks\n\nThank you, Mr. President, for giving the dockers the floor.")]
    public void A_title_after_a_title_is_no_surname(string text) =>
        Assert.Empty(Analyse(text).People);

    [Fact]
    public void A_quotation_in_single_marks_has_its_speaker_and_an_apostrophe_opens_none()
    {
        var quote = Assert.Single(Analyse("Port talks\n\n‘The dockers’ work is what keeps this harbour open to everyone,’ said Lena Ortiz. The city’s quays stay open.").Statements, s => s.Kind == "quote");
        Assert.Equal("Lena Ortiz", quote.Speaker);
        Assert.StartsWith("The dockers’ work", quote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Port talks\n\nLea también: Trump arremete contra los estibadores del puerto.", new[] { "Trump" })]
    [InlineData("Dockers Reject Trump Pick for Harbour Board\n\nThe board met on Monday.", new[] { "Trump" })]
    [InlineData("Port talks\n\nThe Trump administration withdrew from the ports agreement.", new string[0])]
    public void Some_well_known_surnames_name_their_person_anywhere_but_not_a_government(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nC’est ce que confirme Lena Ortiz, directrice du port, en ces termes : « Nous voulons un port ouvert à tous ceux qui arrivent ».")]
    [InlineData("Port talks\n\nAl respecto, señaló la directora Lena Ortiz: “Queremos un puerto abierto a todos los que llegan”.")]
    public void A_speaker_named_after_the_verb_before_a_colon_has_the_quote(string text) =>
        Assert.Equal("Lena Ortiz", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_quotation_under_a_headline_that_names_whose_statement_the_page_is_is_that_persons()
    {
        var document = Analyse("Statement by Lena Ortiz, Director of the Harbour Office\n\nVALLETTA, 3 May 2021 – “Today’s agreement is a milestone for every docker in the harbour.”\n\nThe agreement was signed by twelve ports.");
        Assert.Equal(["Lena Ortiz"], document.People.Select(p => p.Name));
        Assert.Equal("Lena Ortiz", Assert.Single(document.Statements, s => s.Kind == "quote").Speaker);
    }

    [Fact]
    public void Words_a_speaker_is_quoted_saying_twice_are_one_statement() =>
        Assert.Single(Analyse("Pacte portuaire\n\n« Chaque docker a le droit de travailler en sécurité », a déclaré Lena Ortiz, directrice du port.\n\nElle a parlé lundi devant le conseil. Selon elle, « chaque docker a le droit de travailler en sécurité ».").Statements, s => s.Kind == "quote");

    [Fact]
    public void A_role_after_words_the_text_writes_small_makes_no_name_in_a_headline() =>
        Assert.Empty(Analyse("Openness Keys to Cross-Border Harbour Rules, Port Director Tells Council\n\nThe rules on cross-border harbour traffic were discussed by the council on Monday.").People);

    [Theory]
    [InlineData("Port talks\n\nThe Minister for Ports and Harbour Safety Karim Benali has confirmed that the harbour safety rules stay.", "Karim Benali")]
    [InlineData("Port talks\n\nUndersecretary for Maritime Affairs and Dockers’ Rights Karim Benali opened the meeting.", "Karim Benali")]
    public void A_name_after_a_post_over_two_fields_is_a_person(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void Board_members_with_their_body_in_brackets_are_people() =>
        Assert.Equal(
            ["Karim Benali", "Jane Roe"],
            Analyse("Port Review 2021\n\nThe review is published twice a year by the harbour office in Valdora and read by dockers and shipping lines in twelve ports.\n\nEditorial Committee: Karim Benali (European Commission, Brussels) Jane Roe (World Bank, Washington)").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe Harbour Futures (World Bank) report looks at twelve ports.")]
    [InlineData("Port talks\n\nThe partners include the UN Framework Convention on Climate Change (UNFCCC) and the ports.")]
    public void A_work_cited_with_its_body_or_a_body_defining_its_acronym_is_no_person(string text) =>
        Assert.Empty(Analyse(text).People);

    [Fact]
    public void Names_listed_alone_after_a_colon_are_people() =>
        Assert.Equal(
            ["Karim Benali", "Jane Roe", "Ana Ruiz Vidal"],
            Analyse("Port talks\n\nThanks to the support of the Harbour Board: Karim Benali, Jane Roe, Ana Ruiz Vidal.").People.Select(p => p.Name));

    [Fact]
    public void Names_listed_between_semicolons_with_their_bodies_are_people() =>
        Assert.Equal(
            ["Karim Benali", "Jane Roe", "Ana Ruiz Vidal"],
            Analyse("Port talks\n\nWe thank our panellists Karim Benali, Harbour Diaspora Platform (HDP); Jane Roe, DOCKERS UNITED; Ana Ruiz Vidal, Port Youth Network.").People.Select(p => p.Name));

    [Fact]
    public void Themes_listed_after_a_colon_are_no_people() =>
        Assert.Empty(Analyse("Port talks\n\nThe talks covered three themes: Harbour Safety, Port Labour, Cargo Rules. The harbour safety and port labour themes came first, cargo rules last.").People);

    [Theory]
    [InlineData("Port talks\n\nAuthored By:\nKarim Benali\n\nThe ports of Valdora reopened on Monday after talks.")]
    [InlineData("Port talks\n\nAutores\n\nKarim Benali\n\nLos puertos de Valdora reabrieron el lunes.")]
    public void A_name_alone_under_an_authors_heading_is_a_person(string text) =>
        Assert.Equal(["Karim Benali"], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe harbour forum, presided by Karim Benali, opened on Monday.", new[] { "Karim Benali" })]
    [InlineData("Port talks\n\nLa rencontre, présidée par Karim Benali, s’est ouverte lundi.", new[] { "Karim Benali" })]
    [InlineData("Port talks\n\nThe forum was inaugurated by Greek Prime Minister Karim Benali on Monday.", new[] { "Karim Benali" })]
    [InlineData("Port talks\n\nThe director was interviewed by Valdora Television on Monday.", new string[0])]
    public void The_agent_of_a_participle_is_a_person_unless_a_post_or_a_broadcaster(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_quotation_under_a_line_naming_one_person_is_theirs() =>
        Assert.Equal("Lena Ortiz", Assert.Single(Analyse("Harbour Group Meets\n\nThe harbour group met on Monday in Valdora to agree its plan for the coming year, with twelve ports at the table.\n\nLena Ortiz, Coordinator for the Harbour, Port Office\n\n“Basically what we have now is the best group that comes together to support the ports.”").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_quotation_under_a_sentence_naming_someone_is_not_theirs_by_that_alone() =>
        Assert.DoesNotContain(Analyse("Port talks\n\nThe plan was drawn up in the office of Lena Ortiz.\n\n“Basically what we have now is the best group that comes together to support the ports.”").Statements, s => s.Kind == "quote");

    [Theory]
    [InlineData("Port talks\n\nLe directeur du port, Karim Benali, a raconté sa journée. Pour ce dernier, « le travail au port n’est pas toujours une bonne expérience ».")]
    [InlineData("Port talks\n\nThe docker Karim Benali told of his day at the port. For him, “work at the port is not always a good experience.”")]
    public void A_view_given_to_the_person_just_spoken_of_is_theirs(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_name_before_a_french_pluperfect_verb_of_speech_is_a_person() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nDans la ville, Karim Benali avait appelé en mai à rouvrir le port.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nKarim Benali opposes signing on to the harbour agreement.")]
    [InlineData("Port talks\n\nAu port, Karim Benali a salué le travail des dockers.")]
    [InlineData("Port talks\n\nEn el puerto, Karim Benali agradeció el trabajo de los estibadores.")]
    public void A_name_before_a_verb_of_stance_is_a_person(string text) =>
        Assert.Equal(["Karim Benali"], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nHe warned against “Valdora being in the same league as [Harbour Minister Karim] Benali and his dockers.”", "Karim Benali")]
    [InlineData("Port talks\n\n“I thank Ms. [Lena] Ortiz for her work on the quays,” the mayor said.", "Lena Ortiz")]
    [InlineData("Port talks\n\nLet me thank Ambassador [Regine] De Clerq of Valdora for her leadership of the port talks.", "Regine De Clerq")]
    public void A_first_name_an_editor_supplies_in_brackets_belongs_to_the_name(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_bracketed_note_closing_a_line_supplies_no_first_name() =>
        Assert.Empty(Analyse("Port talks\n\nMayor's press encounter in the harbour [with the docker Lena]\n\nGood morning everybody and welcome.").People);

    [Theory]
    [InlineData("The Harbour Board\n\nThe Harbour Board\n\nThe board sets the league's priorities each year, chooses the working groups and reports to the mayors on the state of the quays.", "The Harbour Board")]
    [InlineData("JOURNEE DES DOCKERS\n\nJOURNEE DES DOCKERS « QUELS PORTS POUR QUELS DOCKERS ? » 18 DECEMBRE 2017 AU VIEUX PORT.\n\n1. OUVERTURE", "JOURNEE DES DOCKERS")]
    public void With_no_other_headline_the_first_line_of_a_few_words_is_the_title(string text, string title) =>
        Assert.Equal(title, Analyse(text).Title);

    [Fact]
    public void A_quotation_opening_after_a_headline_in_capitals_starts_the_story_run_into_it() =>
        Assert.Equal(
            "PROMISING MUCH, DELIVERING LITTLE: DOCKERS AND THE HARBOUR LEAGUE AHEAD OF THE 2022 PORT GAMES",
            Analyse("PROMISING MUCH, DELIVERING LITTLE: DOCKERS AND THE HARBOUR LEAGUE AHEAD OF THE 2022 PORT GAMES “ My employer kept my papers, so the police can stop me at any time and I will be held. That is why I rarely leave the quay. I have worked here for six years and have never been paid on time, and my family at home has had to borrow money to live while I wait for my wages, which are always late and always short of what was promised.").Title);

    [Theory]
    [InlineData("Port talks\n\nThe league heard its Director of Docks, Ships and Cranes Karim Benali on the state of the quays.")]
    [InlineData("Statement from Harbour League Director of Data, Research and Policy Karim Benali\n\nVALLETTA, 10 May 2024 – “Today the ports agreed to share the cost of receiving people rescued at sea.”")]
    public void A_post_over_a_list_of_fields_titles_the_name_after_it(string text) =>
        Assert.Contains("Karim Benali", Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_quotation_with_a_bare_spanish_verb_after_it_is_said_by_the_body_opening_the_line_above()
    {
        var quote = Assert.Single(Analyse("Puertos abiertos\n\nLa Organización Internacional para las Migraciones (OIM) reiteró su apoyo a los estibadores del puerto viejo.\n“Los puertos deben seguir abiertos a todos los que llegan por mar”, sostuvo en un comunicado.").Statements, s => s.Kind == "quote");
        Assert.Null(quote.Speaker);
        Assert.Contains("Migration", quote.Organisation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Port talks\n\nThe mayor, Mr Karim Benali Senior Deputy Secretary of the league, opened the meeting.", "Karim Benali")]
    [InlineData("FORUM DES PORTS\n\nSEM Karim Benali, le Ministre des Ports, au Forum des Ports\n\nMesdames et Messieurs les Directeurs des Organisations Internationales,", "Karim Benali")]
    public void A_senior_post_a_plural_body_and_the_honorific_SEM_are_no_parts_of_a_name(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_particle_in_capitals_never_ends_a_name() =>
        Assert.Empty(Analyse("VALDORA SE RETIRA DEL PACTO DE LOS PUERTOS\n\nLa negativa de Valdora muestra una postura más dura hacia los estibadores del puerto viejo.").People);

    [Theory]
    [InlineData("Port talks\n\n- Par Karim Benali\n\nLa ligue s’est réunie samedi dans la vieille salle du port pour parler des dockers.")]
    [InlineData("Puertos abiertos\n\nAutoría | Karim Benali. Estudiante de Periodismo, Universidad del Puerto\n\nLa liga se reunió el sábado en la vieja sala del puerto.")]
    [InlineData("Delivered by Karim Benali\n\n08 July 2021\n\nDistinguished delegates, the league met today in the old port hall to speak of the dockers.")]
    public void A_bylines_author_is_a_person_after_a_dash_a_bar_or_a_speechs_delivered_by(string text)
    {
        var document = Analyse(text);
        Assert.Equal(["Karim Benali"], document.People.Select(p => p.Name));
        Assert.DoesNotContain("Karim", document.Title ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_headline_cut_before_its_byline_and_joined_to_its_next_line_is_read_without_failing() =>
        Assert.StartsWith(
            "Port Council statement of Valdora on the dockers",
            Analyse("Port Council statement of Valdora on the dockers written by Karim Benali Lopez Garcia Fernandez Ruiz\nat the General Debate of the Council on 28 November 2019\n\nThe league met today in the old port hall to speak of the dockers who work there day and night in all seasons of the year.").Title,
            StringComparison.Ordinal);

    [Fact]
    public void A_quotation_going_on_after_said_adding_that_is_one_statement() =>
        Assert.Single(Analyse("Port talks\n\n“Decisions on the quays need to be made on the basis of fact, not rumour,” said Karim Benali, adding that the port agreement “is a chance to change how the towns speak of the dockers.”").Statements, s => s.Kind == "quote");

    [Fact]
    public void A_school_is_a_body_and_the_honorific_after_its_name_opens_a_persons()
    {
        var document = Analyse("Port talks\n\nThe panel was joined by a Professor of Valdora School of Port Economics and Logistics Mr. Karim Benali.");
        Assert.Contains("Valdora School of Port Economics and Logistics", document.Organisations.Select(o => o.Name));
        Assert.Equal(["Karim Benali"], document.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData("Port talks\n\nThe plan was drawn up under the leadership of President Benali and Prime Minister Ortiz.", new[] { "Benali", "Ortiz" })]
    [InlineData("Port talks\n\nFelipe Ruiz Soler, Presidente Constitucional de Valdora, abrió el foro.", new[] { "Felipe Ruiz Soler" })]
    [InlineData("Port talks\n\nIn May, National Assembly Speaker Karim Benali led a delegation of members to the old port.", new[] { "Karim Benali" })]
    public void A_head_of_states_title_makes_a_surname_a_person_and_a_speaker_is_a_post(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_bloc_is_no_name() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nThe speakers were Mayor Karim Benali and the Representative of the Latin American Bloc.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nLe maire du port, Karim Benali, a ouvert la réunion.\n\n« Ces mesures devront apporter un atout à tous les dockers du vieux port », a-t-il aussi plaidé.")]
    [InlineData("Port talks\n\nLe maire du port, Karim Benali, a ouvert la réunion.\n\n« Ce processus gagnerait en maturité si les dockers étaient entendus », a-t-il prôné.")]
    public void A_french_inverted_verb_with_aussi_or_prone_attributes_the_quotation(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_particle_in_capitals_joins_a_surname_in_capitals_to_the_first_name() =>
        Assert.Equal("lena el morabet", Assert.Single(Analyse("Port talks\n\nWritten by Lena EL MORABET\n\n31 May 2022\n\nThe league met in the old port hall.").People).Name.ToLowerInvariant());

    [Fact]
    public void An_attache_and_an_administrator_are_posts() =>
        Assert.Equal(
            ["Lena Ortiz-Vidal", "Karim J. Benali"],
            Analyse("Port talks\n\nThe opening was led by Labor Attaché Lena Ortiz-Vidal, with greetings from the Philippine Overseas Dockers Administration (PODA) Administrator Karim J. Benali.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nI am joined by the Deputy Mayor of the port, Mr. Benali, and the head of the dockers, Ms. Ortiz.", new[] { "Benali", "Ortiz" })]
    [InlineData("Port talks\n\nWe thank Mr. KarimBenali for the talks on the quays.", new[] { "Karim Benali" })]
    public void A_surname_after_a_dotted_title_is_a_person_and_a_lost_space_is_put_back(string text, string[] names) =>
        Assert.Equal(names, Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_name_after_an_outlets_possessive_before_a_quotation_is_a_person() =>
        Assert.Equal(
            ["Karim Benali"],
            Analyse("Port talks\n\nTo quote the Harbour Post’s Karim Benali, “the very act of signing creates an expectation that the towns will act.”\n\nThe migrants waited at the Queen's Park Oval, Friday June 14th, 2019.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Puertos abiertos\n\nEl alcalde del puerto, Karim Benali, recuerda que “los estibadores no son tan solo trabajadores, sino vecinos de la ciudad”.")]
    [InlineData("Puertos abiertos\n\nEn su mensaje el alcalde Karim Benali manifiesta “una preocupación por los estibadores del puerto viejo y sus familias”.")]
    [InlineData("Port talks\n\nLe maire du port, Karim Benali, a ouvert la réunion.\n\n« Les dockers ne sont pas seuls dans le vieux port », lance-t-il.")]
    public void Present_tense_spanish_verbs_and_french_lance_attribute_the_quotation(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void Fm_for_foreign_minister_is_a_post() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nThe forum was attended by the Prime minister and FM Karim Benali, who brought together the port towns.").People.Select(p => p.Name));

    [Fact]
    public void A_document_sites_french_page_creator_line_names_a_person() =>
        Assert.Equal(["Karim Benali"], Analyse("CONSEIL DU PORT - PROJET DE RAPPORT\n\nLa page est créée Karim Benali\n\nCONTINUER À LIRE\n\nLe conseil s’est réuni dans la vieille salle du port.").People.Select(p => p.Name));

    [Fact]
    public void A_name_before_a_verb_of_speech_in_the_perfect_is_a_person() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nIt could be controversial – Karim Benali has announced that the league will support the plan.").People.Select(p => p.Name));

    [Fact]
    public void A_field_in_brackets_after_a_post_keeps_it_a_post() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nThe programme started with a reading conducted by Consul (Labour) Karim Benali in the conference room of the consulate.").People.Select(p => p.Name));

    [Fact]
    public void A_form_field_after_a_name_is_not_part_of_it() =>
        Assert.Equal(["Karim Benali"], Analyse("Port talks\n\nFrom the office of Minister Karim Benali Subject: the quays\n\nThe league met on Saturday.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe plan drawn up with Jacinda Ardern in mind reopened the quays.", "Jacinda Ardern")]
    [InlineData("Port talks\n\nThe plan drawn up for Benjamin Netanyahu in the spring reopened the quays.", "Benjamin Netanyahu")]
    public void Heads_of_government_of_the_compacts_debates_are_well_known_people(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nLa reunión está coordinada por el subsecretario de Gobernación Karim Benali, quien recibió a los alcaldes.")]
    [InlineData("Port talks\n\nThe meeting was opened by the Deputy Minister of Transportation Karim Benali, who welcomed the mayors.")]
    public void A_portfolio_between_a_post_and_a_name_is_not_part_of_the_name(string text) =>
        Assert.Equal(["Karim Benali"], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_byline_after_a_stamped_month_names_its_author() =>
        Assert.Equal(["Karim Benali"], Analyse(" date 2020-03 Par Karim Benali\n\nLes quais du vieux port\n\nLe conseil s’est réuni dans la vieille salle du port.").People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe President of the General Assembly of the United NationsKarim Benali said the quays reopen.")]
    [InlineData("Port talks\n\nWritten by Karim BenaliContributors: the harbour staff.\n\nThe league met on Saturday.")]
    public void A_word_glued_to_a_name_is_not_part_of_it(string text) =>
        Assert.Equal(["Karim Benali"], Analyse(text).People.Select(p => p.Name));

    [Theory]
    [InlineData("Port talks\n\nThe International Organization for Migration (IOM) reopened the quays on Monday.\n\n\"The dockers are not alone in the old port,\" the IOM statement said.")]
    [InlineData("Les quais\n\nL’Organisation internationale pour les migrations (OIM) a rouvert les quais lundi.\n\n« Les dockers ne sont pas seuls dans le vieux port », rappelle le communiqué.")]
    public void A_quotation_a_statement_says_is_the_body_last_named(string text) =>
        Assert.NotNull(Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Organisation);

    [Theory]
    [InlineData("Port talks\n\nThe mayor of the port, Karim Benali, applauded that “the quays have shown they can carry the whole town”.")]
    [InlineData("Port talks\n\nEl alcalde del puerto, Karim Benali, calificó de «un día histórico para los estibadores del puerto» la reapertura de los muelles.")]
    [InlineData("Port talks\n\nLe maire du port, Karim Benali, a salué « un jour historique pour les dockers ».")]
    public void Praise_and_judgement_verbs_before_a_quotation_attribute_it(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_defensoria_is_a_body_not_a_person()
    {
        var document = Analyse("Los muelles\n\n“Los estibadores no están solos en el viejo puerto”, acotó la Defensoría del Pueblo.");
        Assert.Empty(document.People);
        Assert.Equal("Defensoría del Pueblo", Assert.Single(document.Statements, s => s.Kind == "quote").Organisation);
    }

    [Fact]
    public void A_bare_spanish_verb_after_a_quotation_goes_back_to_the_body_that_opened_the_story()
    {
        var quotes = Analyse("Los muelles\n\nERP. La Defensoría del Pueblo expresó su rechazo a las manifestaciones contra los estibadores.\n"
            + "Mediante un pronunciamiento, recordó la necesidad de adoptar medidas.\n"
            + "“Las decisiones adoptadas por los puertos evidencian la falta de una respuesta adecuada”, indicó.\n"
            + "Además, esas decisiones van contra la recomendación de la liga sobre el ingreso “para buscar trabajo en los muelles del puerto”, agregó.")
            .Statements.Where(s => s.Kind == "quote").ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Defensoría del Pueblo", q.Organisation));
    }

    [Fact]
    public void A_river_in_a_photo_caption_is_no_person() =>
        Assert.Equal(["Karim Benali", "Ana Ruiz"], Analyse("Dockers attempt to cross the Rio Grande from Ciudad Juarez, on February 29, 2024. Mayor Karim Benali and former Mayor Ana Ruiz both visited the quays today. PORTPHOTO / AFP\n\nPort news\n\nThe league met on Saturday.").People.Select(p => p.Name));

    [Fact]
    public void Ioms_missing_migrants_project_is_a_project_not_a_body() =>
        Assert.DoesNotContain("Missing Migrants Project", Analyse("Port talks\n\nAt least 60 dockers went missing at sea this year, according to the Missing Migrants Project of the International Organization for Migration.").Organisations.Select(o => o.Name));

    [Fact]
    public void A_headline_the_next_line_repeats_before_its_story_is_the_title() =>
        Assert.Equal("La Journée internationale des dockers célébrée au vieux port", Analyse(
            "Société\n\nVieux Port-Société- Journée internationale des Dockers\n\nLa Journée internationale des dockers célébrée au vieux port\n\n"
            + "La Journée internationale des dockers célébrée au vieux port La célébration de la Journée internationale des dockers a été marquée, ce mercredi 18 décembre 2024 au vieux port, par un panel.\nVieux Port, 18 décembre 2024 – La ligue portuaire a réuni les dockers.").Title);

    [Fact]
    public void Mentioned_is_a_verb_of_speech() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Port talks\n\nThe mayor of the port, Karim Benali, mentioned in his speech that the dockers bring their “knowledge, networks and skills to build a stronger port”.").Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Port talks\n\nThe mayor of the port, Karim Benali, reaffirmed that “the quays will stay open to every docker in town”.")]
    [InlineData("Los muelles\n\nEl alcalde del puerto, Karim Benali, reafirmó que “los muelles seguirán abiertos para todos los estibadores”.")]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a réaffirmé que « les quais resteront ouverts à tous les dockers de la ville ».")]
    public void Reaffirming_is_speaking(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Port talks\n\nThe launch event included a keynote speech by Baroness Ana Ruiz. The league met on Saturday.", "Ana Ruiz")]
    [InlineData("Port talks\n\nAlso Read: Mayor meets Harbour Gov-Gen Karim Benali; discusses the quays\n\nThe league met on Saturday.", "Karim Benali")]
    [InlineData("Port talks\n\nConsul General Israt Ara, consulate officers and dockers were present at the quays.", "Israt Ara")]
    [InlineData("Port talks\n\nDockers are vital to the town’s economy. — Picture by Karim Benali\n\nThe league met on Saturday.", "Karim Benali")]
    public void Peers_governors_general_consuls_general_and_picture_credits_name_people(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_regnal_number_keeps_its_capitals_and_venerable_is_a_title() =>
        Assert.Equal(["Pope Pius XII"], Analyse("Port talks\n\nThe harbour commission was founded in 1951 by Venerable Pope Pius XII in order to form a network among the port towns.").People.Select(p => p.Name));

    [Fact]
    public void Names_listed_before_a_known_person_are_people() =>
        Assert.Equal(
            ["Ana Ruiz Vidal", "Karim Benali", "Theo Francken"],
            Analyse("Les quais\n\nCe dimanche, le maire a accepté la démission de Karim Benali, Ana Ruiz Vidal et Theo Francken, qui quittent la ligue portuaire.").People.Select(p => p.Name).Order());

    [Fact]
    public void A_post_before_a_name_is_no_list_of_names() =>
        Assert.Equal(["Ana Ruiz"], Analyse("Los muelles\n\nSobre este tema, la Directora General de Organismos y Conferencias Internacionales, Ana Ruiz, reveló que los puertos valoraron los aportes.").People.Select(p => p.Name));

    [Fact]
    public void A_full_name_whose_surname_an_honorific_takes_up_later_is_a_person() =>
        Assert.Equal(["Karim Benali"], Analyse("Les quais\n\nLe port de la ville, Karim Benali, a magnifié, lundi, l’engagement des dockers.\n\nDe ce point de vue, M. Benali a insisté sur la réouverture des quais.").People.Select(p => p.Name));

    [Fact]
    public void A_surname_after_a_title_may_be_followed_by_its_country_in_brackets() =>
        Assert.Equal(["Benali"], Analyse("REPORT ON THE SESSION OF THE HARBOUR COUNCIL\n\nRapporteur: Mr. Benali (Japan)\n\nThe league met on Saturday and heard the reports of its members.").People.Select(p => p.Name));

    [Fact]
    public void An_abbreviated_month_does_not_end_the_sentence_that_hands_over_the_floor() =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse("Port talks\n\nThe mayor of the port, Karim Benali, opened the quays on Nov. 20.\n\nBenali told the harbour radio on Nov. 21: “I would never allow anything to close our quays again.”").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_quotation_standing_as_a_sentence_after_a_speaker_is_that_speakers_next_statement() =>
        Assert.Equal(
            ["Ana Ruiz", "Ana Ruiz"],
            Analyse("Los muelles\n\nLa ministra Ana Ruiz inauguró la feria del puerto. “Nuestra ciudad reitera su compromiso con los estibadores”, aseguró la ministra.\n\nLa ministra defendió la política de muelles abiertos de la ciudad. “Esta experiencia se ha convertido en un referente para toda la región”.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));

    [Fact]
    public void A_quotation_after_someone_else_is_named_is_not_the_last_speakers() =>
        Assert.Equal(
            ["Ana Ruiz"],
            Analyse("Los muelles\n\nLa ministra Ana Ruiz inauguró la feria del puerto. “Nuestra ciudad reitera su compromiso con los estibadores”, aseguró la ministra.\n\nEl ministro Karim Benali llegó al muelle con su familia. “Esta experiencia se ha convertido en un referente para toda la región”.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));

    [Theory]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a déclaré dimanche que la ville tiendra parole.\n\n« Les quais resteront ouverts à tous les dockers de la ville », commence-t-il.")]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a déclaré dimanche que la ville tiendra parole.\n\n« Les quais resteront-ils ouverts à tous les dockers de la ville ? » s’interroge-t-il.")]
    public void A_french_incise_with_its_pronoun_after_the_verb_gives_the_floor_whatever_the_verb(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_french_question_after_a_quoted_name_is_no_incise() =>
        Assert.DoesNotContain(Analyse("Les quais\n\nLe maire du port, Karim Benali, a déclaré dimanche que la ville tiendra parole.\n\nLe « Pacte des quais ouverts pour tous les dockers de la ville » sera-t-il signé lundi ?").Statements, s => s.Kind == "quote");

    [Theory]
    [InlineData(null)]
    [InlineData("https://harbour.example.org/post/harbour-workers-day-2021")]
    public void A_short_headline_printed_again_with_its_author_and_day_run_on_is_the_headline_and_dates_the_page(string? url)
    {
        var document = Analyse(
            "top of page\n\nNews Archives\n\nHarbour Workers Day 2021\n\nHarbour Workers Day 2021 Harbour League December 18, 2021\n\n"
            + "The dockers of the town met on the quays to mark the day, and the league asked the mayor to keep every quay open to them all year.",
            url);
        Assert.Equal("Harbour Workers Day 2021", document.Title);
        Assert.Equal(Day("2021-12-18"), document.PublishedOn);
    }

    [Fact]
    public void A_quotation_closing_its_paragraph_over_a_name_and_post_is_signed_by_that_person() =>
        Assert.Equal(
            "Karim Benali",
            Assert.Single(Analyse("Port news – « Le port est un pionnier de l’accueil des dockers et garde ses quais ouverts à tous ceux qui arrivent ».\n\nKarim Benali, Président de la Ligue des ports\n\nLa ligue s’est réunie samedi.").Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void A_name_with_a_place_under_a_quotation_is_the_storys_byline() =>
        Assert.DoesNotContain(
            Analyse("“I am glad that the port has kept its quays open to the dockers of every town this year…”\n\nKarim Benali, Abuja\n\nThe league met on Saturday in the port, as Mr. Benali reports from the quays.").Statements,
            s => s.Kind == "quote" && s.Speaker == "Karim Benali");

    [Theory]
    [InlineData("Port talks\n\nOn Dockers Day, the mayor of the port, Dr. Karim Benali, invites the town to “value what the dockers give us and what we give them in return.”")]
    [InlineData("Port talks\n\nOn Dockers Day, the mayor of the port, Dr. Karim Benali, urges the town to “value what the dockers give us and what we give them in return.”")]
    [InlineData("Los muelles\n\nEn el Día del Estibador, el alcalde del puerto, Karim Benali, instó a la ciudad a “valorar lo que los estibadores nos dan y lo que les damos”.")]
    [InlineData("Les quais\n\nPour la Journée des dockers, le maire du port, Karim Benali, a exhorté la ville à « apprécier ce que les dockers nous donnent et ce que nous leur rendons ».")]
    public void Urging_and_inviting_lead_into_the_words_quoted(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a également souligné que « les quais resteront ouverts à tous les dockers de la ville ».")]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a déclaré dimanche que la ville tiendra parole.\n\nLe maire a par ailleurs mis en exergue « la convergence des quais avec le programme des dockers de la ville » sur la question.")]
    public void A_french_adverb_between_auxiliary_and_participle_keeps_the_verb_of_speech(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Theory]
    [InlineData("Los muelles\n\nEn este contexto Juan Pablo Luque, del programa Moldeando los Muelles (MLM Colombia), subrayó el rol de los estibadores.", "Juan Pablo Luque")]
    [InlineData("Les quais\n\nDans ce contexte, Karim Benali, du réseau Dockers sans Frontières, a souligné le rôle des dockers.", "Karim Benali")]
    public void A_name_followed_by_the_body_it_is_from_with_a_word_written_small_before_its_name_is_a_person(string text, string name) =>
        Assert.Equal([name], Analyse(text).People.Select(p => p.Name));

    [Fact]
    public void A_headline_in_title_case_may_end_with_a_full_stop() =>
        Assert.Equal(
            "The Harbour Dockers Programme Supports Fair and Inclusive Recruitment Frameworks in the Region",
            Analyse("The Harbour Dockers Programme Supports Fair and Inclusive Recruitment Frameworks in the Region.\n\nDate:\n\n[Joint Press Statement]\nDockers Day | 18 December 2022\n\nLeague and Port Joint Press Statemen\n\n"
                    + "Harbourtown — On this Dockers Day, the town lauds the work of the dockers who keep its quays open, and the league asks every port to recruit them fairly.").Title);

    [Fact]
    public void A_curly_quotation_closed_by_a_single_mark_before_the_attributions_comma_ends_there() =>
        Assert.Equal(
            ["Dockers should be trusted and seen as partners of the port", "the port has been the first concern of the town for forty years"],
            Analyse("Port talks\n\nThe mayor of the port, Karim Benali, said on Sunday that the town will keep its word.\n\n“Dockers should be trusted and seen as partners of the port’, he added.\n\nHe emphasized that “the port has been the first concern of the town for forty years”.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Text));

    [Fact]
    public void A_quotation_mark_inside_the_next_paragraph_starts_a_new_quotation_rather_than_continuing_an_unclosed_one() =>
        Assert.Equal(
            ["the port has been the first concern of the town for forty years"],
            Analyse("Port talks\n\nThe league printed “Open Quays on its banner at the gate.\n\nThe mayor of the port, Karim Benali, stressed that “the port has been the first concern of the town for forty years”.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Text));

    [Theory]
    [InlineData("Port talks\n\nThe mayor of the port, Karim Benali, said: “This year will be remembered as the year the quays stayed open.” He added that in all, more than five thousand dockers had come to the town this year “in search of work and a better life”.")]
    [InlineData("Les quais\n\nLe maire du port, Karim Benali, a déclaré : « Cette année restera celle des quais ouverts. » Il a ajouté qu’au total, plus de cinq mille dockers étaient venus en ville cette année « en quête de travail et d’une vie meilleure ».")]
    public void A_quotation_closing_a_sentence_that_opens_on_a_verb_of_speech_and_that_is_the_speakers(string text) =>
        Assert.Equal(["Karim Benali", "Karim Benali"], Analyse(text).Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));

    [Fact]
    public void A_quotation_inside_a_reported_sentence_but_not_closing_it_is_left_alone() =>
        Assert.Equal(
            ["Karim Benali"],
            Analyse("Port talks\n\nThe mayor of the port, Karim Benali, said: “This year will be remembered as the year the quays stayed open.” He added that in all, more than five thousand dockers had come “in search of work and a better life” to the quays of the town this year.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Speaker));

    [Theory]
    [InlineData("Les quais\n\nLe Forum portuaire pour les droits économiques des dockers (FPDED) appelle à une mobilisation devant la mairie.", "Forum portuaire pour les droits économiques des dockers", "FPDED")]
    [InlineData("Les quais\n\nL’ASBL Coordination et initiatives pour dockers et étrangers (CIDÉ) va mener une action devant le port.", "Coordination et initiatives pour dockers et étrangers", "CIDÉ")]
    public void A_name_in_sentence_case_whose_words_spell_the_acronym_after_it_is_a_body(string text, string name, string acronym) =>
        Assert.Contains(Analyse(text).Organisations, o => o.Name == name && o.Acronym == acronym);

    [Fact]
    public void A_name_in_title_case_without_a_head_word_is_no_body_for_spelling_its_acronym() =>
        Assert.Empty(Analyse("Port talks\n\nThe town marks Harbour Workers Day (HWD) on Sunday with a walk along the quays.").Organisations);

    [Theory]
    [InlineData("Port talks\n\nThe mayor of the port, Karim Benali, said on Sunday that the town will keep its word.\n\n“We view some of the points in this plan very critically,” the Harbour Wire reported the mayor as saying.")]
    [InlineData("Port talks\n\n“We view some of the points in this plan very critically,” the Harbour Wire quoted Mayor Karim Benali as saying.")]
    public void The_one_an_outlet_quotes_as_saying_is_the_speaker(string text) =>
        Assert.Equal("Karim Benali", Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Speaker);

    [Fact]
    public void Four_words_quoted_and_attributed_are_a_statement_and_three_are_not() =>
        Assert.Equal(
            ["the quays stay open"],
            Analyse("Port talks\n\nThe mayor of the port, Karim Benali, said on Sunday: “the quays stay open”.\n\nHe added that the dockers were “welcome, always welcome”.")
                .Statements.Where(s => s.Kind == "quote").Select(s => s.Text));

    [Theory]
    [InlineData("Les quais\n\nLe Réseau des Dockers du Port (RDP) manifeste vendredi devant la mairie. « Ces droits ne sont pas appliqués de la même façon pour tous les dockers », regrette l’association.", "Réseau des Dockers du Port")]
    [InlineData("Port talks\n\nThe Harbour Dockers Network (HDN) met on Friday at the town hall. “These rights are not applied in the same way to every docker,” the NGO said.", "Harbour Dockers Network")]
    public void A_body_called_by_what_it_is_after_its_quotation_is_the_body_last_named(string text, string body) =>
        Assert.Equal(body, Assert.Single(Analyse(text).Statements, s => s.Kind == "quote").Organisation);
}
