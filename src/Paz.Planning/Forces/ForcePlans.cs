using Paz.Core.Policing;
using Paz.Core.Territory;
using Paz.Core.Violence;
using Paz.Planning.Deployment;
using Paz.Planning.Regions;
using Paz.Planning.Transition;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Planning.Forces;

/// <summary>
/// Turns a scenario's requests for plans — the Guard deployed as <c>paz plan</c> deploys it, the
/// military's pullback on a schedule or by <c>paz plan transition</c> — into the explicit deployments and
/// exit dates the engine runs on (<see cref="ResolvedForces"/>, per period of the timeline). The regions are
/// <c>paz plan</c>'s defaults (266 regions within states balancing population, seed 2019) drawn on the last
/// full year of data before the period takes effect, so no outcome after it enters.
/// </summary>
public static class ForcePlans
{
    /// <summary>The scenario with every period that asks for a plan resolved (unchanged when none does).</summary>
    /// <param name="scenario">The scenario as read.</param>
    /// <param name="atlas">The atlas of municipalities.</param>
    /// <param name="homicides">Monthly homicides by municipality (only years before each period are read).</param>
    /// <param name="inputs">The engine's inputs (its municipality order).</param>
    /// <param name="police">Civilian police by municipality: the transition plan's police condition.</param>
    public static AgentScenario Resolve(AgentScenario scenario, Atlas atlas, MonthlySeries<MunicipalityCode> homicides, EngineInputs inputs, PoliceForces police)
    {
        ArgumentNullException.ThrowIfNull(police);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(inputs);
        var periods = scenario.Timeline.Periods;
        var resolved = new List<PolicyPeriod>(periods.Count);
        for (var k = 0; k < periods.Count; k++)
        {
            var from = k == 0 ? scenario.Start : periods[k].From;
            resolved.Add(periods[k] with { Forces = Resolve(periods[k], from, atlas, homicides, inputs, police) });
        }

        return scenario with { Timeline = new Timeline(resolved) };
    }

    private static ResolvedForces? Resolve(PolicyPeriod period, DateOnly from, Atlas atlas, MonthlySeries<MunicipalityCode> homicides, EngineInputs inputs, PoliceForces police)
    {
        var s = period.Settings;
        var byPlan = s.Flag(ForceLevers.GuardPlan);
        var pullback = s.Choice<PullbackPlan>(ForceLevers.Pullback);
        if (!byPlan && pullback == PullbackPlan.None)
        {
            return null;
        }

        var plan = Regions(atlas, homicides, inputs, from);
        var forces = new ResolvedForces { RegionOf = plan.RegionOf };
        if (byPlan)
        {
            forces = forces with { GuardDeployment = GuardDeployment(plan) };
            var byClass = new[] { "low", "medium", "high" }.ToDictionary(c => c, c => ForceLevers.ClassPostureOf(s, c));
            if (byClass.Values.Any(p => p is not null))
            {
                var posture = s.Choice<GuardPosture>(ForceLevers.Posture);
                forces = forces with
                {
                    PostureIn = [.. plan.RegionOf.Select(r => byClass[plan.Classes[r].ToString().ToLowerInvariant()] ?? posture)],
                };
            }
        }

        if (pullback != PullbackPlan.None)
        {
            var start = s.Month(ForceLevers.PullbackFrom) ?? from;
            var request = new MilitaryPullback(pullback, start, s.Whole(ForceLevers.PullbackMonths));
            forces = forces with { Pullback = pullback == PullbackPlan.Schedule ? Schedule(request, plan) : Transition(request, plan, atlas, police) };
        }

        return forces;
    }

    private sealed record PlanRegions(Partition Partition, IReadOnlyList<RegionProfile> Profiles, IReadOnlyList<InsecurityClass> Classes, int[] RegionOf, double[] YearHomicides, MonthlySeries<MunicipalityCode> Homicides, int Year);

    // The engine indexes municipalities as the atlas does; regions are numbered from 1 by Paz.Planning, from 0 here.
    private static PlanRegions Regions(Atlas atlas, MonthlySeries<MunicipalityCode> series, EngineInputs inputs, DateOnly from)
    {
        var year = Math.Clamp(from.Year - 1, series.First.Year, series.Last.Year);
        var weight = PlaceWeight.Parse("population");
        var graph = RegionGraph.FromAtlas(atlas, weight.Of(atlas, series, year));
        var partition = Regionalizer.Partition(graph, new RegionalizationSettings());
        var index = atlas.Municipalities.Select((x, i) => (x.Code.Value, i)).ToDictionary(x => x.Value, x => x.i);
        var regionOf = inputs.Municipalities.Select(code => partition.RegionOf[index[code]] - 1).ToArray();
        var homicides = inputs.Municipalities.Select(code => atlas.Municipalities[index[code]].Code)
            .Select(code => series.Contains(code) ? (double)series.YearTotal(code, year) : 0).ToArray();
        var profiles = RegionProfile.Of(partition, atlas, series, year);
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
    private static MilitaryPullback Transition(MilitaryPullback pullback, PlanRegions plan, Atlas atlas, PoliceForces police)
    {
        var settings = new TransitionSettings(new YearMonth(pullback.From.Year, pullback.From.Month));
        var strength = PoliceStrength.Of(plan.Profiles, atlas, police, plan.Year);
        var transition = TransitionPlanner.Plan(plan.Partition, plan.Profiles, atlas, plan.Homicides, strength, settings);
        var exit = transition.Regions.Select(r => FirstDay(r.MilitaryExit)).ToList();
        var joint = transition.Regions.Select(r => FirstDay(r.Start)).ToList();
        return pullback with { RegionOf = plan.RegionOf, Exit = exit, JointFrom = joint, Reserve = settings.ReserveShare, ReentryRate = settings.ReentryRate };
    }

    private static DateOnly? FirstDay(YearMonth? month) => month is { } m ? new DateOnly(m.Year, m.Month, 1) : null;
}
