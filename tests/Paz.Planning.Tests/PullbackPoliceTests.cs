using Paz.Core.Policing;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Planning.Forces;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Planning.Tests;

/// <summary>The engine's concentric-circles pullback is the transition plan on real police strength.</summary>
public class PullbackPoliceTests
{
    private static readonly Lazy<(AgentScenario Scenario, EngineInputs Inputs)> Recommended = new(() =>
    {
        var path = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "recommended.yaml");
        var scenario = AgentScenarioReader.Read(path);
        return (scenario, EngineInputsBuilder.Build(RealAtlas.Instance, scenario.Start));
    });

    private static MilitaryPullback Pullback(PoliceForces police)
    {
        var data = RealAtlas.Instance;
        var (scenario, inputs) = Recommended.Value;
        var resolved = ForcePlans.Resolve(scenario, data.Atlas, data.Homicides.MunicipalMonthly, inputs, police);
        return resolved.Timeline.Periods.Select(p => p.Forces?.Pullback).OfType<MilitaryPullback>().First(); // the period that begins it
    }

    [Fact]
    public void TheMilitaryLeavesMoreRegionsWhereThePoliceAreStronger()
    {
        var data = RealAtlas.Instance;
        var real = Pullback(data.Police);

        // Every place with three times its police: no region is then short of them.
        var tripled = new PoliceForces(data.Atlas, [.. data.Police.Municipal.Select(f => f with { PerHundredThousand = 3 * f.PerHundredThousand })],
            data.Atlas.States.ToDictionary(s => s.Code, s => data.Police.State(s.Code) with { PerHundredThousand = 3 * data.Police.State(s.Code).PerHundredThousand }), "test: tripled");
        var strong = Pullback(tripled);

        int Leaves(MilitaryPullback p) => p.Exit!.Count(e => e is not null);
        Assert.True(Leaves(real) > 0, "some regions are handed over on real police");
        Assert.True(Leaves(strong) > Leaves(real), $"{Leaves(strong)} regions left with tripled police against {Leaves(real)} with real police");
        Assert.All(Enumerable.Range(0, real.Exit!.Count).Where(r => real.Exit[r] is not null), r => Assert.NotNull(strong.Exit![r]));
    }
}
