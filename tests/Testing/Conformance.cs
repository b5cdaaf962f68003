using System.Diagnostics;

namespace IdmPlatform.Testing;

/// <summary>
/// Third-party clients run from npm (tests/Conformance, installed by scripts/test.sh): what the platform answers is
/// checked by the tools integrators use, not only by our own reading of the standards.
/// </summary>
public static class Conformance
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Runs a command from the folder's node_modules/.bin (or node itself) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var executable = command == "node" ? "node" : Path.Combine(Folder, "node_modules", ".bin", command);
        if (command != "node" && !File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: run 'npm ci --prefix tests/Conformance' (scripts/test.sh does).");
        }

        var start = new ProcessStartInfo(executable) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, $"{await output}{await error}");
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Conformance");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Conformance not found above the test's folder.");
    }
}
