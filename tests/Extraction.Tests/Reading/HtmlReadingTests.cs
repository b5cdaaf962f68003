using System.Text;
using IdmPlatform.Ingestion.Extraction.Reading;
using static IdmPlatform.Extraction.Tests.Reading.TestDocuments;

namespace IdmPlatform.Extraction.Tests.Reading;

/// <summary>Web pages as they are published: the statement surrounded by a site's furniture, in three languages.</summary>
public sealed class HtmlReadingTests
{
    private const string EnglishPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Harbour towns pledge safer routes – Coastal Mobility Forum</title>
          <meta property="og:title" content="Harbour towns pledge safer routes">
          <meta property="article:published_time" content="2023-05-17T09:30:00+02:00">
          <script>var tracking = "Leave a Reply";</script>
        </head>
        <body>
          <header class="site-header"><a href="/">Coastal Mobility Forum</a></header>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li></ul></nav>
          <div id="cookie-notice">We use cookies to improve your visit. <button>Accept all cookies</button></div>
          <div class="gtranslate_wrapper">Translate »</div>
          <main>
            <article>
              <h1>Harbour towns pledge safer routes</h1>
              <p>Mayors of twelve harbour towns met in Valletta on Tuesday to compare how they receive people arriving by sea.</p>
              <p>“No town can do this alone,” said Mayor Petra Lindqvist, who chaired the meeting. “We share the sea, so we share the work.”</p>
              <h2>What they agreed</h2>
              <ul>
                <li>A common <a href="/reception">reception</a> standard by next spring;</li>
                <li>Joint training for   harbour staff;</li>
              </ul>
              <ol start="3"><li>Third point</li><li>Fourth point</li></ol>
              <p>Categories: Cities, Sea arrivals</p>
              <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><a href="#">Twitter</a> <a href="#">Facebook</a></div>
              <div id="comments" class="comments-area">
                <h3 id="reply-title">Leave a Reply</h3>
                <form><p>Your email address will not be published.</p><textarea></textarea></form>
              </div>
            </article>
          </main>
          <aside><h2>Popular posts</h2><p>Something unrelated</p></aside>
          <footer><p>© Coastal Mobility Forum</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void An_English_page_keeps_its_article_and_loses_the_furniture()
    {
        var read = Read(EnglishPage, "text/html");

        Assert.Equal("""
            Harbour towns pledge safer routes

            Mayors of twelve harbour towns met in Valletta on Tuesday to compare how they receive people arriving by sea.

            “No town can do this alone,” said Mayor Petra Lindqvist, who chaired the meeting. “We share the sea, so we share the work.”

            What they agreed

            - A common reception standard by next spring;
            - Joint training for harbour staff;

            3. Third point
            4. Fourth point
            """.ReplaceLineEndings("\n"), read.Text);
        Assert.Equal("Harbour towns pledge safer routes – Coastal Mobility Forum", read.Title);
        Assert.Equal(new DateOnly(2023, 5, 17), read.PublishedOn);
        Assert.Equal("en", read.Language);
    }

    [Fact]
    public void A_French_page_keeps_its_guillemets_and_its_date_from_time()
    {
        var page = """
            <html lang="fr-FR"><head><meta property="og:title" content="Les villes portuaires s’engagent"></head>
            <body>
              <nav role="navigation"><a href="/">Accueil</a> › <a href="/actualites">Actualités</a></nav>
              <article>
                <time class="entry-date published" datetime="2022-11-08T10:00:00+01:00">8 novembre 2022</time>
                <p>« Aucune ville ne peut y arriver seule », a déclaré la maire Hélène Marchetti à l’ouverture de la réunion.</p>
                <p>Les participants ont adopté   trois recommandations&nbsp;: former, accueillir, informer.</p>
                <div class="social-share"><span>Partager</span> <a>Facebook</a></div>
                <p>Catégories : Villes</p>
              </article>
              <section class="comment-respond"><h3>Laisser un commentaire</h3></section>
            </body></html>
            """;

        var read = Read(page, "text/html; charset=utf-8");

        // The visible date stays in the text: it is the article's own words, and the analysis stage reads dates there too.
        Assert.Equal(
            "8 novembre 2022\n\n« Aucune ville ne peut y arriver seule », a déclaré la maire Hélène Marchetti à l’ouverture de la réunion.\n\n"
            + "Les participants ont adopté trois recommandations : former, accueillir, informer.",
            read.Text);
        Assert.Equal("Les villes portuaires s’engagent", read.Title);
        Assert.Equal(new DateOnly(2022, 11, 8), read.PublishedOn);
        Assert.Equal("fr", read.Language);
    }

