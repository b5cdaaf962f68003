using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>One statement as a feed entry: who said it where, when it last changed, and a short HTML summary.</summary>
public sealed record AtomEntry(
    string StatementId, DateTimeOffset Updated, DateOnly? Date, string? Speaker, string? Organisation, string? Event,
    string? DocumentTitle, string? SourceUrl, string SummaryHtml);

/// <summary>
/// Writes statements as an Atom 1.0 feed (RFC 4287) that strict readers accept: UTF-8 throughout, ids and links
/// under the gateway's public address, an author on every entry, and "updated" taken from the newest entry so the
/// same statements give the same feed. Each entry's content is the statement itself, out of line: the catalogue's
/// JSON of it, the same JSON every other channel sends. Search's query feeds and a subscription's feed both use it.
/// </summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Publisher = "IdmPlatform";
    private const string MediaType = "application/atom+xml; charset=utf-8";

    /// <summary>The feed as the answer to this request: behind the gateway, scheme and host are the gateway's (forwarded headers), so ids and links are public ones.</summary>
    public static IResult Result(HttpRequest request, string title, IReadOnlyList<AtomEntry> entries)
    {
        var publicBase = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var self = new Uri(publicBase, $"{request.Path.Value!.TrimStart('/')}{request.QueryString}");
        return Results.Bytes(Write(title, self, publicBase, entries), MediaType);
    }

    public static byte[] Write(string title, Uri self, Uri publicBase, IReadOnlyList<AtomEntry> entries)
    {
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, self.AbsoluteUri);
            xml.WriteElementString("title", Atom, XmlText(title));
            xml.WriteElementString("updated", Atom, Timestamp(entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(e => e.Updated)));
            WriteAuthor(xml, Publisher);
            WriteLink(xml, "self", self.AbsoluteUri, "application/atom+xml");
            foreach (var entry in entries)
            {
                var statement = new Uri(publicBase, $"api/catalogue/statements/{Uri.EscapeDataString(entry.StatementId)}").AbsoluteUri;
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, statement);
                xml.WriteElementString("title", Atom, XmlText(EntryTitle(entry)));
                xml.WriteElementString("updated", Atom, Timestamp(entry.Updated));
                if (entry.Date is { } date)
                {
                    xml.WriteElementString("published", Atom, Timestamp(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                }

                WriteAuthor(xml, entry.Speaker ?? entry.Organisation ?? Publisher);
                WriteLink(xml, "alternate", statement, "application/json");
                if (entry.SourceUrl is not null && Uri.TryCreate(entry.SourceUrl, UriKind.Absolute, out var source))
                {
                    WriteLink(xml, "related", source.AbsoluteUri, null);
                }

                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlText(entry.SummaryHtml));
                xml.WriteEndElement();
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "application/json");
                xml.WriteAttributeString("src", statement);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static string EntryTitle(AtomEntry entry) =>
        entry.Speaker is null ? entry.DocumentTitle ?? entry.StatementId : $"{entry.Speaker}{(entry.Event is null ? string.Empty : $" at {entry.Event}")}";

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text with each character XML 1.0 cannot hold (a control character such as a PDF's form feed or a query's
    /// %01, a lone surrogate) replaced by a space: the writer refuses them, and would fail the whole feed for one.
    /// </summary>
    private static string XmlText(string text)
    {
        StringBuilder? written = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                written?.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                written?.Append(text, i, 2);
                i++;
            }
            else
            {
                (written ??= new StringBuilder(text.Length).Append(text, 0, i)).Append(' ');
            }
        }

        return written?.ToString() ?? text;
    }

    private static void WriteAuthor(XmlWriter xml, string name)
    {
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, XmlText(name));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string relation, string href, string? type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("href", XmlText(href));
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteEndElement();
    }
}
