using System.IO.Hashing;
using System.Text;
using IdmPlatform.Search.Engine;
using StackExchange.Redis;

namespace IdmPlatform.Search.Searching;

/// <summary>
/// Answers to queries asked again, kept in Redis under the index's version: any statement taken in, corrected or
/// retracted makes a new version, so an answer is never served once what it shows has changed. Replicas that took in
/// the same statements share entries.
/// </summary>
public sealed class HotQueryCache(IConnectionMultiplexer redis, SearchEngine engine, ILogger<HotQueryCache> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <returns>The answer, and whether it came from the cache.</returns>
    public async Task<(byte[] Answer, bool Cached)> GetOrAddAsync(string request, Func<byte[]> answer)
    {
        // The version is read before searching: an answer computed meanwhile can only be newer than its key says.
        var key = $"search:answer:{engine.Version}:{Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(request)))}";
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
        _ = database.StringSetAsync(key, bytes, Lifetime, flags: CommandFlags.FireAndForget);
        return (bytes, false);
    }
}
