namespace IdmPlatform.Testing;

/// <summary>
/// Waits for something that happens asynchronously (a message consumed, a job finished) by checking it
/// until it holds or a deadline passes. It asserts an outcome, never a duration. A probe answered 429 or 503
/// (a rate limit, a service still starting) has not seen the outcome yet: it is asked again.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (HttpRequestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable
                && DateTime.UtcNow <= deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting for {what} after {(timeout ?? DefaultTimeout).TotalSeconds} s.");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        await ReturnsAsync<object>(async () => await condition() ? new object() : null, what, timeout);
}
