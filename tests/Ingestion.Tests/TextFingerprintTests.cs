using IdmPlatform.Ingestion.Duplicates;

namespace IdmPlatform.Ingestion.Tests;

public sealed class TextFingerprintTests
{
    private const string Release =
        "GENEVA – Delegations at the dialogue agreed that regular pathways for workers, students and families must widen. " +
        "\"Safe routes are the surest answer to dangerous journeys,\" said the Director of the regional office, adding that " +
        "labour agreements should include fair recruitment and portable social protection. Several ministers described " +
        "programmes that let seasonal workers return year after year, and civil society asked that family reunification " +
        "not be forgotten in the push for labour mobility. The next session will take stock of the commitments made.";

    [Fact]
    public void The_same_release_under_another_sites_boilerplate_is_a_near_duplicate()
    {
        var syndicated = "Home | News | Contact\nShare this: Facebook Twitter\n" + Release + "\nLeave a reply\nYour email address will not be published.";

        Assert.True(TextFingerprint.Of(Release).Similarity(TextFingerprint.Of(syndicated)) >= NearDuplicates.Threshold);
    }

    [Fact]
    public void A_lightly_reworded_release_is_a_near_duplicate()
    {
        var reworded = Release.Replace("agreed", "concurred", StringComparison.Ordinal).Replace("Several", "A number of", StringComparison.Ordinal);

        Assert.True(TextFingerprint.Of(Release).Similarity(TextFingerprint.Of(reworded)) >= NearDuplicates.Threshold);
    }

    [Fact]
    public void A_different_text_on_the_same_topic_is_not()
    {
        const string other =
            "NEW YORK – Youth delegates urged States to count missing migrants and to share data across borders. " +
            "\"Every name matters,\" said a young researcher, who presented a map of deaths along the central route. " +
            "Governments were asked to fund search and rescue and to return remains to families with dignity.";

        Assert.True(TextFingerprint.Of(Release).Similarity(TextFingerprint.Of(other)) < 0.2);
    }

    [Fact]
    public void Band_hashes_of_equal_texts_are_equal_and_the_signature_round_trips_through_storage()
    {
        var fingerprint = TextFingerprint.Of(Release);

        Assert.Equal(fingerprint.BandHashes(), TextFingerprint.Of(Release).BandHashes());
        Assert.Equal(1.0, TextFingerprint.FromSignature(fingerprint.ToStored()).Similarity(fingerprint));
    }
}
