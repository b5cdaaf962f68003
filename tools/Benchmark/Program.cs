using IdmPlatform.Benchmark;

// dotnet run --project tools/Benchmark -c Release -- extraction
// dotnet run --project tools/Benchmark -c Release -- gateway --url http://localhost:8080 --count 1000 --api-key KEY [--concurrency 16]
// dotnet run --project tools/Benchmark -c Release -- search [--statements 200000] [--queries 200]   (starts its own platform)
// dotnet run --project tools/Benchmark -c Release -- search-engine [--statements 200000] [--queries 200]   (the engine alone, in process)
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
    case "search":
        return await SearchBenchmark.RunAsync(
            int.Parse(options.GetValueOrDefault("statements", "200000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("queries", "200"), System.Globalization.CultureInfo.InvariantCulture));
    case "search-engine":
        return await SearchEngineBenchmark.RunAsync(
            int.Parse(options.GetValueOrDefault("statements", "200000"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(options.GetValueOrDefault("queries", "200"), System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: Benchmark extraction | gateway --url URL --count N --api-key KEY [--concurrency N] | search [--statements N] [--queries N] | search-engine [--statements N] [--queries N]");
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
