using IdmPlatform.Notifications.Subscriptions;

namespace IdmPlatform.Notifications.Tests;

/// <summary>A subscription's q, in the web-search syntax API.md gives: whole words, "exact phrases", OR, -excluded.</summary>
public sealed class TextQueryTests
{
    private static readonly string?[] Fields =
    [
        "Régularisation offers a path towards safety: it is part of the Global Compact’s answer, d'un bout à l'autre.",
        "Céline Dubois",
        null,
        "International Dialogue on Migration 2024",
    ];

    [Theory]
    [InlineData("", true)]
    [InlineData("regularisation", true)]
    [InlineData("REGULARISATION safety", true)] // every word, any case
    [InlineData("régularisation", true)] // accents ignored on both sides
    [InlineData("regularisation asylum", false)]
    [InlineData("celine", true)] // the speaker's name counts
    [InlineData("migration 2024", true)] // and the event's
    [InlineData("part", true)]
    [InlineData("art", false)] // a whole word, not a piece of "part"
    [InlineData("safe", false)] // nor of "safety"
    [InlineData("regularisation OR amnesty", true)] // either will do
    [InlineData("amnesty OR regularisation", true)]
    [InlineData("amnesty OR asylum", false)]
    [InlineData("amnesty OR asylum OR compact", true)]
    [InlineData("amnesty OR regularisation asylum", false)] // OR joins two terms; the word after them is still required
    [InlineData("amnesty or regularisation", false)] // a lower-case "or" is a word like any other
    [InlineData("OR", true)] // an OR joining nothing asks for nothing
    [InlineData("\"path towards safety\"", true)]
    [InlineData("\"part of the global compact\"", true)] // a phrase across case and punctuation
    [InlineData("\"safety towards path\"", false)] // the words, but not as the phrase
    [InlineData("\"global compact answer\"", false)] // "compact’s" is "compact s": not next to "answer"
    [InlineData("\"towards safety", true)] // an unclosed quote runs to the end
    [InlineData("\"dubois international\"", false)] // a phrase stays within one field
    [InlineData("amnesty OR \"global compact\"", true)]
    [InlineData("d'un", true)] // a word with an apostrophe is its parts in a row
    [InlineData("d'autre", false)]
    [InlineData("-war", true)] // "towards" holds no word "war"
    [InlineData("-towards", false)]
    [InlineData("regularisation -amnesty", true)]
    [InlineData("-\"global compact\"", false)]
    [InlineData("-\"compact global\"", true)]
    [InlineData("regularisation OR -safety", false)] // an exclusion is never an alternative
    [InlineData("- regularisation", true)] // a lone dash excludes nothing
    public void A_query_matches_exactly_the_texts_it_describes(string query, bool matches) =>
        Assert.Equal(matches, TextQuery.Matches(query, Fields));
}
