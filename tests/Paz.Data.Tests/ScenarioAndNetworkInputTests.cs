using Paz.Data.Groups;
using Paz.Data.Scenarios;

namespace Paz.Data.Tests;

/// <summary>Malformed network and scenario files stop with file, line and expectation.</summary>
public class ScenarioAndNetworkInputTests
{
    private const string Nodes = "Node,Group,State,ShortName\nN1,Alpha,Sinaloa,A\nN2,Beta,Jalisco,B\n";
    private const string TieHeader = "Edge,Node,Group,RNode,RGroup,weight\n";

    private static DataFormatException NetworkError(string rivals, string nodes = Nodes)
    {
        using var n = new BrokenFile("nodes.csv", nodes);
        using var r = new BrokenFile("rivals.csv", rivals);
        using var a = new BrokenFile("allies.csv", TieHeader);
        return Assert.Throws<DataFormatException>(() => GroupNetworkLoader.Load(n.Path, r.Path, a.Path));
    }

    [Fact]
    public void ATieToAnUnknownNodeIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alpha,N2,Beta,3\nE2,N1,Alpha,N9,Gamma,1\n");
        Assert.EndsWith("rivals.csv", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("column 'RNode': expected a node of the nodes file, found 'N9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeWeightIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alpha,N2,Beta,-3\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("column 'weight': expected a whole number of at least 0, found '-3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingColumnIsRefused()
    {
        var error = NetworkError("Edge,Node,Group,RNode,RGroup\nE1,N1,Alpha,N2,Beta\n");
        Assert.Equal(1, error.Line);
        Assert.Contains("expected a column named 'weight'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameThatDisagreesWithItsNodeIsRefused()
    {
        var error = NetworkError(TieHeader + "E1,N1,Alfa,N2,Beta,3\n");
        Assert.Contains("column 'Group': expected the name of node N1, 'Alpha', found 'Alfa'", error.Message, StringComparison.Ordinal);
    }

    private const string Scenario = """
        name: test
        engine: aggregate
        weeks: 600
        experiment:
          name: half
          recruitment_factor: 0.5
        parameters:
          rho: 2.6e-3
        """;

    private static DataFormatException ScenarioError(string yaml)
    {
        using var file = new BrokenFile("scenario.yaml", yaml);
        var error = Assert.Throws<DataFormatException>(() => AggregateScenarioReader.Read(file.Path));
        Assert.Equal(file.Path, error.File);
        return error;
    }

    [Fact]
    public void AValidScenarioReadsWithDefaultsForWhatItOmits()
    {
        using var file = new BrokenFile("scenario.yaml", Scenario);
        var scenario = AggregateScenarioReader.Read(file.Path);
        Assert.Equal(600, scenario.Weeks);
        Assert.Equal(2.6e-3, scenario.Parameters.Rho);
        Assert.Equal(110, scenario.Parameters.Eta);
        Assert.Equal(520, scenario.Experiment!.FromWeek);
        Assert.Equal(0.5, scenario.Experiment.RecruitmentFactor);
        Assert.Equal(1, scenario.Experiment.IncapacitationFactor);
    }

    [Fact]
    public void AnUnknownKeyIsRefusedAtItsLine()
    {
        var error = ScenarioError(Scenario.Replace("  rho: 2.6e-3", "  rho: 2.6e-3\n  lambda: 4", StringComparison.Ordinal));
        Assert.Equal(9, error.Line);
        Assert.Contains("unknown key 'lambda'; expected one of: c0, eta, omega, rho, theta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongTypeIsRefusedAtItsLine()
    {
        var error = ScenarioError(Scenario.Replace("weeks: 600", "weeks: many", StringComparison.Ordinal));
        Assert.Equal(3, error.Line);
        Assert.Contains("'weeks': expected a whole number from 1 to 5200, found 'many'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutOfRangeValueIsRefusedWithTheRange()
    {
        var error = ScenarioError(Scenario.Replace("rho: 2.6e-3", "rho: 0.5", StringComparison.Ordinal));
        Assert.Equal(8, error.Line);
        Assert.Contains("'rho': expected a number from 0.002 to 0.003, found '0.5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIsRefusedWithItsLine()
    {
        var error = ScenarioError("name: test\nengine: [aggregate\n");
        Assert.InRange(error.Line, 2, 3);
        Assert.Contains("expected valid YAML", error.Message, StringComparison.Ordinal);
    }
}
