using IdmPlatform.Benchmark;

// dotnet run --project tools/Benchmark -c Release -- extraction
// dotnet run --project tools/Benchmark -c Release -- gateway --url http://localhost:8080 --count 1000 --api-key KEY [--concurrency 16]
var options = Options.Parse(args.Skip(1).ToArray());
switch (args.FirstOrDefault())
{
    case "extraction":
        ExtractionBenchmark.Run();
        return 0;
    case "gateway":
        return await GatewayBenchmark.RunAsync(
            new Uri(options.GetValueOrDefault("url", "http://localhost:8080")),
            int.Parse(options.GetValueOrDefault("count", "1000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("concurrency", "16"), System.Globalization.CultureInfo.InvariantCulture),
            options.GetValueOrDefault("api-key"));
    default:
        Console.Error.WriteLine("usage: Benchmark extraction | gateway --url URL --count N --api-key KEY [--concurrency N]");
        return 2;
}

namespace IdmPlatform.Benchmark
{
    /// <summary>"--name value" pairs.</summary>
    internal static class Options
    {
        public static Dictionary<string, string> Parse(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                options[args[i].TrimStart('-')] = args[i + 1];
            }

            return options;
        }
    }
}
