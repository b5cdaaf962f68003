using System.Net;
using IdmPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace IdmPlatform.ServiceDefaults.Tests;

/// <summary>Every range the guards on user-given URLs (webhooks, documents by URL, feeds) claim to refuse, and their edges.</summary>
public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")] // unspecified, "this network"
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")] // private
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.255")]
    [InlineData("169.254.169.254")] // link-local, cloud metadata
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("100.127.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")] // IPv6 link-local
    [InlineData("fec0::1")] // IPv6 site-local
    [InlineData("fc00::1")] // IPv6 unique local
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4 mapped into IPv6
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 to 169.254.169.254
    [InlineData("64:ff9b::7f00:1")] // NAT64 to 127.0.0.1
    public void A_private_loopback_or_link_local_address_is_refused(string address) =>
        Assert.True(NetworkAddresses.IsPrivate(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("9.255.255.255")] // just below 10/8
    [InlineData("11.0.0.0")] // just above
    [InlineData("172.15.255.255")] // just below 172.16/12
    [InlineData("172.32.0.0")] // just above
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.0")]
    [InlineData("100.63.255.255")] // just below 100.64/10
    [InlineData("100.128.0.0")] // just above
    [InlineData("169.253.255.255")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 to 8.8.8.8
    public void A_public_address_is_allowed(string address) =>
        Assert.False(NetworkAddresses.IsPrivate(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("http://127.1/hook")] // short form of 127.0.0.1
    [InlineData("http://2130706433/hook")] // 127.0.0.1 as one number
    [InlineData("http://0x7f000001/hook")] // and in hexadecimal
    [InlineData("http://[::ffff:7f00:1]/hook")]
    public async Task Loopback_in_any_spelling_of_a_url_is_refused(string url) =>
        Assert.True(await NetworkAddresses.IsPrivateTargetAsync(new Uri(url), CancellationToken.None), url);

    [Fact]
    public async Task A_host_name_too_long_to_look_up_is_the_callers_error_not_the_servers()
    {
        // Five labels of 60 letters: a valid URL, but a name longer than the 255 characters DNS allows.
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example";

        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() =>
            NetworkAddresses.IsPrivateTargetAsync(new Uri($"https://{host}/hook"), CancellationToken.None));

        Assert.Equal(StatusCodes.Status400BadRequest, refused.StatusCode); // a problem-details 400 where a request asked
        Assert.Contains("at most 255 characters", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connect_step_refuses_a_private_address_whatever_the_name_said_before()
    {
        // A name checked as public before the call can resolve to a private address when the call connects (DNS
        // rebinding), so the connect step judges the address it connects to. Here "localhost" plays that name.
        await using var site = await LocalSite.StartAsync(app => app.MapGet("/hook", () => Results.Ok()));
        var url = new Uri(site.Url("/hook").ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        using var guarded = new HttpClient(new SocketsHttpHandler { ConnectCallback = NetworkAddresses.ConnectCallback(_ => false) });
        using var allowed = new HttpClient(new SocketsHttpHandler { ConnectCallback = NetworkAddresses.ConnectCallback(host => host == "localhost") });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync(url));
        using var answer = await allowed.GetAsync(url);

        Assert.Contains("loopback or private address", refused.Message, StringComparison.Ordinal);
        Assert.True(answer.IsSuccessStatusCode);
    }
}
