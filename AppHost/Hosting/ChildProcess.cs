using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace IdmPlatform.Hosting;

/// <summary>
/// A child process started in its own session and process group (through setsid, which execs in place,
/// so the PID we hold is the group leader), with its output captured line by line. Stopping signals the
/// process, then kills whatever is left of its group and descendants, so nothing outlives the AppHost.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited;

    private ChildProcess(Process process, TaskCompletionSource<int> exited)
    {
        _process = process;
        _exited = exited;
        Pid = process.Id;
    }

    public int Pid { get; }

    /// <summary>Completes with the exit code when the process itself exits (not waiting for inherited pipes to close).</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Every PID seen in this process's group or tree while it ran (for the no-orphans guarantee).</summary>
    public HashSet<int> KnownPids { get; } = [];

    private readonly Dictionary<int, ulong> _known = [];

    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string, bool> onLine)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // No child reads the AppHost's terminal; closing stdin also keeps Ctrl+C ours to handle.
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            // A null value removes an inherited variable.
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(e.Data, false);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine(e.Data, true);
            }
        };

        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += async (_, _) =>
        {
            // The Exited event can come before the last lines are read: "exited" means its output is in the log.
            // Bounded, because a grandchild may hold the pipes open.
            using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await process.WaitForExitAsync(drained.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or ObjectDisposedException)
            {
                // Not drained in time, or already disposed: the exit stands.
            }

            exited.TrySetResult(SafeExitCode(process));
        };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        var child = new ChildProcess(process, exited);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Remember();
        return child;
    }

    /// <summary>Signals the process, waits up to grace, then kills its whole group and tree.</summary>
    public async Task StopAsync(int signal, TimeSpan grace, bool wholeGroup)
    {
        Remember();
        if (!HasExited)
        {
            if (wholeGroup)
            {
                _ = Kill(-Pid, signal);
            }
            else
            {
                _ = Kill(Pid, signal);
            }

            await Task.WhenAny(Exited, Task.Delay(grace));
        }

        KillTree();
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(2)));
    }

    /// <summary>Kills everything left in the group and every process seen descending from it, at once.</summary>
    public void KillTree()
    {
        Remember();
        _ = Kill(-Pid, SigKill);
        foreach (var (pid, startTime) in _known)
        {
            // Same PID and same start time: still the process we saw, not a recycled PID.
            if (ReadStat(pid) is { } stat && stat.StartTime == startTime && stat.State is not ('Z' or 'X'))
            {
                _ = Kill(pid, SigKill);
            }
        }
    }

    /// <summary>Records the current members of the group and tree, so they can be found after reparenting.</summary>
    public void Remember()
    {
        bool added;
        var processes = ListProcesses().ToList();
        do
        {
            added = false;
            foreach (var (pid, stat) in processes)
            {
                if (!_known.ContainsKey(pid) && (pid == Pid || stat.Pgrp == Pid || _known.ContainsKey(stat.Ppid)))
                {
                    _known[pid] = stat.StartTime;
                    KnownPids.Add(pid);
                    added = true;
                }
            }
        }
        while (added);
    }

    public void Dispose() => _process.Dispose();

    public static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        // A zombie has exited; it only waits for its parent to reap it.
        return stat is { } s && s.State != 'Z' && s.State != 'X';
    }

    /// <summary>Kills pid only if it still belongs to one of our process groups (a recycled PID is left alone).</summary>
    public static void KillIfInGroups(int pid, IReadOnlySet<int> groups)
    {
        if (ReadStat(pid) is { } stat && stat.State != 'Z' && groups.Contains(stat.Pgrp))
        {
            _ = Kill(pid, SigKill);
        }
    }

    /// <summary>
    /// Kills processes left by an earlier AppHost on the same data that was itself killed (SIGKILL, a crash):
    /// every child carries IDM_APPHOST_DATA=&lt;data directory&gt; in its environment, which identifies them. Servers that
    /// rewrite their process title (Redis) lose that, so their command lines are matched too.
    /// </summary>
    public static int KillLeftovers(string marker, IReadOnlyList<string> commandLines)
    {
        var needle = Encoding.UTF8.GetBytes(marker + "\0");
        var self = System.Environment.ProcessId;
        var killed = 0;
        foreach (var (pid, _) in ListProcesses())
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
                if (pid != self
                    && (File.ReadAllBytes($"/proc/{pid}/environ").AsSpan().IndexOf(needle) >= 0 || (IsServer(commandLine) && commandLines.Any(c => commandLine.Contains(c, StringComparison.Ordinal)))))
                {
                    killed += Kill(pid, SigKill) == 0 ? 1 : 0;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return killed;
    }

    // Command-line matching is limited to the servers' own binaries, never a shell or tool that merely names the folder.
    private static bool IsServer(string commandLine)
        => commandLine.StartsWith("redis-server", StringComparison.Ordinal)
            || commandLine.StartsWith("/usr/lib/postgresql/", StringComparison.Ordinal)
            || commandLine.StartsWith("/usr/lib/erlang/", StringComparison.Ordinal);

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static IEnumerable<(int Pid, (char State, int Ppid, int Pgrp, ulong StartTime) Stat)> ListProcesses()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                yield return (pid, stat);
            }
        }
    }

    private static (char State, int Ppid, int Pgrp, ulong StartTime)? ReadStat(int pid)
    {
        try
        {
            // Format: "pid (comm) state ppid pgrp … starttime (22nd field)"; comm may hold spaces or parentheses, so parse after the last ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture),
                ulong.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int Kill(int pid, int signal) => pid is 0 or -1 ? -1 : NativeKill(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int sig);
}
