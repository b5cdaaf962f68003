namespace IdmPlatform.Hosting;

/// <summary>The last 10,000 console lines of one resource, numbered so a reader can ask for what is new.</summary>
internal sealed class ResourceLogBuffer(string resource, Action<ResourceLogLine>? sink)
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
            line = new ResourceLogLine(resource, ++_sequence, DateTimeOffset.UtcNow, text, isError);
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

    public IReadOnlyList<ResourceLogLine> After(long sequence, int max = Capacity)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Sequence > sequence).Take(max)];
        }
    }
}
