using System.Net;
using IdmPlatform.Search.Engine;
using IdmPlatform.Search.Searching;

namespace IdmPlatform.Search.Tests;

/// <summary>How the person and organisation filters learn the catalogue's merges, and what they do when it cannot say.</summary>
public sealed class MergedNamesTests
{
    [Fact]
    public async Task A_lookup_the_catalogue_could_not_answer_is_neither_remembered_nor_called_complete()
    {
        using var engine = await EmptyIndexAsync();
        // Refused, then a 503, then the answer; the clock stands still, so nothing is forgotten for being old.
        var catalogue = new Catalogue(
            _ => throw new HttpRequestException("Connection refused"),
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            path => path.EndsWith("/ana-ruiz", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri($"{path}-lopez", UriKind.Relative) } }
                : new HttpResponseMessage(HttpStatusCode.OK));
        var merged = new MergedNames(catalogue, new StillClock());
        var query = new SearchQuery(null, "statement", null, null, "ana-ruiz", null, null, null, null, null, null, SearchOrder.Relevance, [], 20, 0, 0);

        var refused = await merged.FollowAsync(query, engine, CancellationToken.None);
        var unavailable = await merged.FollowAsync(query, engine, CancellationToken.None);
        var answered = await merged.FollowAsync(query, engine, CancellationToken.None);
        var remembered = await merged.FollowAsync(query, engine, CancellationToken.None);

        Assert.Equal(("ana-ruiz", false), (refused.Query.Person, refused.Complete));
        Assert.Equal(("ana-ruiz", false), (unavailable.Query.Person, unavailable.Complete));
        Assert.Equal(("ana-ruiz-lopez", true), (answered.Query.Person, answered.Complete));
        Assert.Equal(("ana-ruiz-lopez", true), (remembered.Query.Person, remembered.Complete));
        Assert.Equal(["/api/catalogue/people/ana-ruiz", "/api/catalogue/people/ana-ruiz", "/api/catalogue/people/ana-ruiz", "/api/catalogue/people/ana-ruiz-lopez"], catalogue.Asked);
    }

    [Fact]
    public async Task A_slug_the_catalogue_does_not_know_is_remembered_as_not_merged()
    {
        using var engine = await EmptyIndexAsync();
        var catalogue = new Catalogue(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var merged = new MergedNames(catalogue, new StillClock());
        var query = new SearchQuery(null, "statement", null, "nobody", null, null, null, null, null, null, null, SearchOrder.Relevance, [], 20, 0, 0);

        var first = await merged.FollowAsync(query, engine, CancellationToken.None);
        var again = await merged.FollowAsync(query, engine, CancellationToken.None);

        Assert.Equal(("nobody", true), (first.Query.Organisation, first.Complete));
        Assert.Equal(("nobody", true), (again.Query.Organisation, again.Complete));
        Assert.Single(catalogue.Asked);
    }

    /// <summary>An index that holds no slug, so every filter is looked up.</summary>
    private static async Task<SearchEngine> EmptyIndexAsync()
    {
        var engine = new SearchEngine(SearchReplica.New(), TextAnalysis.Load(), Glossary.QueryGlossary.Load(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { IndexPath = Path.Combine(Path.GetTempPath(), $"idm-merged-{Guid.NewGuid():N}") }));
        await engine.RebuildAsync(_ => AsyncEnumerable.Empty<CatalogueItem>(), _ => { }, CancellationToken.None);
        return engine;
    }

    /// <summary>A catalogue that answers each request with the next of its answers, the last one from then on.</summary>
    private sealed class Catalogue(params Func<string, HttpResponseMessage>[] answers) : HttpMessageHandler, IHttpClientFactory
    {
        public List<string> Asked { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://catalogue") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            lock (Asked)
            {
                Asked.Add(path);
                return Task.FromResult(answers[Math.Min(Asked.Count, answers.Length) - 1](path));
            }
        }
    }

    private sealed class StillClock : TimeProvider
    {
        private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
