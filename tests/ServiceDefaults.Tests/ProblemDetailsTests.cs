using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.ServiceDefaults.Tests;

/// <summary>What every service answers when a request does not bind or the code fails, through ServiceDefaults alone.</summary>
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public sealed record Thing(string Name, int Count);

    public async Task InitializeAsync()
    {
        // Development, as the AppHost runs the services: minimal APIs throw on bad requests there.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Services.AddPlatformProblemDetails();
        _app = builder.Build();
        _app.UsePlatformProblemDetails();
        _app.MapPost("/things", (Thing thing) => Results.Ok(thing));
        _app.MapGet("/things", (int limit) => Results.Ok(limit));
        _app.MapGet("/broken", string () => throw new InvalidOperationException("connection string with a password"));
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_a_400_naming_the_field()
    {
        using var content = new StringContent("{\"name\": \"a\", \"count\": \"many\"}", Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PostAsync("/things", content), HttpStatusCode.BadRequest, "$.count");
    }

    [Fact]
    public async Task Malformed_json_is_a_400()
    {
        using var content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");

        await ProblemAssert.IsProblemAsync(await _client.PostAsync("/things", content), HttpStatusCode.BadRequest, "JSON");
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_is_a_400_naming_it()
    {
        await ProblemAssert.IsProblemAsync(await _client.GetAsync("/things?limit=abc"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_that_keeps_its_message_inside()
    {
        var response = await _client.GetAsync("/broken");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
