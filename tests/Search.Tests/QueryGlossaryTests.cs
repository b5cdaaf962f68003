using IdmPlatform.Search.Glossary;

namespace IdmPlatform.Search.Tests;

/// <summary>How a query is widened: a notion becomes an OR of its names where it stood; the rest is left as written.</summary>
public sealed class QueryGlossaryTests
{
    private static readonly QueryGlossary Glossary = new([
        ["regularisation", "regularización"],
        ["family reunification", "regroupement familial"],
        ["family", "famille"],
    ]);

    [Theory]
    [InlineData("children", "children")]
    [InlineData("Régularisation now", "\"regularisation\" OR \"regularización\" now")]
    [InlineData("youth family reunification", "youth \"family reunification\" OR \"regroupement familial\"")]
    [InlineData("family", "\"family\" OR \"famille\"")]
    [InlineData("\"family reunification\" delays", "\"family reunification\" delays")]
    [InlineData("-regularisation youth", "-regularisation youth")]
    public void Expands_the_notions_it_names_and_leaves_phrases_and_exclusions_alone(string query, string expected) =>
        Assert.Equal(expected, Glossary.Expand(query));

    [Fact]
    public void The_platforms_glossary_loads_and_joins_the_three_languages_of_the_compact()
    {
        var expanded = QueryGlossary.Load().Expand("Pacte mondial sur les migrations");
        Assert.Contains("\"Global Compact for Migration\"", expanded, StringComparison.Ordinal);
        Assert.Contains("\"Pacto Mundial para la Migración\"", expanded, StringComparison.Ordinal);
    }
}
