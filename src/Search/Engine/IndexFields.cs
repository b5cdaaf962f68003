using System.Text.Json;
using IdmPlatform.Contracts;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace IdmPlatform.Search.Engine;

/// <summary>What one searchable item (a statement or a whole document) is made of in the index.</summary>
public static class IndexFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Words = "words";
    public const string Content = "content";
    public const string Names = "names";
    public const string Date = "date";
    public const string Seen = "seen";
    public const string Stored = "stored";
    public const string Text = "text";

    /// <summary>Filterable and countable fields, by the name the API gives them.</summary>
    public static readonly IReadOnlyList<string> Facets = ["theme", "organisation", "person", "event", "gcm", "language", "year", "kind"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The day number of an undated item: below every date, so it sorts last.</summary>
    public const int Undated = int.MinValue;

    /// <summary>Days since 0001-01-01, the form dates are filtered and sorted in; undated items sort last.</summary>
    public static int DayNumber(DateOnly? date) => date?.DayNumber ?? Undated;

    public static Document ForStatement(TextAnalysis analysis, StatementView s, long seen)
    {
        var names = string.Join(" \n ", new[] { s.Speaker?.Name, s.Organisation?.Name, s.Organisation?.Acronym, s.Event?.Name }.OfType<string>());
        var document = Common(analysis, s.Id, "statement", s.Language, s.Text, names, s.Date, seen);
        Facet(document, "person", s.Speaker?.Slug);
        Facet(document, "organisation", s.Organisation?.Slug);
        Facet(document, "event", s.Event?.Slug);
        Facet(document, "kind", s.Kind);
        foreach (var theme in s.Themes.Distinct())
        {
            Facet(document, "theme", theme);
        }

        foreach (var objective in s.GcmObjectives.Distinct())
        {
            Facet(document, "gcm", objective.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var hit = new StoredHit("statement", s.Speaker is null ? null : new NamedRef(s.Speaker.Slug, s.Speaker.Name),
            s.Organisation is null ? null : new NamedRef(s.Organisation.Slug, s.Organisation.Name),
            s.Event is null ? null : new NamedRef(s.Event.Slug, s.Event.Name), s.Date, s.Document.Title, s.Document.SourceUrl, s.Language, seen);
        document.Add(new StoredField(Stored, JsonSerializer.SerializeToUtf8Bytes(hit, Json)));
        return document;
    }

    public static Document ForDocument(TextAnalysis analysis, DocumentView d, long seen)
    {
        var names = string.Join(" \n ", new[] { d.Title }.Concat(d.People.Select(p => p.Name)).Concat(d.Organisations.SelectMany(o => new[] { o.Name, o.Acronym }))
            .Concat(d.Events.Select(e => e.Name)).OfType<string>());
        var document = Common(analysis, d.Id, "document", d.Language, $"{d.Title}\n\n{d.Text}", names, d.PublishedOn, seen);
        Facet(document, "kind", d.Kind);
        foreach (var (facet, values) in new[]
                 {
                     ("person", d.People.Select(p => p.Slug)), ("organisation", d.Organisations.Select(o => o.Slug)), ("event", d.Events.Select(e => e.Slug)),
                     ("theme", d.Themes), ("gcm", d.GcmObjectives.Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                 })
        {
            foreach (var value in values.Distinct())
            {
                Facet(document, facet, value);
            }
        }

        var hit = new StoredHit("document", null, null, null, d.PublishedOn, d.Title, d.SourceUrl, d.Language, seen);
        document.Add(new StoredField(Stored, JsonSerializer.SerializeToUtf8Bytes(hit, Json)));
        return document;
    }

    public static StoredHit ReadHit(Document document) => JsonSerializer.Deserialize<StoredHit>(document.GetBinaryValue(Stored).Bytes, Json)!;

    private static Document Common(TextAnalysis analysis, string id, string type, string language, string text, string names, DateOnly? date, long seen)
    {
        var document = new Document
        {
            new StringField(Id, id, Field.Store.NO),
            new SortedDocValuesField(Id, new BytesRef(id)),
            new NumericDocValuesField(Type, type == "document" ? 1 : 0),
            // Every text's words as written, for look-alikes of a misspelt query word.
            new TextField(Words, text, Field.Store.NO),
            new TextField(Names, names, Field.Store.NO),
            new StoredField(Text, text),
            new NumericDocValuesField(Date, DayNumber(date)),
            new NumericDocValuesField(Seen, seen),
            // The text read in its own language (stemmed, or as plain words when the platform has no stemmer for it).
            new TextField(Content, analysis.For(language).GetTokenStream(Content, text)),
        };

        Facet(document, "language", language);
        if (date is { } day)
        {
            Facet(document, "year", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return document;
    }

    /// <summary>A value filtered on (an indexed term, for the selective facets) and counted (doc values).</summary>
    private static void Facet(Document document, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        document.Add(new StringField(name, value, Field.Store.NO));
        // Any facet may have several values: a document names many people, a statement many themes.
        document.Add(new SortedSetDocValuesField(name, new BytesRef(value)));
    }
}

/// <summary>What a hit shows besides its score and snippet, kept with the item.</summary>
public sealed record StoredHit(
    string Type, NamedRef? Speaker, NamedRef? Organisation, NamedRef? Event, DateOnly? Date, string? Title, string? Url, string Language, long Seen);
