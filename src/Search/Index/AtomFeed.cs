using System.Text;
using System.Xml;

namespace IdmPlatform.Search.Index;

/// <summary>Writes search hits as an Atom 1.0 feed, so any feed reader can follow a query.</summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Write(string title, Uri self, IReadOnlyList<SearchHit> hits, DateTimeOffset updated)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("id", Atom, self.ToString());
            xml.WriteElementString("updated", Atom, updated.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", self.ToString());
            xml.WriteEndElement();
            foreach (var hit in hits)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"urn:idmplatform:statement:{hit.Id}");
                xml.WriteElementString("title", Atom, hit.Speaker is null ? hit.Title ?? hit.Id : $"{hit.Speaker.Name}{(hit.Event is null ? string.Empty : $" at {hit.Event.Name}")}");
                xml.WriteElementString("updated", Atom, (hit.Date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? updated.UtcDateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                if (hit.Speaker is not null)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, hit.Speaker.Name);
                    xml.WriteEndElement();
                }

                if (hit.Url is not null)
                {
                    xml.WriteStartElement("link", Atom);
                    xml.WriteAttributeString("href", hit.Url);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(hit.Snippet);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToString();
    }
}
