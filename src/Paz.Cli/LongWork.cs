using Paz.Core.Common;
using Spectre.Console;

namespace Paz.Cli;

/// <summary>
/// Long work (an ensemble's replicates, calibration candidates, a backtest's origins, sensitivity runs) shown as a
/// Spectre.Console progress bar with the time elapsed and left when standard error is a terminal; with
/// <c>--quiet</c> or when it is redirected, as plain lines at each tenth of the work.
/// </summary>
public static class LongWork
{
    /// <summary>
    /// Runs <paramref name="work"/>, which reports progress values; <paramref name="doneOf"/> reads how many of
    /// <paramref name="total"/> steps (counted in <paramref name="unit"/>, e.g. "replicates") a value says are done, <paramref name="detail"/> what else to show (e.g. the best objective).
    /// Progress may be reported from any thread, and is shown at once (a <see cref="Progress{T}"/> would post it after the work returned).
    /// </summary>
    public static T Run<TProgress, T>(CommandConsole console, string description, string unit, int total, Func<TProgress, int> doneOf, Func<TProgress, string>? detail, Func<IProgress<TProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(doneOf);
        ArgumentNullException.ThrowIfNull(work);
        total = Math.Max(1, total);
        if (!console.Quiet && !Console.IsErrorRedirected && ReferenceEquals(console.Error, Console.Error))
        {
            var result = default(T)!;
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape($"{description} ({total} {unit})"), maxValue: total);
                    var gate = new object();
                    result = work(new InlineProgress<TProgress>(p =>
                    {
                        lock (gate)
                        {
                            task.Value = Math.Max(task.Value, doneOf(p));
                            if (detail is not null)
                            {
                                task.Description = Markup.Escape($"{description} ({total} {unit}) · {detail(p)}");
                            }
                        }
                    }));
                    task.Value = total;
                });
            return result;
        }

        var step = Math.Max(1, total / 10);
        var last = 0;
        return work(new InlineProgress<TProgress>(p =>
        {
            var done = doneOf(p);
            lock (console)
            {
                if (done / step > last / step || done == total)
                {
                    last = Math.Max(last, done);
                    console.Error.WriteLine($"paz: {description}: {done}/{total} {unit} done{(detail is null ? string.Empty : ", " + detail(p))}");
                }
            }
        }));
    }

    /// <summary><see cref="Run{TProgress, T}"/> for work that reports a count of steps done.</summary>
    public static T Run<T>(CommandConsole console, string description, string unit, int total, Func<IProgress<int>, T> work) =>
        Run(console, description, unit, total, done => done, null, work);
}
