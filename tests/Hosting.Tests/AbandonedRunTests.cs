using System.Diagnostics;
using System.Globalization;
using IdmPlatform.Testing;

namespace IdmPlatform.Hosting.Tests;

public sealed class AbandonedRunTests
{
    [Fact]
    public async Task A_killed_test_run_is_swept_its_processes_stopped_and_its_data_deleted_while_a_live_run_is_left_alone()
    {
        var parent = Directory.CreateTempSubdirectory("idm-sweep-").FullName;
        var abandoned = Path.Combine(parent, "idm-tests-abandoned");
        var live = Path.Combine(parent, "idm-tests-live");
        Directory.CreateDirectory(abandoned);
        Directory.CreateDirectory(live);
        using (var owner = Process.Start("true")!)
        {
            await owner.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.Combine(abandoned, "owner.pid"), owner.Id.ToString(CultureInfo.InvariantCulture));
        }

        await File.WriteAllTextAsync(Path.Combine(live, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        // What the killed run left running carries the AppHost's data marker, as every child it starts does.
        var info = new ProcessStartInfo("sleep", "300");
        info.Environment["IDM_APPHOST_DATA"] = abandoned;
        using var leftover = Process.Start(info)!;

        try
        {
            Assert.Equal(1, InfrastructureFixture.RemoveAbandonedRuns(parent));

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await leftover.WaitForExitAsync(timeout.Token);
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(live));
        }
        finally
        {
            leftover.Kill();
            Directory.Delete(parent, recursive: true);
        }
    }
}
