using System.IO.Hashing;
using System.Text;
using IdmPlatform.Search.Engine;
using StackExchange.Redis;

namespace IdmPlatform.Search.Searching;

/// <summary>
/// Answers to queries asked again, kept in Redis under the index's version: any statement taken in, corrected or
/// retracted makes a new version, so an answer is never served once what it shows has changed. Replicas that took in
/// the same statements share entries, and serve the first answer stored for a version.
/// </summary>
public sealed class HotQueryCache(IConnectionMultiplexer redis, ILogger<HotQueryCache> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <param name="version">The version read before searching: an answer computed meanwhile can only be newer than its key says.</param>
    /// <param name="request">The query as asked, in a form equal for every request with the same answer.</param>
    /// <returns>The answer, and whether it came from the cache.</returns>
    public async Task<(byte[] Answer, bool Cached)> GetOrAddAsync(IndexVersion version, string request, Func<byte[]> answer)
    {
        var key = $"search:answer:{version.Id}:{Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(request)))}";
        var database = redis.GetDatabase();
        try
        {
            if (await database.StringGetAsync(key) is { HasValue: true } cached)
            {
                return ((byte[])cached!, true);
            }
        }
        catch (RedisException e)
        {
            // The cache is a help, not a need: without Redis every query is simply answered by the index.
            logger.LogWarning(e, "The search cache could not be read.");
            return (answer(), false);
        }

        var bytes = answer();
        try
        {
            // The first answer stored for a version is the one every replica serves from then on: two replicas may
            // rank near-equal scores apart (each merges its segments at its own time).
            if (!await database.StringSetAsync(key, bytes, Lifetime, When.NotExists) && await database.StringGetAsync(key) is { HasValue: true } first)
            {
                return ((byte[])first!, false);
            }
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "The search cache could not be written.");
        }

        return (bytes, false);
    }
}