    [Fact]
    public void A_Spanish_page_loses_its_comment_section_even_without_markup_hints()
    {
        var page = """
            <html lang="es"><head><title>Las ciudades costeras se comprometen</title><meta name="DC.Date" content="2021/03/02"></head>
            <body>
              <div class="menu"><a>Inicio</a> <a>Noticias</a></div>
              <h1>Las ciudades costeras se comprometen</h1>
              <p>«Ninguna ciudad puede hacerlo sola», afirmó la alcaldesa Lucía Ferrer durante la reunión.</p>
              <p>Compartir</p>
              <p>Deja una respuesta</p>
              <p>Tu dirección de correo electrónico no será publicada.</p>
            </body></html>
            """;

        var read = Read(page, "text/html");

        Assert.Equal("Las ciudades costeras se comprometen\n\n«Ninguna ciudad puede hacerlo sola», afirmó la alcaldesa Lucía Ferrer durante la reunión.", read.Text);
        Assert.Equal("Las ciudades costeras se comprometen", read.Title);
        Assert.Equal(new DateOnly(2021, 3, 2), read.PublishedOn);
        Assert.Equal("es", read.Language);
    }

    [Fact]
    public void Footnote_references_and_sections_become_markers_and_notes_at_the_end()
    {
        var page = """
            <html><body><main>
              <p>Nearly 9,000<sup>1</sup> people were counted, and more<a class="footnote-ref" href="#fn2"><sup>2</sup></a> since.</p>
              <section class="footnotes"><ol>
                <li id="fn1"><p>Harbour registry, 2022. <a class="footnote-back-ref" href="#fnref1">↩</a></p></li>
                <li id="fn2"><p>Estimate by the forum.</p></li>
              </ol></section>
              <p>The meeting closed at noon. It was the 18<sup>th</sup> of its kind.</p>
            </main></body></html>
            """;

        var read = Read(page, "text/html");

        Assert.Equal(
            "Nearly 9,000 [1] people were counted, and more [2] since.\n\nThe meeting closed at noon. It was the 18th of its kind.\n\n"
            + "[1] Harbour registry, 2022.\n\n[2] Estimate by the forum.",
            read.Text);
    }

    [Fact]
    public void A_Windows_1252_page_without_any_declaration_decodes_accents_and_curly_quotes()
    {
        // é, ñ, ç and the 1252 curly quotes 0x93/0x94, with neither a header charset nor a meta tag.
        var bytes = Concat("<html><body><p>"u8.ToArray(), [0x93], "Caf"u8.ToArray(), [0xE9], ", ni"u8.ToArray(), [0xF1], "o, gar"u8.ToArray(), [0xE7], "on"u8.ToArray(), [0x94],
            " said the guide.</p></body></html>"u8.ToArray());

        var read = ReadBytes(bytes, "text/html");

        Assert.Equal("“Café, niño, garçon” said the guide.", read.Text);
    }

    [Fact]
    public void A_page_declaring_its_charset_in_a_meta_tag_is_decoded_with_it()
    {
        var bytes = Concat("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>"u8.ToArray(),
            [0x93], "D"u8.ToArray(), [0xE9], "claration"u8.ToArray(), [0x94], "</p></body></html>"u8.ToArray());

        Assert.Equal("“Déclaration”", ReadBytes(bytes, "text/html").Text);
    }

    [Fact]
    public void An_ISO_8859_1_page_declared_in_the_content_type_decodes_correctly()
    {
        var text = "<html><body><p>Año de acción: la señora Núñez habló en Genève.</p></body></html>";
        var bytes = Encoding.Latin1.GetBytes(text);

        var read = ReadBytes(bytes, "text/html; charset=ISO-8859-1");

        Assert.Equal("Año de acción: la señora Núñez habló en Genève.", read.Text);
    }

    [Fact]
    public void A_UTF_8_page_is_read_as_UTF_8_without_a_declaration()
    {
        Assert.Equal("Genève, «ici»", ReadBytes(Encoding.UTF8.GetBytes("<p>Genève, «ici»</p>"), "text/html").Text);
    }

    private static ReadDocument ReadBytes(byte[] bytes, string contentType) => DocumentReader.Default.Read(bytes, contentType);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
