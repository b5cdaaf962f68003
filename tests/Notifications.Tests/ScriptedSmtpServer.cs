using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdmPlatform.Notifications.Tests;

/// <summary>
/// An SMTP server on loopback that a test scripts, for what the mail catcher never does: it takes every mail, unless
/// told to refuse a step (MAIL, RCPT, or the end of DATA) with a given reply, or to hold the mail to an address, once
/// its content is in, until the test lets it go (a slow server).
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HeldMail> _held = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _taken = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private Task _accepting = Task.CompletedTask;

    /// <summary>The "mail" connection string that sends to this server.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The recipient of every mail taken, once a mail.</summary>
    public IReadOnlyCollection<string> Taken => _taken;

    public static ScriptedSmtpServer Start()
    {
        var server = new ScriptedSmtpServer();
        server._listener.Start();
        server._accepting = server.AcceptAsync();
        return server;
    }

    /// <summary>Answers the step ("MAIL", "RCPT" or "END" of DATA) with the reply instead of taking it.</summary>
    public void Refuse(string step, string reply) => _refusals[step] = reply;

    /// <summary>Holds the mail to the address once its content is in, before answering, until it is released.</summary>
    public HeldMail Hold(string address) => _held.GetOrAdd(address, _ => new HeldMail());

    public sealed class HeldMail
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the mail's content is in and the sender waits for the answer.</summary>
        public Task Arrived => _arrived.Task;

        public void Release() => _released.TrySetResult();

        internal Task ArriveAsync()
        {
            _arrived.TrySetResult();
            return _released.Task;
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _sessions.Add(ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var recipients = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 scripted ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                switch (line.Split(' ', 2)[0].ToUpperInvariant())
                {
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync(_refusals.GetValueOrDefault("MAIL") ?? "250 2.1.0 OK");
                        break;
                    case "RCPT" when _refusals.TryGetValue("RCPT", out var refusal):
                        await writer.WriteLineAsync(refusal);
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.LastIndexOf('>')]);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } content && content != ".")
                        {
                        }

                        await TakeAsync(writer, recipients);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default: // EHLO, HELO, RSET, NOOP: no extensions, nothing to keep.
                        recipients.Clear();
                        await writer.WriteLineAsync("250 scripted");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the test is over.
        }
    }

    private async Task TakeAsync(StreamWriter writer, List<string> recipients)
    {
        foreach (var recipient in recipients)
        {
            if (_held.TryGetValue(recipient, out var held))
            {
                await held.ArriveAsync().WaitAsync(_stop.Token);
            }
        }

        if (_refusals.TryGetValue("END", out var refusal))
        {
            await writer.WriteLineAsync(refusal);
            return;
        }

        foreach (var recipient in recipients)
        {
            _taken.Enqueue(recipient);
        }

        await writer.WriteLineAsync("250 2.0.0 Queued");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }
}
