using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace IdmPlatform.EndToEnd.Tests;

/// <summary>
/// Requests an integrator's mistakes (or an attacker) would send, generated over every operation in the gateway's
/// OpenAPI document and sent through the gateway to the real services: none may answer 5xx, and every refusal must be
/// problem details.
/// </summary>
[Collection(nameof(PlatformCollection))]
public sealed class ContractFuzzTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Requests = 10_000;

    private static readonly string[] BadValues =
    [
        "abc", string.Empty, " ", "-1", "0", "2147483648", "99999999999999999999", "1.5", "1e3", "NaN", "true", "null", "[]", "{}",
        "2024-13-45", "2024-02-30", "31/12/2024", "\u0000", "a\u0000b", "%", "%zz", "' OR 1=1 --", "<script>alert(1)</script>",
        "\u202Eevil", "\uD83D\uDE00", "../../etc/passwd", new string('x', 3000), "\t\r\n", "st_missing", "idm:garbage", "AAAA",
    ];

    private static readonly string[] GoodValues = ["1", "20", "2024-05-21", "migration", "iom", "en", "quote", "relevance", "date", "theme,organisation"];

    [Fact]
    public async Task Ten_thousand_generated_requests_over_every_documented_operation_find_no_5xx_and_only_problem_details()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 25, $"the OpenAPI document lists {operations.Count} operations");
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var random = new Random(seed + i);
            var operation = operations[random.Next(operations.Count)];
            using var request = Generate(operation, random);
            var described = $"{request.Method} {request.RequestUri} {(request.Content is null ? string.Empty : Shorten(await request.Content.ReadAsStringAsync(ct)))}";
            // Headers first: a stream (server-sent events) answers at once and never ends; leaving it closes it.
            using var response = await platform.Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((await FaultOfAsync(response, ct) ?? Undocumented(operation, request, response)) is { } fault)
            {
                failures.Enqueue($"{described} -> {(int)response.StatusCode}: {fault}");
            }
        });

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.IsEmpty, $"seed {seed}; {failures.Count} of {Requests} answers were wrong, e.g.:\n{string.Join('\n', failures.Take(15))}");
        // The generator reached past validation too, not only into refusals.
        Assert.Contains(statuses.Keys, s => s is >= 200 and < 300);
    }

    [Fact]
    public async Task Every_query_value_that_does_not_parse_is_a_400_naming_its_parameter()
    {
        var operations = await OperationsAsync();
        var checkedValues = 0;
        foreach (var operation in operations.Where(o => o.Method == HttpMethod.Get))
        {
            foreach (var parameter in operation.Query.Where(p => p.Kind is "integer" or "date"))
            {
                foreach (var bad in new[] { "abc", string.Empty, "-1x", "2024-99-99" })
                {
                    var path = FillPath(operation.Path, _ => "x");
                    using var response = await ReadAsync($"{path}?{parameter.Name}={Uri.EscapeDataString(bad)}");
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{parameter.Name}={bad} answered {(int)response.StatusCode}");
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Contains(parameter.Name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                    checkedValues++;
                }
            }

            foreach (var limit in new[] { "0", "-1", "101" })
            {
                if (operation.Query.Any(p => p.Name == "limit"))
                {
                    using var response = await ReadAsync($"{FillPath(operation.Path, _ => "x")}?limit={limit}");
                    Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{operation.Path}?limit={limit} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(checkedValues >= 40, $"only {checkedValues} typed query values were tried");
    }

    [Fact]
    public async Task Every_body_value_of_the_wrong_type_is_a_400_naming_its_field()
    {
        var checkedFields = 0;
        foreach (var operation in (await OperationsAsync()).Where(o => o.ContentTypes.Contains("application/json")))
        {
            foreach (var field in operation.Body)
            {
                // A string where a number, list or object is read, and an object where text is: neither can bind.
                JsonNode wrong = field.Kind is "string" or "date" ? new JsonObject { ["x"] = 1 } : "not-this-type";
                using var request = new HttpRequestMessage(operation.Method, FillPath(operation.Path, _ => "x"))
                {
                    Content = JsonContent.Create(new JsonObject { [field.Name] = wrong }),
                };
                request.Headers.Add("X-Api-Key", platform.Keys.Admin);
                using var response = await platform.Gateway.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{operation.Method} {operation.Path} with {field.Name}={wrong.ToJsonString()} answered {(int)response.StatusCode}: {body}");
                Assert.Contains($"$.{field.Name}", body, StringComparison.Ordinal);
                checkedFields++;
            }
        }

        Assert.True(checkedFields >= 15, $"only {checkedFields} body fields were tried");
    }

    [Fact]
    public async Task Garbage_cursors_are_refused_on_every_list()
    {
        var lists = (await OperationsAsync()).Where(o => o.Method == HttpMethod.Get && o.Query.Any(p => p.Name == "cursor") && !o.Path.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            foreach (var cursor in new[] { "zzz", "AAAA", "bm90LWEtY3Vyc29y" })
            {
                using var response = await ReadAsync($"{list.Path}?cursor={cursor}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{list.Path}?cursor={cursor} answered {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>A GET with the admin key: the lists of jobs and feeds need one, and the values are what is tried here.</summary>
    private async Task<HttpResponseMessage> ReadAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", platform.Keys.Admin);
        return await platform.Gateway.SendAsync(request);
    }

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var document = await platform.Gateway.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var operations = new List<Operation>();
        foreach (var (path, item) in document!["paths"]!.AsObject())
        {
            foreach (var (method, body) in item!.AsObject())
            {
                var parameters = body!["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                var query = parameters.Where(p => (string?)p["in"] == "query")
                    .Select(p => new Parameter((string)p["name"]!, KindOf(p["schema"]))).ToList();
                var content = body["requestBody"]?["content"]?.AsObject();
                var schema = content?.FirstOrDefault().Value?["schema"];
                operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), path, query, content?.Select(c => c.Key).ToList() ?? [],
                    Resolve(schema, document), body["responses"]!.AsObject().Select(r => r.Key).ToHashSet()));
            }
        }

        return operations;
    }

    private static string KindOf(JsonNode? schema) =>
        TypesOf(schema).Contains("integer") ? "integer" : schema?["format"] is JsonValue format && (string?)format == "date" ? "date" : "string";

    private static List<string?> TypesOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray array => array.Select(t => (string?)t).ToList(),
        JsonValue value => [(string?)value],
        _ => [],
    };

    /// <summary>The body's properties and the kind of each, following $ref and nullable unions one level deep.</summary>
    private static List<Parameter> Resolve(JsonNode? schema, JsonObject document)
    {
        schema = Dereference(schema, document);
        if (schema?["properties"] is not JsonObject properties)
        {
            return [];
        }

        return properties.Select(p => new Parameter(p.Key, Dereference(p.Value, document) is { } resolved && resolved["properties"] is not null ? "object"
            : TypesOf(p.Value).Contains("array") ? "array" : KindOf(p.Value))).ToList();
    }

    private static JsonNode? Dereference(JsonNode? schema, JsonObject document)
    {
        if (schema?["oneOf"] is JsonArray choices)
        {
            schema = choices.FirstOrDefault(c => c?["$ref"] is not null) ?? schema;
        }

        return schema?["$ref"] is JsonValue reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]
            : schema;
    }

    private HttpRequestMessage Generate(Operation operation, Random random)
    {
        // An empty segment makes another route (its own 404 or 405), not a bad value for this one.
        var path = FillPath(operation.Path, _ => random.Next(4) switch
        {
            0 => $"st_{random.Next():x}",
            1 => Pick(BadValues, random) is { Length: > 0 } bad && bad.Trim().Length > 0 ? bad : "x",
            2 => Pick(GoodValues, random),
            _ => "x",
        });
        var query = new StringBuilder();
        foreach (var parameter in operation.Query.Where(_ => random.Next(3) == 0))
        {
            var value = random.Next(2) == 0 ? Pick(BadValues, random) : Pick(GoodValues, random);
            query.Append(query.Length == 0 ? '?' : '&').Append(parameter.Name).Append('=').Append(Uri.EscapeDataString(value));
        }

        if (random.Next(10) == 0)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(Pick(BadValues, random))).Append('=').Append(Uri.EscapeDataString(Pick(BadValues, random)));
        }

        var request = new HttpRequestMessage(operation.Method, path.Replace("%00", string.Empty, StringComparison.Ordinal) + query);
        switch (random.Next(10))
        {
            case 0:
                break;
            case 1:
                request.Headers.Add("X-Api-Key", Pick(BadValues, random) is { Length: > 0 } fake && !fake.Any(char.IsControl) && fake.All(c => c < 128) ? fake : "fake");
                break;
            default:
                request.Headers.Add("X-Api-Key", platform.Keys.Admin);
                break;
        }

        if (operation.Method == HttpMethod.Post && random.Next(4) == 0)
        {
            request.Headers.Add("Idempotency-Key", $"fuzz-{random.Next(50)}");
        }

        if (operation.Method == HttpMethod.Post || operation.Method == HttpMethod.Patch || operation.Method == HttpMethod.Put)
        {
            request.Content = Body(operation, random);
        }

        return request;
    }

    private static HttpContent? Body(Operation operation, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                return null;
            case 1:
                return new StringContent(Pick(["{", "[", "{\"a\":", "nul", "\"text\"", "{}}", "\u0000", "{\"filter\":{\"q\":\"\\u0000\"}}"], random), Encoding.UTF8, "application/json");
            case 2:
                var content = new StringContent(Pick(BadValues, random), Encoding.UTF8);
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                    Pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "multipart/form-data", "application/x-www-form-urlencoded"], random));
                return content;
            default:
                var body = new JsonObject();
                foreach (var property in operation.Body.Where(_ => random.Next(3) > 0))
                {
                    body[property.Name] = random.Next(3) == 0 ? Wrong(random) : Plausible(property, random);
                }

                if (operation.Path.EndsWith("/documents", StringComparison.Ordinal) && random.Next(2) == 0)
                {
                    body["content"] = random.Next(2) == 0 ? Pick(BadValues, random) : "\u201CWe must act together,\u201D said Ana Lima at the dialogue.";
                    body["contentType"] = Pick(["text/plain", "text/html", "image/png", string.Empty, "text/plain; charset=klingon"], random);
                }

                return JsonContent.Create(body);
        }
    }

    private static JsonNode? Plausible(Parameter property, Random random) => property.Kind switch
    {
        "integer" => random.Next(-5, 30),
        "array" => new JsonArray(random.Next(30), Pick(BadValues, random)),
        "object" => new JsonObject { ["type"] = "webhook", ["url"] = Pick(["http://127.0.0.1:9/hook", "ftp://x", "not a url", "http://[::1]:9/"], random), ["q"] = Pick(BadValues, random) },
        _ => property.Name.Contains("url", StringComparison.OrdinalIgnoreCase)
            ? Pick(["http://127.0.0.1:9/feed", "https://localhost:1/", "javascript:alert(1)", "http://a\u0000b"], random)
            : Pick(BadValues, random),
    };

    private static JsonNode? Wrong(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => 1e300,
        2 => true,
        3 => new JsonArray(new JsonObject(), 1, "x"),
        4 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = "\u0000" } },
        _ => long.MaxValue,
    };

    /// <summary>What is wrong with an answer: a 5xx, or a refusal that is not RFC 9457 problem details of its status.</summary>
    private static async Task<string?> FaultOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (status >= 500)
        {
            return Shorten(body);
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not problem details ({response.Content.Headers.ContentType}): {Shorten(body)}";
        }

        var problem = JsonDocument.Parse(body).RootElement;
        return problem.TryGetProperty("status", out var s) && s.GetInt32() == status && problem.TryGetProperty("title", out _) && problem.TryGetProperty("type", out _)
            ? null
            : $"problem details without a matching status, title and type: {Shorten(body)}";
    }

    /// <summary>
    /// A client generated from the document must know every status it can get. (A value the client normalises away,
    /// such as a dot segment, makes the request another route's; only the general checks apply to it.)
    /// </summary>
    private static string? Undocumented(Operation operation, HttpRequestMessage request, HttpResponseMessage response) =>
        request.RequestUri!.OriginalString.Split('?')[0].Split('/').Length != operation.Path.Split('/').Length
        || request.RequestUri.OriginalString.Split('?')[0].EndsWith('/')
        || operation.Responses.Contains(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture))
            ? null
            : "a status the OpenAPI document does not list for this operation";

    private static string FillPath(string template, Func<string, string> value)
    {
        var builder = new StringBuilder();
        foreach (var segment in template.Split('/'))
        {
            builder.Append(builder.Length == 0 && segment.Length == 0 ? string.Empty : "/")
                .Append(segment.StartsWith('{') ? Uri.EscapeDataString(value(segment.Trim('{', '}'))) : segment);
        }

        return builder.ToString();
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..200]}… ({text.Length} chars)");

    private sealed record Parameter(string Name, string Kind);

    private sealed record Operation(
        HttpMethod Method, string Path, IReadOnlyList<Parameter> Query, IReadOnlyList<string> ContentTypes, IReadOnlyList<Parameter> Body, IReadOnlySet<string> Responses);
}
