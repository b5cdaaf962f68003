using System.Collections.Concurrent;
using System.Globalization;
using StackExchange.Redis;

namespace IdmPlatform.Gateway;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests allowed per caller (verified API key, else address) in each window.</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, int ResetSeconds);

/// <summary>
/// A fixed window per client in Redis, so every gateway replica counts against the same limit. The window opens at
/// the client's first request (not on the clock's minute) and the count and its expiry are set in one atomic step, so
/// no key can outlive its window. A replica claims permits in blocks of a hundredth of the limit and spends them
/// without asking Redis again: a busy client costs a round trip every few requests rather than each one, and the
/// limit holds across replicas to within a block each. If Redis is unreachable requests are let through: losing the
/// limiter must not take the API down.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
{
    private const string ClaimScript =
        """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    // Blocks left unspent when a window ends are simply lost; clients not seen for a window are forgotten.
    private const int ForgetAbove = 10_000;

    private readonly ConcurrentDictionary<string, Block> _blocks = new(StringComparer.Ordinal);

    public async Task<RateLimitDecision> AcquireAsync(string client)
    {
        var (limit, window) = (options.Value.PermitLimit, options.Value.Window);
        var now = DateTimeOffset.UtcNow;
        if (_blocks.TryGetValue(client, out var held) && now < held.Expires)
        {
            if (held.TryTake() is { } left)
            {
                return new RateLimitDecision(true, limit, left, held.ResetSeconds(now));
            }

            if (held.Unclaimed == 0)
            {
                // Every permit of the window is claimed: refused here until it ends, without asking Redis each time.
                return new RateLimitDecision(false, limit, 0, held.ResetSeconds(now));
            }
        }

        var size = Math.Max(1, limit / 100);
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                ClaimScript, [new RedisKey($"ratelimit:{client}")], [(long)window.TotalMilliseconds, size]))!;
            var (count, millisecondsLeft) = ((long)result[0], Math.Max(0, (long)result[1]));
            // Of the block just claimed, only what the limit still allows is granted (none once it is spent).
            var granted = (int)Math.Clamp(limit - (count - size), 0, size);
            var block = new Block(granted - 1, Math.Max(0, limit - count), now.AddMilliseconds(millisecondsLeft));
            Remember(client, block);
            return new RateLimitDecision(granted > 0, limit, block.Remaining, block.ResetSeconds(now));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new RateLimitDecision(true, limit, limit, (int)window.TotalSeconds);
        }
    }

    private void Remember(string client, Block block)
    {
        if (_blocks.Count >= ForgetAbove)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (name, old) in _blocks)
            {
                if (old.Expires <= now)
                {
                    _blocks.TryRemove(name, out _);
                }
            }
        }

        _blocks[client] = block;
    }

    /// <summary>Permits claimed by this replica and not yet spent, until the window they were claimed in ends.</summary>
    private sealed class Block(int unspent, long unclaimed, DateTimeOffset expires)
    {
        private int _unspent = unspent;

        public DateTimeOffset Expires { get; } = expires;

        /// <summary>Permits of the window no replica had claimed when this block was.</summary>
        public long Unclaimed { get; } = unclaimed;

        /// <summary>What the client may still spend as far as this replica knows: its own block and what no replica has claimed.</summary>
        public int Remaining => (int)Math.Min(int.MaxValue, Math.Max(0, Volatile.Read(ref _unspent)) + Unclaimed);

        /// <returns>The permits left after this one, or null when the block is spent.</returns>
        public int? TryTake() => Interlocked.Decrement(ref _unspent) >= 0 ? Remaining : null;

        public int ResetSeconds(DateTimeOffset now) => (int)Math.Ceiling(Math.Max(0, (Expires - now).TotalSeconds));
    }
}

public sealed class RateLimitMiddleware(RequestDelegate next, RedisRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        // A verified key has its own budget; no key, or one this deployment did not issue, spends the address's.
        var decision = await limiter.AcquireAsync(Caller.Of(context).Id);
        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        headers.RetryAfter = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        await ProblemDetailsExtensions.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client may make {decision.Limit} requests per window; try again in {decision.ResetSeconds} s.").ExecuteAsync(context);
    }
}
