using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

public class EngineTests
{
    private static readonly Lazy<EngineInputs> Inputs = new(() => EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), new DateOnly(2015, 1, 1)));

    private static readonly Lazy<EngineInputs> History = new(() => EngineInputsBuilder.Build(PazDataSet.Load(DataDirectory.Locate()), new DateOnly(2007, 1, 1)));

    private static AgentScenario Short(int replicates) =>
        new("short", "test", new DateOnly(2015, 1, 1), new DateOnly(2015, 3, 1), replicates, 99, Timeline.Constant(Settings.Defaults));

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
        var run = new CriminalMarketEngine(Inputs.Value).Run(Settings.Defaults, 12, 5);
        Assert.All(run.Weeks, w => Assert.True(w.Members > 100_000 && w.Homicides > 0));
        Assert.InRange(run.Weeks.Average(w => w.Arrests), 80, 140); // anchored on the aggregate model's 110 a week
    }

    [Fact]
    public void ASteeperSizeExponentPutsMoreOfTheSameMembershipInTheStrongestGroups()
    {
        (int Members, double TopTenShare) Start(double exponent)
        {
            var world = InitialWorld.Build(Inputs.Value, Settings.Defaults.With(WorldParameters.SizeExponent, exponent), new Core.Randomness.Xoshiro256StarStar(3));
            world.Census();
            var strongest = Inputs.Value.Network.StrengthOrder.Take(10).Sum(g => world.GroupMembers[g]);
            var all = world.GroupMembers.Sum();
            return (all, strongest / (double)all);
        }

        var aggregate = Start(1);
        var concentrated = Start(1.6);
        Assert.InRange(aggregate.Members, Inputs.Value.InitialMembers * 0.99, Inputs.Value.InitialMembers * 1.01);
        Assert.InRange(concentrated.Members, Inputs.Value.InitialMembers * 0.99, Inputs.Value.InitialMembers * 1.01);
        Assert.InRange(aggregate.TopTenShare, 0.5, 0.55); // 1/k over 150 groups: H(10)/H(150) = 0.52
        Assert.True(concentrated.TopTenShare > aggregate.TopTenShare + 0.2, $"top ten hold {concentrated.TopTenShare:P0} at 1.6 against {aggregate.TopTenShare:P0} at 1");
    }

    [Fact]
    public void ALowerPresenceViolenceExponentSpreadsAGroupOverTheQuieterStatesItIsListedIn()
    {
        var inputs = Inputs.Value;
        var strongest = inputs.Network.StrengthOrder[0];
        var stateHistory = new double[inputs.States];
        for (var m = 0; m < inputs.MunicipalityCount; m++)
        {
            stateHistory[inputs.StateOf[m]] += inputs.ViolenceHistory[m];
        }

        var quiet = inputs.GroupStates[strongest].OrderBy(s => stateHistory[s]).Take(inputs.GroupStates[strongest].Length / 2).ToHashSet();
        double QuietShare(double exponent)
        {
            var world = InitialWorld.Build(inputs, Settings.Defaults.With(WorldParameters.PresenceViolenceExponent, exponent), new Core.Randomness.Xoshiro256StarStar(3));
            world.Census();
            var inQuiet = Enumerable.Range(0, inputs.MunicipalityCount).Where(m => quiet.Contains(inputs.StateOf[m])).Sum(m => world.FreeOf(strongest, m));
            return inQuiet / (double)world.GroupMembers[strongest];
        }

        var even = QuietShare(0);
        var byViolence = QuietShare(2);
        Assert.True(even > 2 * byViolence, $"the quieter half of its states hold {even:P0} of the strongest group at exponent 0, {byViolence:P0} at 2");
        Assert.InRange(even, 0.3, 0.7); // each listed state pulls alike
    }

    [Fact]
    public void AHomePullGathersAnOrganizationsMembersInTheStateItWasBasedIn()
    {
        var inputs = History.Value;
        var sinaloa = inputs.Network.Groups.Select((g, i) => (g, i)).First(x => x.g.Node == "N10013").i;
        var home = inputs.HomeStates![sinaloa].Single();
        (int Members, double AtHome) Start(double pull)
        {
            var world = InitialWorld.Build(inputs, Settings.Defaults.With(WorldParameters.InitialMembers, 20_000).With(WorldParameters.HomePull, pull), new Core.Randomness.Xoshiro256StarStar(3));
            world.Census();
            var atHome = Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == home).Sum(m => world.FreeOf(sinaloa, m));
            return (world.GroupMembers.Sum(), atHome / (double)world.GroupMembers[sinaloa]);
        }

        var listed = Start(1);
        var based = Start(10);
        Assert.Equal(listed.Members, based.Members); // the same membership, laid out differently
        Assert.True(based.AtHome > 2 * listed.AtHome, $"Sinaloa state holds {based.AtHome:P0} of the Sinaloa cartel at a pull of 10, {listed.AtHome:P0} at 1");
        Assert.True(listed.AtHome < 0.2, $"at a pull of 1 its home is one of its 29 states ({listed.AtHome:P0})");
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
        var run = new CriminalMarketEngine(inputs).Run(ScenarioResolver.Resolve(scenario, PazDataSet.Load(DataDirectory.Locate()), inputs).Timeline, 4, scenario.ReplicateSeed(0));
        Assert.Equal(4, run.Weeks.Count);
        Assert.True(run.MonthlyHomicides.Sum() > 0);
    }
}
