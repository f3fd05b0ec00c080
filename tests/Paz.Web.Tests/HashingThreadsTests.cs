using Paz.Tribunal.Security;

namespace Paz.Web.Tests;

/// <summary>Passwords are hashed on threads that yield to every case request.</summary>
public sealed class HashingThreadsTests
{
    [Fact]
    public async Task PasswordsAreHashedOnThreadsOfTheIdleSchedulingPolicy()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the idle scheduling policy is Linux's");
        Assert.Equal(5, await HashingThreads.Run(SchedulingPolicy)); // SCHED_IDLE
        Assert.Equal(0, SchedulingPolicy()); // the caller's thread keeps the normal policy (SCHED_OTHER)
    }

    // Field 41 of /proc/thread-self/stat, after the command name in parentheses (which may hold spaces).
    private static int SchedulingPolicy()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[41 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
