using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdmPlatform.Testing;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>The merged OpenAPI document, as the linters integrators run on it read it: clean, so generated clients are right.</summary>
[Collection(nameof(PlatformCollection))]
public sealed class OpenApiContractTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_openapi_document_passes_redocly_and_spectral_without_errors_or_warnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"idm-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await platform.Gateway.GetStringAsync("/openapi/v1.json"));
        try
        {
            var (redoclyExit, redoclyOutput) = await Conformance.RunAsync("redocly", "lint", file, "--config", "redocly.yaml", "--format=json");
            var totals = JsonDocument.Parse(redoclyOutput[redoclyOutput.IndexOf('{', StringComparison.Ordinal)..redoclyOutput.LastIndexOf('}')].TrimEnd() + "}").RootElement.GetProperty("totals");
            Assert.True(redoclyExit == 0 && totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0, redoclyOutput);

            var (spectralExit, spectralOutput) = await Conformance.RunAsync("spectral", "lint", file, "--ruleset", ".spectral.yaml", "--fail-severity=warn");
            Assert.True(spectralExit == 0, spectralOutput);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Writes_name_the_api_key_scheme_and_every_operation_has_typed_answers()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        Assert.Equal("apiKey", (string?)document!["components"]!["securitySchemes"]!["ApiKey"]!["type"]);
        Assert.Equal("X-Api-Key", (string?)document["components"]!["securitySchemes"]!["ApiKey"]!["name"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var success = operation!["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
                Assert.NotEmpty(success);
                // Every success but 202 and 204 has a body with a schema a generator can type.
                Assert.All(success.Where(r => r.Key is not ("202" or "204") || r.Value?["content"] is not null),
                    r => Assert.NotNull(r.Value!["content"]!.AsObject().First().Value!["schema"]));
                if (method is "post" or "patch" or "delete" && !path.StartsWith("/api/notifications", StringComparison.Ordinal))
                {
                    Assert.Equal("ApiKey", operation["security"]![0]!.AsObject().Single().Key);
                }
            }
        }

        var upload = document["paths"]!["/api/ingestion/documents"]!["post"]!["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "multipart/form-data"], upload.Select(c => c.Key).Order());
    }
}
