namespace Paz.Cli.Tests;

/// <summary><c>paz councils check</c>: the shipped councils pass; a malformed file exits 2 with its file and line.</summary>
public class CouncilsCommandTests
{
    [Fact]
    public void TheShippedCouncilFileMeetsItsCompositions()
    {
        var run = PazRun.Of("councils", "check", Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios", "councils", "tierra-caliente.csv"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 council(s), each meeting its composition.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ACouncilWithoutItsUnObserverIsRefusedWithTheFileAndTheCouncilsFirstLine()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("paz-councils-").FullName, "councils.csv");
        File.WriteAllLines(file, ["council,composition,scope,place,role,member", .. new[] { "government", "government", "government", "civil_society", "civil_society", "civil_society", "human_rights_guest" }.Select((r, k) => $"c,plan-2018,municipality,16006,{r},m{k}")]);
        var run = PazRun.Of("councils", "check", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:2: council 'c' breaks the plan-2018 composition", run.Error, StringComparison.Ordinal);
        Assert.Contains("0 un_observer member(s) where the plan-2018 composition requires 1", run.Error, StringComparison.Ordinal);
    }
}
