using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IdmPlatform.Testing;

/// <summary>How a subscription's owner calls its own endpoints: with the management token, straight to the service or through the gateway.</summary>
public static class SubscriptionOwner
{
    public static async Task<HttpResponseMessage> AsOwnerAsync(this HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>The subscription's status as its owner sees it.</summary>
    public static async Task<string?> SubscriptionStatusAsync(this HttpClient client, string id, string token) =>
        (await (await client.AsOwnerAsync(HttpMethod.Get, $"/api/notifications/subscriptions/{id}", token)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("status").GetString();
}
