using System.Net.Http.Json;
using System.Text.Json;

namespace IdmPlatform.AppHost;

/// <summary>
/// Posts the team's sample documents through the gateway once, so a fresh platform has statements to
/// search. A marker file records that it happened; it is written only when every document was accepted.
/// Ingesting is a write: it sends a key with the contributor role.
/// </summary>
public sealed class SampleDataSeeder(HttpClient gateway, string sampleFolder, string contributorKey, Action<string> log)
{
    public const string MarkerFileName = ".seeded";

    /// <summary>Content type by extension; files of other kinds are skipped.</summary>
    public static string? ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => "text/plain",
        ".html" or ".htm" => "text/html",
        ".md" or ".markdown" => "text/markdown",
        _ => null,
    };

    /// <summary>Seeds unless dataDirectory holds the marker; returns the job ids of the documents accepted.</summary>
    public async Task<IReadOnlyList<string>> SeedOnceAsync(string dataDirectory, CancellationToken ct)
    {
        var marker = Path.Combine(dataDirectory, MarkerFileName);
        if (File.Exists(marker))
        {
            log("Sample documents were ingested on an earlier start; skipping.");
            return [];
        }

        var (jobIds, allAccepted) = await SeedAsync(ct);
        if (allAccepted)
        {
            await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), ct);
        }

        return jobIds;
    }

    /// <summary>Posts every sample document; tells whether all of them were accepted (200 or 202).</summary>
    public async Task<(IReadOnlyList<string> JobIds, bool AllAccepted)> SeedAsync(CancellationToken ct)
    {
        if (!Directory.Exists(sampleFolder))
        {
            log($"No sample folder at {sampleFolder}; nothing to ingest.");
            return ([], false);
        }

        var jobIds = new List<string>();
        var allAccepted = true;
        foreach (var file in Directory.EnumerateFiles(sampleFolder).Order(StringComparer.Ordinal))
        {
            if (ContentTypeOf(file) is not { } contentType)
            {
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents")
            {
                Content = JsonContent.Create(new { content = await File.ReadAllTextAsync(file, ct), contentType, sourceUrl = (string?)null }),
            };
            request.Headers.Add("X-Api-Key", contributorKey);

            using var response = await gateway.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode is 200 or 202)
            {
                var jobId = JobIdOf(body) ?? "?";
                jobIds.Add(jobId);
                log($"Ingesting {Path.GetFileName(file)}: job {jobId}");
            }
            else
            {
                allAccepted = false;
                log($"Ingesting {Path.GetFileName(file)} was refused: {(int)response.StatusCode} {body}");
            }
        }

        return (jobIds, allAccepted);
    }

    private static string? JobIdOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "jobId", "id" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value))
                {
                    return value.ToString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
