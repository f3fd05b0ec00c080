using Paz.Data;
using Paz.Data.Engine;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

public class EngineTests
{
    private static readonly Lazy<EngineInputs> Inputs = new(() => EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), new DateOnly(2015, 1, 1)));

    private static AgentScenario Short(int replicates) =>
        new("short", "test", new DateOnly(2015, 1, 1), new DateOnly(2015, 3, 1), replicates, 99, new EngineParameters(), Policy.PenaNieto(new EngineParameters()));

    [Fact]
    public void TheStartHasTheAggregateModelsMembershipForJanuary2015()
    {
        Assert.InRange(Inputs.Value.InitialMembers, 125_000, 135_000); // "about 130,000 nationally"
        Assert.Equal(2469, Inputs.Value.MunicipalityCount);
        Assert.All(Inputs.Value.GroupStates, states => Assert.NotEmpty(states));
    }

    [Fact]
    public void TheSameSeedGivesTheSameResultWhateverTheThreadCount()
    {
        var engine = new CriminalMarketEngine(Inputs.Value);
        var one = Ensemble.Run(engine, Short(4), threads: 1, cancellation: TestContext.Current.CancellationToken);
        var two = Ensemble.Run(engine, Short(4), threads: 2, cancellation: TestContext.Current.CancellationToken);
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(one[k].MonthlyHomicides, two[k].MonthlyHomicides);
            Assert.Equal(one[k].Weeks, two[k].Weeks);
        }

        Assert.NotEqual(one[0].MonthlyHomicides, one[1].MonthlyHomicides); // replicates differ from each other
    }

    [Fact]
    public void MembersAreConservedWeekByWeek()
    {
        var run = new CriminalMarketEngine(Inputs.Value).Run(new EngineParameters(), Policy.PenaNieto(new EngineParameters()), 12, 5);
        Assert.All(run.Weeks, w => Assert.True(w.Members > 100_000 && w.Homicides > 0));
        Assert.InRange(run.Weeks.Average(w => w.Arrests), 80, 140); // anchored on the aggregate model's 110 a week
    }
}

public class ShippedAgentScenarioTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios");

    public static TheoryData<string> AgentScenarios => new(Directory.GetFiles(Folder, "*.yaml").Where(f => Paz.Data.Scenarios.AgentScenarioReader.EngineOf(f) == "agent").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(AgentScenarios))]
    public void EveryShippedScenarioReadsAndRunsAFewWeeks(string file)
    {
        var scenario = Paz.Data.Scenarios.AgentScenarioReader.Read(Path.Combine(Folder, file));
        var inputs = EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), scenario.Start);
        var run = new CriminalMarketEngine(inputs).Run(scenario.Parameters, scenario.Policy, 4, scenario.ReplicateSeed(0));
        Assert.Equal(4, run.Weeks.Count);
        Assert.True(run.MonthlyHomicides.Sum() > 0);
    }
}
