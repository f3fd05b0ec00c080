namespace Paz.Cli.Tests;

/// <summary>Progress of long work off a terminal: plain lines at each tenth, the last always, in order, whatever thread reports.</summary>
public class LongWorkTests
{
    [Fact]
    public void OffATerminalProgressIsAPlainLineAtEachTenthOfTheWork()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CommandConsole(output, error) { Quiet = true };
        var answer = LongWork.Run(console, "test work", "steps", 40, progress =>
        {
            Parallel.For(1, 41, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => progress.Report(k));
            return 42;
        });

        Assert.Equal(42, answer);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 2, 11);
        Assert.All(lines, l => Assert.Matches(@"^paz: test work: \d+/40 steps done$", l.TrimEnd('\r')));
        Assert.Contains("paz: test work: 40/40 steps done", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString()); // progress never mixes into the command's output
    }

    [Fact]
    public void ADetailFollowsTheCount()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CommandConsole(output, error);
        LongWork.Run(console, "calibrate", "runs", 10, (Func<(int Done, double Best), int>)(p => p.Done), p => $"best {p.Best}", progress =>
        {
            for (var k = 1; k <= 10; k++)
            {
                progress.Report((k, 1.0 / k));
            }

            return 0;
        });

        Assert.Contains("paz: calibrate: 10/10 runs done, best 0.1", error.ToString(), StringComparison.Ordinal);
    }
}
