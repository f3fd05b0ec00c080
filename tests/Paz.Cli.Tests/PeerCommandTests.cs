using System.Globalization;
using System.Text.RegularExpressions;

namespace Paz.Cli.Tests;

public partial class PeerCommandTests
{
    [Fact]
    public void ThePublishedRunPrintsMembersAtWeek520WithinThePublishedRange()
    {
        var run = PazRun.Of("peer", "prieto-curiel");
        Assert.Equal(0, run.ExitCode);
        var match = MembersAtWeek520().Match(run.Output);
        Assert.True(match.Success, run.Output);
        var members = double.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(members, 160_000, 185_000);
        Assert.Contains("2021", run.Output, StringComparison.Ordinal);
        Assert.Contains("accepted steps", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCsvHasTheDocumentedColumnsAndConservesMembers()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-peer-").FullName, "weekly.csv");
        var run = PazRun.Of("peer", "prieto-curiel", "--experiment", "no-recruitment", "--csv", file);
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(file);
        Assert.Equal("week,date,members,recruits,deaths,incapacitations,saturation", lines[0]);
        Assert.Equal(1 + 1041, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("2012-01-01", rows[0][1]);
        for (var w = 0; w < 1040; w += 13)
        {
            double F(int column, int row = -1) => double.Parse(rows[row < 0 ? w : row][column], CultureInfo.InvariantCulture);
            var expected = F(2) + F(3) - F(4) - F(5) - F(6);
            Assert.Equal(expected, F(2, w + 1), 1e-3);
        }

        Assert.Equal(0, double.Parse(rows[600][3], CultureInfo.InvariantCulture)); // no recruits after week 520
    }

    [Fact]
    public void AScenarioFileAndAnExperimentTogetherAreAUsageError()
    {
        var run = PazRun.Of("peer", "prieto-curiel", "--experiment", "status-quo", "--scenario", "x.yaml");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be combined", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedScenarioEndsWithFileLineAndExitCodeTwo()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-peer-").FullName, "bad.yaml");
        File.WriteAllText(file, "name: bad\nengine: aggregate\nweeks: 520\nrecruitment: 0\n");
        var run = PazRun.Of("peer", "prieto-curiel", "--scenario", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:4: unknown key 'recruitment'", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Members at week 520 \([0-9-]+\): ([0-9,]+)")]
    private static partial Regex MembersAtWeek520();
}

public class RunAggregateScenarioTests
{
    [Fact]
    public void PazRunRunsTheAggregateModelsExperimentScenarios()
    {
        var scenario = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "peer", "prieto-curiel-half-recruitment.yaml");
        var output = Directory.CreateTempSubdirectory("paz-run-aggregate-").FullName;
        var run = PazRun.Of("run", scenario, "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("half-recruitment from week 520", run.Output, StringComparison.Ordinal);
        Assert.Contains("Five years after the switch (week 780)", run.Output, StringComparison.Ordinal);
        Assert.Equal(1 + 1041, File.ReadLines(Path.Combine(output, "weekly.csv")).Count());
    }
}
