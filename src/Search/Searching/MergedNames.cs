using System.Collections.Concurrent;
using System.Net;
using IdmPlatform.Search.Engine;

namespace IdmPlatform.Search.Searching;

/// <summary>
/// Lets the person and organisation filters follow the catalogue's merges, as the catalogue's own filters do: a slug an
/// editor merged into another means the other. The index holds no statement under a merged slug (the catalogue moved
/// them all), so only a slug the index does not know is looked up: the catalogue answers its page with a 301 to the
/// slug it became. Merges are never undone, so what is learnt is kept; that a slug is no merged one is kept a minute.
/// A catalogue that cannot answer (down, refusing, slow, failing) has said nothing: the slug stays as asked, nothing
/// is kept, and the search is told its answer is incomplete, so that answer is not cached either.
/// </summary>
public sealed class MergedNames(IHttpClientFactory http, TimeProvider clock)
{
    /// <summary>The client that asks the catalogue: it must not follow redirects, as the redirect is the answer.</summary>
    public const string Client = "catalogue-names";

    private const int MaxHops = 5;
    private static readonly TimeSpan NotMergedFor = TimeSpan.FromMinutes(1);

    // Any string can be sent as a filter, so what is kept of slugs found unmerged is bounded: past this many it starts over.
    private const int MaxNotMerged = 10_000;

    private readonly ConcurrentDictionary<string, string> _into = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _notMergedUntil = new(StringComparer.Ordinal);

    /// <summary>The query with its person and organisation filters as they are now called.</summary>
    /// <returns>The query, and whether the catalogue could say where every slug that needed asking went.</returns>
    public async Task<(SearchQuery Query, bool Complete)> FollowAsync(SearchQuery query, SearchEngine engine, CancellationToken cancellationToken)
    {
        var person = await CurrentAsync("people", "person", query.Person, engine, cancellationToken);
        var organisation = await CurrentAsync("organisations", "organisation", query.Organisation, engine, cancellationToken);
        return (query with { Person = person.Slug, Organisation = organisation.Slug }, person.Complete && organisation.Complete);
    }

    private async Task<(string? Slug, bool Complete)> CurrentAsync(string path, string field, string? slug, SearchEngine engine, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < MaxHops && slug is not null && !engine.Holds(field, slug); hop++)
        {
            var key = $"{path}/{slug}";
            if (!_into.TryGetValue(key, out var into))
            {
                if (_notMergedUntil.TryGetValue(key, out var until) && until > clock.GetUtcNow())
                {
                    break;
                }

                var (answered, mergedInto) = await MergedIntoAsync(path, slug, cancellationToken);
                if (!answered)
                {
                    return (slug, false);
                }

                if (mergedInto is null)
                {
                    if (_notMergedUntil.Count >= MaxNotMerged)
                    {
                        _notMergedUntil.Clear();
                    }

                    _notMergedUntil[key] = clock.GetUtcNow() + NotMergedFor;
                    break;
                }

                _into[key] = into = mergedInto;
            }

            slug = into;
        }

        return (slug, true);
    }

    /// <summary>
    /// Whether the catalogue answered (its page, a 404, or a redirect), and the slug the page moved to, or null when it
    /// did not. Anything else (no connection, a timeout, a 5xx, a 429) says nothing: the next search asks again.
    /// </summary>
    private async Task<(bool Answered, string? Into)> MergedIntoAsync(string path, string slug, CancellationToken cancellationToken)
    {
        try
        {
            using var catalogue = http.CreateClient(Client);
            using var response = await catalogue.GetAsync($"/api/catalogue/{path}/{Uri.EscapeDataString(slug)}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect
                && response.Headers.Location?.OriginalString is { } location && location.StartsWith($"/api/catalogue/{path}/", StringComparison.Ordinal))
            {
                return (true, Uri.UnescapeDataString(location[(location.LastIndexOf('/') + 1)..]));
            }

            return (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, null);
        }
    }
}
