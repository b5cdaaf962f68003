using System.Net.Http.Json;
using System.Text.Json;
using IdmPlatform.AppHost;
using IdmPlatform.Testing;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>The team's sample documents, ingested the way the AppHost seeds a fresh platform.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class SampleDataTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_sample_documents_are_ingested_through_the_gateway_and_name_a_dozen_speakers()
    {
        var seeder = new SampleDataSeeder(platform.Gateway, platform.SampleFolder, platform.Keys.Contributor, _ => { });

        var (jobIds, allAccepted) = await seeder.SeedAsync(CancellationToken.None);

        Assert.True(allAccepted, "every sample document is accepted");
        Assert.InRange(jobIds.Count, 12, 20);
        var documentIds = new List<string>();
        foreach (var jobId in jobIds)
        {
            var job = await Eventually.ReturnsAsync(async () =>
            {
                var current = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/ingestion/jobs/{jobId}");
                return current.GetProperty("status").GetString() is "completed" or "failed" or "duplicate" ? (object)current : null;
            }, $"job {jobId} to finish", TimeSpan.FromMinutes(2));
            var finished = (JsonElement)job;
            Assert.Equal("completed", finished.GetProperty("status").GetString());
            documentIds.Add(finished.GetProperty("documentId").GetString()!);
        }

        // One listing per probe (not one request per document): the gateway's rate limit counts every read.
        var speakers = await Eventually.ReturnsAsync(async () =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            do
            {
                var page = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalogue/statements?limit=100{(cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}")}");
                foreach (var statement in page.GetProperty("items").EnumerateArray())
                {
                    if (documentIds.Contains(statement.GetProperty("document").GetProperty("id").GetString()!)
                        && statement.TryGetProperty("speaker", out var speaker) && speaker.ValueKind == JsonValueKind.Object)
                    {
                        names.Add(speaker.GetProperty("name").GetString()!);
                    }
                }

                cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);

            return names.Count >= 12 ? names : null;
        }, "statements by at least a dozen distinct speakers in the catalogue", TimeSpan.FromMinutes(2));
        Assert.True(speakers.Count >= 12);
    }
}
