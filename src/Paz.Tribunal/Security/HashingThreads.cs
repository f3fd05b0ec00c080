using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Paz.Tribunal.Security;

/// <summary>
/// Where passwords are hashed: half the cores' worth of dedicated threads (at least one) that run below everything else
/// in the process, so that a crowd signing in slows sign-ins, not the cases. A PBKDF2 check costs a core about a third of
/// a second; run on the thread pool at normal priority, 20 clients signing in cut the registry's case reads by a third
/// and put its p99 over its target. On Linux the threads take the idle scheduling policy (SCHED_IDLE): a case request's
/// thread that wakes preempts them at once, where a mere lower priority (niceness 10) let a hash finish its time slice
/// first and changed nothing measurable. The hashing takes the CPU the cases leave, and all of it when they leave it all.
/// </summary>
public static class HashingThreads
{
    private const int IdlePolicy = 5; // SCHED_IDLE
    private const int LowerNiceness = 19;

    private static readonly BlockingCollection<Action> Work = Start();

    /// <summary>Runs <paramref name="work"/> on a hashing thread.</summary>
    public static Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                done.SetResult(work());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private static BlockingCollection<Action> Start()
    {
        var work = new BlockingCollection<Action>();
        for (var i = 0; i < Math.Max(1, Environment.ProcessorCount / 2); i++)
        {
            new Thread(() =>
            {
                Lower();
                foreach (var job in work.GetConsumingEnumerable())
                {
                    job();
                }
            })
            { IsBackground = true, Name = $"password hashing {i + 1}" }.Start();
        }

        return work;
    }

    // .NET's ThreadPriority is not applied on Linux; a thread's own policy is, and lowering it needs no privilege (where
    // the idle policy is refused, the lowest niceness).
    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            var thread = NativeMethods.gettid();
            var none = 0;
            if (NativeMethods.sched_setscheduler(thread, IdlePolicy, ref none) != 0)
            {
                _ = NativeMethods.setpriority(0 /* PRIO_PROCESS: with a thread id, that thread */, thread, LowerNiceness);
            }
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int setpriority(int which, int who, int prio);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int sched_setscheduler(int pid, int policy, ref int priority);

        [DllImport("libc")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int gettid();
    }
}
