using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdmPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>Search as the platform runs it: replicas behind the gateway, each with its own index built from the catalogue.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class SearchReplicaTests(PlatformFixture platform)
{
    private readonly HttpClient _gateway = platform.Gateway;

    private async Task<string> IngestAsync(string marker)
    {
        // Each test's document must not read as a near-duplicate of another's (a duplicate publishes no statements): the
        // shared wording is outweighed by a reference line whose every few words carry this test's marker.
        var references = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"file {marker} {i}"));
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/documents")
        {
            Content = JsonContent.Create(new
            {
                content = $"<html><body><h1>Cities and newcomers</h1><p>\u201CLocal authorities carry the integration of migrants every day, and {marker} shows how,\u201D said Lena Okafor, a mayor from Lagos.</p><p>\u201CRegular pathways start in our towns {marker},\u201D said Marco Bellini, a councillor from Turin.</p><p>References: {references}.</p></body></html>",
                contentType = "text/html",
            }),
        };
        submit.Headers.Add("X-Api-Key", platform.Keys.Contributor);
        var accepted = await _gateway.SendAsync(submit);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetString()!;
    }

    private async Task<(string Replica, JsonNode Answer)> AskAsync(string url)
    {
        using var response = await _gateway.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // How long it took may differ, and so may a score's last digits: Lucene's length statistics count deleted
        // (corrected) items until a merge drops them, and replicas merge at their own times. Order and content may not.
        answer.AsObject().Remove("tookMs");
        foreach (var hit in answer["hits"]!.AsArray())
        {
            hit!.AsObject().Remove("score");
        }

        return (response.Headers.GetValues("Search-Replica").Single(), answer);
    }

    private static List<string> Ids(JsonNode answer) => answer["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Every_replica_gives_the_same_answer()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        var document = await IngestAsync(marker);
        var url = $"/api/search?q={marker}&facets=person,theme,language";
        var answers = new List<(string Replica, JsonNode Answer)>();
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                answers.Clear();
                for (var i = 0; i < 8; i++)
                {
                    answers.Add(await AskAsync(url));
                }

                // Both replicas answered, each has both quotations, and the answers are one.
                return answers.Select(a => a.Replica).Distinct().Count() >= 2
                    && answers.All(a => a.Answer["total"]!.GetValue<int>() >= 2)
                    && answers.All(a => JsonNode.DeepEquals(a.Answer, answers[0].Answer));
            }, "both replicas to answer alike");
        }
        catch (TimeoutException e)
        {
            // What each replica last answered, what it holds, what an uncached query finds and what the catalogue holds
            // tell a lagging replica from two that disagree, and both from a document that never reached the catalogue.
            var seen = answers.Select(a => $"{a.Replica}: {a.Answer.ToJsonString()}").ToList();
            foreach (var probe in new[] { "/api/search/status", "/api/search/status", $"{url}&limit=19", $"{url}&limit=19", $"/api/ingestion/documents/{document}", $"/api/catalogue/documents/{document}" })
            {
                using var response = await _gateway.GetAsync(probe);
                seen.Add($"{probe} {(int)response.StatusCode} {string.Join(',', response.Headers.TryGetValues("Search-Replica", out var r) ? r : [])}: {await response.Content.ReadAsStringAsync()}");
            }

            throw new TimeoutException($"{e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, seen.Distinct())}", e);
        }
    }

    [Fact]
    public async Task The_rebuild_command_rebuilds_every_replica_from_the_catalogue_and_keeps_what_it_held()
    {
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        await IngestAsync(marker);
        // Both replicas hold them (the gateway takes them in turn): what each answers before the rebuild.
        var before = await Eventually.ReturnsAsync(async () =>
        {
            var (firstReplica, first) = await AskAsync($"/api/search?q={marker}");
            var (secondReplica, second) = await AskAsync($"/api/search?q={marker}");
            return firstReplica != secondReplica && Ids(first).Count >= 2 && Ids(first).SequenceEqual(Ids(second)) ? Ids(first) : null;
        }, "the statements in both replicas");
        var asked = DateTimeOffset.UtcNow;

        using var rebuild = new HttpRequestMessage(HttpMethod.Post, "/api/search/rebuild");
        rebuild.Headers.Add("X-Api-Key", platform.Keys.Admin);
        Assert.Equal(HttpStatusCode.Accepted, (await _gateway.SendAsync(rebuild)).StatusCode);

        var rebuilt = new HashSet<string>();
        await Eventually.HoldsAsync(async () =>
        {
            var status = await _gateway.GetFromJsonAsync<JsonElement>("/api/search/status");
            if (status.GetProperty("lastBuild") is { ValueKind: JsonValueKind.Object } last && last.GetProperty("finishedAt").GetDateTimeOffset() > asked)
            {
                rebuilt.Add(status.GetProperty("replica").GetString()!);
            }

            return rebuilt.Count >= 2;
        }, "both replicas to report a rebuild");
        Assert.Equal(before.Order(), Ids((await AskAsync($"/api/search?q={marker}")).Answer).Order());
    }

    [Fact]
    public async Task The_dashboard_command_rebuilds_every_replica_and_reports_success()
    {
        var asked = DateTimeOffset.UtcNow;
        var commands = platform.App.Services.GetRequiredService<Aspire.Hosting.ApplicationModel.ResourceCommandService>();

        // The command itself follows every replica until its new build is in, so success means both rebuilt.
        var result = await commands.ExecuteCommandAsync("search-1", "rebuild-index");

        Assert.True(result.Success, result.Message);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var status = await _gateway.GetFromJsonAsync<JsonElement>("/api/search/status");
            Assert.True(status.GetProperty("lastBuild").GetProperty("finishedAt").GetDateTimeOffset() > asked);
        }
    }

    [Fact]
    public async Task Rebuilding_needs_an_admin_key()
    {
        using var rebuild = new HttpRequestMessage(HttpMethod.Post, "/api/search/rebuild");
        rebuild.Headers.Add("X-Api-Key", platform.Keys.Editor);
        await ProblemAssert.IsProblemAsync(await _gateway.SendAsync(rebuild), HttpStatusCode.Forbidden);
    }
}
