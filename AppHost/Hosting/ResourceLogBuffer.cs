using System.Text.RegularExpressions;

namespace IdmPlatform.Hosting;

/// <summary>The last 10,000 console lines of one resource, numbered so a reader can ask for what is new.</summary>
internal sealed partial class ResourceLogBuffer(string resource, Action<ResourceLogLine>? sink)
{
    public const int Capacity = 10_000;

    private readonly Queue<ResourceLogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _sequence;

    public void Add(string text, bool isError)
    {
        ResourceLogLine line;
        lock (_gate)
        {
            line = new ResourceLogLine(resource, ++_sequence, DateTimeOffset.UtcNow, AnsiEscape().Replace(text, string.Empty), isError);
            _lines.Enqueue(line);
            while (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }
        }

        try
        {
            sink?.Invoke(line);
        }
        catch (InvalidOperationException)
        {
            // A test's output helper throws once its test has finished; the line is still kept here.
        }
    }

    // Colour codes (RabbitMQ colours its console) would show as noise in the dashboard and test output.
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    public IReadOnlyList<ResourceLogLine> After(long sequence, int max = Capacity)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Sequence > sequence).Take(max)];
        }
    }
}
