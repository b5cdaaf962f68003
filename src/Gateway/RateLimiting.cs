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
/// no key can outlive its window. If Redis is unreachable requests are let through: losing the limiter must not take
/// the API down.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
{
    private const string CountScript =
        """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    public async Task<RateLimitDecision> AcquireAsync(string client)
    {
        var (limit, window) = (options.Value.PermitLimit, options.Value.Window);
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
                CountScript, [new RedisKey($"ratelimit:{client}")], [(long)window.TotalMilliseconds]))!;
            var (count, millisecondsLeft) = ((long)result[0], Math.Max(0, (long)result[1]));
            var reset = (int)Math.Ceiling(millisecondsLeft / 1000d);
            return new RateLimitDecision(count <= limit, limit, (int)Math.Max(0, limit - count), reset);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new RateLimitDecision(true, limit, limit, (int)window.TotalSeconds);
        }
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
