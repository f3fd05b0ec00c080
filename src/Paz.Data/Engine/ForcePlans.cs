using Paz.Core.Violence;
using Paz.Planning.Deployment;
using Paz.Planning.Regions;
using Paz.Planning.Transition;
using Paz.Simulation.Agents;

namespace Paz.Data.Engine;

/// <summary>
/// Turns a scenario's requests for plans — the Guard deployed as <c>paz plan</c> deploys it, the
/// military's pullback on a schedule or by <c>paz plan transition</c> — into the explicit deployments and
/// exit dates the engine runs on, from the shipped data. The regions are <c>paz plan</c>'s defaults
/// (266 regions within states balancing population, seed 2019) drawn on the last full year of data
/// before the policy takes effect, so no outcome after the switch enters.
/// </summary>
public static class ForcePlans
{
    /// <summary>The scenario with every level of its policy resolved (unchanged when nothing asks for a plan).</summary>
    public static AgentScenario Resolve(AgentScenario scenario, PazDataSet data, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        return scenario with { Policy = Resolve(scenario.Policy, scenario.Start, data, inputs) };
    }

    private static Policy Resolve(Policy policy, DateOnly from, PazDataSet data, EngineInputs inputs)
    {
        var then = policy.Then is { } next ? next with { Policy = Resolve(next.Policy, next.From, data, inputs) } : null;
        if (!policy.GuardFromPlan && policy.Pullback is null or { Resolved: true })
        {
            return policy with { Then = then };
        }

        var plan = Regions(data, inputs, from);
        var resolved = policy with { Then = then, RegionOf = plan.RegionOf };
        if (policy.GuardFromPlan)
        {
            resolved = resolved with { GuardDeployment = GuardDeployment(plan) };
            if (policy.GuardPostureByClass is { } byClass)
            {
                resolved = resolved with
                {
                    GuardPostureIn = [.. plan.RegionOf.Select(r => byClass.TryGetValue(plan.Classes[r].ToString().ToLowerInvariant(), out var posture) ? posture : policy.GuardPosture)],
                };
            }
        }

        if (policy.Pullback is { Resolved: false } pullback)
        {
            resolved = resolved with { Pullback = pullback.Plan == PullbackPlan.Schedule ? Schedule(pullback, plan) : Transition(pullback, plan, data) };
        }

        return resolved;
    }

    private sealed record PlanRegions(Partition Partition, IReadOnlyList<RegionProfile> Profiles, IReadOnlyList<InsecurityClass> Classes, int[] RegionOf, double[] YearHomicides, MonthlySeries<Core.Territory.MunicipalityCode> Homicides, int Year);

    // The engine indexes municipalities as the atlas does; regions are numbered from 1 by Paz.Planning, from 0 here.
    private static PlanRegions Regions(PazDataSet data, EngineInputs inputs, DateOnly from)
    {
        var series = data.Homicides.MunicipalMonthly;
        var year = Math.Clamp(from.Year - 1, series.First.Year, series.Last.Year);
        var weight = PlaceWeight.Parse("population");
        var graph = RegionGraph.FromAtlas(data.Atlas, weight.Of(data.Atlas, series, year));
        var partition = Regionalizer.Partition(graph, new RegionalizationSettings());
        var index = data.Atlas.Municipalities.Select((x, i) => (x.Code.Value, i)).ToDictionary(x => x.Value, x => x.i);
        var regionOf = inputs.Municipalities.Select(code => partition.RegionOf[index[code]] - 1).ToArray();
        var homicides = inputs.Municipalities.Select(code => data.Atlas.Municipalities[index[code]].Code)
            .Select(code => series.Contains(code) ? (double)series.YearTotal(code, year) : 0).ToArray();
        var profiles = RegionProfile.Of(partition, data.Atlas, series, year);
        var classes = Classifier.ByCounts(partition.Count).Classify(profiles);
        return new PlanRegions(partition, profiles, classes, regionOf, homicides, series, year);
    }

    // The plan's rule: each region its insecurity class's contingent (300, 450, 600), spread over its
    // municipalities in proportion to their homicides that year (+1).
    private static Dictionary<int, double> GuardDeployment(PlanRegions plan)
    {
        var contingents = new Contingents();
        var deployment = new Dictionary<int, double>();
        var weight = new double[plan.RegionOf.Length];
        var regionWeight = new double[plan.Profiles.Count];
        for (var m = 0; m < weight.Length; m++)
        {
            weight[m] = 1 + plan.YearHomicides[m];
            regionWeight[plan.RegionOf[m]] += weight[m];
        }

        for (var m = 0; m < weight.Length; m++)
        {
            var r = plan.RegionOf[m];
            deployment[m] = contingents.Of(plan.Classes[r]) * weight[m] / regionWeight[r];
        }

        return deployment;
    }

    // Without a plan: every region, one after another in region order, evenly over the span; no reserve, no return.
    private static MilitaryPullback Schedule(MilitaryPullback pullback, PlanRegions plan)
    {
        var regions = plan.Profiles.Count;
        var exit = Enumerable.Range(0, regions).Select(r => (DateOnly?)pullback.From.AddMonths(r * pullback.Months / regions)).ToList();
        return pullback with { RegionOf = plan.RegionOf, Exit = exit, Reserve = 0, ReentryRate = double.PositiveInfinity };
    }

    // The concentric-circles plan with paz plan transition's defaults, starting on the pullback's date.
    private static MilitaryPullback Transition(MilitaryPullback pullback, PlanRegions plan, PazDataSet data)
    {
        var settings = new TransitionSettings(new YearMonth(pullback.From.Year, pullback.From.Month));
        var police = PoliceStrength.UniformFromSeed(plan.Profiles.Count, data.Atlas.Population(plan.Year));
        var transition = TransitionPlanner.Plan(plan.Partition, plan.Profiles, data.Atlas, plan.Homicides, police, settings);
        var exit = transition.Regions.Select(r => r.MilitaryExit is { } month ? new DateOnly(month.Year, month.Month, 1) : (DateOnly?)null).ToList();
        return pullback with { RegionOf = plan.RegionOf, Exit = exit, Reserve = settings.ReserveShare, ReentryRate = settings.ReentryRate };
    }
}
