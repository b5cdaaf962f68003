using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdmPlatform.Benchmark;

/// <summary>
/// End to end: posts N distinct generated pages to POST /api/ingestion/documents with bounded concurrency, then
/// polls GET /api/ingestion/jobs/{id} until every job is completed or failed; the rate is documents over the
/// time from the first post to the last job finished.
/// </summary>
internal static class GatewayBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(Uri gateway, int count, int concurrency, string? apiKey)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        // A run-specific seed keeps documents distinct from earlier runs, so none is answered as a duplicate.
        var run = Environment.TickCount64;
        var jobs = new ConcurrentBag<string>();
        var refused = 0;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var content = SampleDocuments.HtmlPage(unchecked((int)(run * 31 + i))).Replace("<h1>", $"<h1>Run {run}, document {i}: ", StringComparison.Ordinal);
            using var response = await WithinRateLimitAsync(() => http.PostAsJsonAsync("/api/ingestion/documents", new { content, contentType = "text/html" }, ct), ct);
            if (response.StatusCode == HttpStatusCode.Accepted && await response.Content.ReadFromJsonAsync<JsonElement>(ct) is { } body)
            {
                jobs.Add(body.GetProperty("jobId").GetString()!);
            }
            else
            {
                Interlocked.Increment(ref refused);
                Console.Error.WriteLine($"document {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });
        var posted = stopwatch.Elapsed;
        Console.WriteLine($"Posted {jobs.Count} documents in {posted.TotalSeconds:N1} s ({jobs.Count / posted.TotalSeconds:N0}/s accepted), {refused} refused");

        var (completed, failed) = await WaitForJobsAsync(http, jobs.ToList(), concurrency, stopwatch);
        stopwatch.Stop();
        Console.WriteLine($"Completed {completed}, failed {failed} in {stopwatch.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"End to end: {(completed + failed) / stopwatch.Elapsed.TotalSeconds:N1} documents/s");
        return refused == 0 && completed + failed == jobs.Count ? 0 : 1;
    }

    private static async Task<(int Completed, int Failed)> WaitForJobsAsync(HttpClient http, List<string> jobIds, int concurrency, Stopwatch stopwatch)
    {
        var pending = new ConcurrentDictionary<string, bool>(jobIds.Select(id => KeyValuePair.Create(id, true)));
        int completed = 0, failed = 0;
        while (!pending.IsEmpty && stopwatch.Elapsed < GiveUpAfter)
        {
            await Parallel.ForEachAsync(pending.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
            {
                using var response = await WithinRateLimitAsync(() => http.GetAsync(new Uri($"/api/ingestion/jobs/{id}", UriKind.Relative), ct), ct);
                var job = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(ct);
                var status = job.GetProperty("status").GetString();
                if (status is "completed" or "failed" or "duplicate" && pending.TryRemove(id, out _))
                {
                    Interlocked.Increment(ref status == "failed" ? ref failed : ref completed);
                }
            });

            if (!pending.IsEmpty)
            {
                await Task.Delay(PollInterval);
            }
        }

        return (completed, failed);
    }

    /// <summary>
    /// Waits out a 429 as its Retry-After says and tries again, so the run finishes under the gateway's limit;
    /// to measure the pipeline rather than the limit, start the platform with a higher RateLimits__PermitLimit.
    /// </summary>
    private static async Task<HttpResponseMessage> WithinRateLimitAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        while (true)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            if (Interlocked.Exchange(ref _limitedNoticeShown, 1) == 0)
            {
                Console.Error.WriteLine($"Rate limited by the gateway: waiting {wait.TotalSeconds:N0} s (figures below are capped by the limit).");
            }

            await Task.Delay(wait, ct);
        }
    }

    private static int _limitedNoticeShown;
}
