using Google.Protobuf;
using IdmPlatform.Hosting.Otlp;
using OtlpResource = IdmPlatform.Hosting.Otlp.Resource;

namespace IdmPlatform.Hosting;

/// <summary>One span as received over OTLP, flattened for queries and the dashboard.</summary>
public sealed record TelemetrySpan(
    string ServiceName,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyDictionary<string, string> Attributes,
    string Status,
    string? StatusMessage);

/// <summary>One structured log record as received over OTLP.</summary>
public sealed record TelemetryLog(
    string ServiceName,
    DateTimeOffset Timestamp,
    int SeverityNumber,
    string Severity,
    string Message,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId,
    string? Category);

/// <summary>Recent traces and logs the services sent, kept in memory (the last 10,000 of each).</summary>
public sealed class TelemetryStore
{
    public const int Capacity = 10_000;

    private readonly Queue<TelemetrySpan> _spans = new();
    private readonly Queue<TelemetryLog> _logs = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<TelemetrySpan> Spans
    {
        get
        {
            lock (_gate)
            {
                return [.. _spans];
            }
        }
    }

    public IReadOnlyList<TelemetryLog> Logs
    {
        get
        {
            lock (_gate)
            {
                return [.. _logs];
            }
        }
    }

    /// <summary>Every span of a trace (hex trace id, any case), in start order.</summary>
    public IReadOnlyList<TelemetrySpan> GetTrace(string traceIdHex)
    {
        lock (_gate)
        {
            return [.. _spans.Where(s => string.Equals(s.TraceId, traceIdHex, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Start)];
        }
    }

    public IReadOnlyList<TelemetrySpan> GetSpansByService(string serviceName)
    {
        lock (_gate)
        {
            return [.. _spans.Where(s => s.ServiceName == serviceName)];
        }
    }

    internal void Add(ExportTraceServiceRequest request)
    {
        var spans = new List<TelemetrySpan>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    var start = FromUnixNano(span.StartTimeUnixNano);
                    spans.Add(new TelemetrySpan(
                        service,
                        Hex(span.TraceId)!,
                        Hex(span.SpanId)!,
                        Hex(span.ParentSpanId),
                        span.Name,
                        span.Kind.ToString(),
                        start,
                        TimeSpan.FromTicks((long)((span.EndTimeUnixNano - Math.Min(span.StartTimeUnixNano, span.EndTimeUnixNano)) / 100)),
                        Attributes(span.Attributes),
                        span.Status?.Code switch { Status.Types.StatusCode.Error => "Error", Status.Types.StatusCode.Ok => "Ok", _ => "Unset" },
                        string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message));
                }
            }
        }

        lock (_gate)
        {
            foreach (var span in spans)
            {
                _spans.Enqueue(span);
            }

            while (_spans.Count > Capacity)
            {
                _spans.Dequeue();
            }
        }
    }

    internal void Add(ExportLogsServiceRequest request)
    {
        var logs = new List<TelemetryLog>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    logs.Add(new TelemetryLog(
                        service,
                        FromUnixNano(time),
                        record.SeverityNumber,
                        string.IsNullOrEmpty(record.SeverityText) ? SeverityName(record.SeverityNumber) : record.SeverityText,
                        Render(record.Body),
                        Attributes(record.Attributes),
                        Hex(record.TraceId),
                        Hex(record.SpanId),
                        string.IsNullOrEmpty(scope.Scope?.Name) ? null : scope.Scope.Name));
                }
            }
        }

        lock (_gate)
        {
            foreach (var log in logs)
            {
                _logs.Enqueue(log);
            }

            while (_logs.Count > Capacity)
            {
                _logs.Dequeue();
            }
        }
    }

    private static string ServiceName(OtlpResource? resource)
        => resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } kv ? Render(kv.Value) : "unknown";

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes.Take(128))
        {
            result[attribute.Key] = Render(attribute.Value);
        }

        return result;
    }

    private static string Render(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Render)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Render(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.ToByteArray()),
        _ => string.Empty,
    };

    private static string? Hex(ByteString bytes) => bytes.IsEmpty || bytes.All(b => b == 0) ? null : Convert.ToHexStringLower(bytes.Span);

    private static DateTimeOffset FromUnixNano(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    private static string SeverityName(int number) => number switch
    {
        <= 0 => "Unspecified",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };
}
