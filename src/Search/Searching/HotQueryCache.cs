using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using IdmPlatform.Search.Engine;
using StackExchange.Redis;

namespace IdmPlatform.Search.Searching;

/// <summary>
/// Answers to queries asked again, kept in Redis under the index's version: any statement taken in, corrected or
/// retracted makes a new version, so an answer is never served once what it shows has changed. Replicas that took in
/// the same statements share entries, and serve the first answer stored for a version. The hottest answers of the
/// current version are also kept in this process, which spares the round trip to Redis that a repeated query would
/// otherwise cost.
/// </summary>
public sealed class HotQueryCache(IConnectionMultiplexer redis, ILogger<HotQueryCache> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // A few hundred answers of some kilobytes each: the queries asked again and again, not a second index.
    private const int LocalEntries = 512;

    private volatile LocalAnswers _local = new(string.Empty);

    /// <param name="version">The version read before searching: an answer computed meanwhile can only be newer than its key says.</param>
    /// <param name="request">The query as asked, in a form equal for every request with the same answer.</param>
    /// <returns>The answer, and whether it came from the cache.</returns>
    public async Task<(byte[] Answer, bool Cached)> GetOrAddAsync(IndexVersion version, string request, Func<byte[]> answer)
    {
        var local = _local;
        if (local.Version != version.Id)
        {
            // A new version: every answer kept for the old one may show what has since changed.
            _local = local = new LocalAnswers(version.Id);
        }

        var key = $"search:answer:{version.Id}:{Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(request)))}";
        if (local.Answers.TryGetValue(key, out var kept))
        {
            return (kept, true);
        }

        var database = redis.GetDatabase();
        try
        {
            if (await database.StringGetAsync(key) is { HasValue: true } cached)
            {
                return (local.Keep(key, (byte[])cached!), true);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The cache is a help, not a need: without Redis every query is simply answered by the index. A Redis
            // that is slow or gone times out (RedisTimeoutException is a TimeoutException, not a RedisException).
            logger.LogWarning(e, "The search cache could not be read.");
            return (answer(), false);
        }

        var bytes = answer();
        try
        {
            // The first answer stored for a version is the one every replica serves from then on: two replicas may
            // rank equal scores apart (each merges its segments at its own time), and an answer kept in memory must
            // not differ from the other replica's for as long as the version lasts.
            if (!await database.StringSetAsync(key, bytes, Lifetime, When.NotExists) && await database.StringGetAsync(key) is { HasValue: true } first)
            {
                return (local.Keep(key, (byte[])first!), false);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "The search cache could not be written.");
            return (bytes, false);
        }

        return (local.Keep(key, bytes), false);
    }

    private sealed class LocalAnswers(string version)
    {
        public string Version { get; } = version;

        public ConcurrentDictionary<string, byte[]> Answers { get; } = new(StringComparer.Ordinal);

        public byte[] Keep(string key, byte[] answer)
        {
            if (Answers.Count < LocalEntries)
            {
                Answers.TryAdd(key, answer);
            }

            return answer;
        }
    }
}
