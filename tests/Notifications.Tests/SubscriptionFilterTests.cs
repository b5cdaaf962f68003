using IdmPlatform.Contracts;
using IdmPlatform.Notifications.Subscriptions;

namespace IdmPlatform.Notifications.Tests;

/// <summary>Which statements a subscription matches: every list given must match one of its values; q must match the text.</summary>
public sealed class SubscriptionFilterTests
{
    private static readonly StatementView Statement = new(
        "st_1", "quote", "Les enfants migrants ont besoin d'un tuteur dès le premier jour.", "fr", new DateOnly(2024, 5, 21),
        new SpeakerView("celine-dubois", "Céline Dubois", "Déléguée"), new OrganisationView("unicef", "UNICEF", null),
        new EventView("idm-2024-new-york", "International Dialogue on Migration 2024, New York"), null,
        ["children-and-youth", "protection"], [7, 13], new DocumentRefView("doc_1", "Notes", null), new PassageView(0, 60));

    public static TheoryData<SubscriptionFilter, bool> Filters => new()
    {
        { new SubscriptionFilter(), true },
        { new SubscriptionFilter(Themes: ["protection"]), true },
        { new SubscriptionFilter(Themes: ["detention", "children-and-youth"]), true }, // any of a list
        { new SubscriptionFilter(Themes: ["detention"]), false },
        { new SubscriptionFilter(Themes: ["PROTECTION"]), true }, // slugs ignore case
        { new SubscriptionFilter(Organisations: ["unicef"]), true },
        { new SubscriptionFilter(Organisations: ["iom"]), false },
        { new SubscriptionFilter(People: ["celine-dubois"]), true },
        { new SubscriptionFilter(People: ["ana-lopez"]), false },
        { new SubscriptionFilter(Events: ["idm-2024-new-york"]), true },
        { new SubscriptionFilter(Events: ["imrf-2022"]), false },
        { new SubscriptionFilter(Gcm: [13, 20]), true },
        { new SubscriptionFilter(Gcm: [5]), false },
        { new SubscriptionFilter(Languages: ["en", "fr"]), true },
        { new SubscriptionFilter(Languages: ["es"]), false },
        { new SubscriptionFilter(Themes: ["protection"], Languages: ["es"]), false }, // every list must match
        { new SubscriptionFilter(Themes: ["protection"], Gcm: [7], People: ["celine-dubois"]), true },
        { new SubscriptionFilter(Q: "tuteur"), true },
        { new SubscriptionFilter(Q: "TUTEUR premier"), true }, // every word, any case
        { new SubscriptionFilter(Q: "tuteur detention"), false },
        { new SubscriptionFilter(Q: "des le premier"), true }, // accents folded: "dès"
        { new SubscriptionFilter(Q: "celine"), true }, // the speaker's name counts
        { new SubscriptionFilter(Q: "unicef"), true }, // and the organisation's
        { new SubscriptionFilter(Q: "new york"), true }, // and the event's
        { new SubscriptionFilter(Q: "tuteur -enfants"), false }, // an excluded word present
        { new SubscriptionFilter(Q: "tuteur -detention"), true }, // an excluded word absent
        { new SubscriptionFilter(Q: "-"), true }, // a lone dash excludes nothing
        { new SubscriptionFilter(Q: "tuteur OR detention"), true }, // web-search syntax, as TextQueryTests shows in full
        { new SubscriptionFilter(Q: "tut"), false }, // whole words: not a piece of "tuteur"
        { new SubscriptionFilter(Q: "-our"), true }, // nor of "jour"
        { new SubscriptionFilter(Q: "\"premier jour\""), true },
        { new SubscriptionFilter(Q: "\"jour premier\""), false }, // a phrase is its words in a row
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filter_matches_exactly_the_statements_it_describes(SubscriptionFilter filter, bool matches) =>
        Assert.Equal(matches, filter.Matches(Statement));
}
