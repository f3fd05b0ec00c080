using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// The prosecution chain: the middle layer a sweep arrests testifies, under plea bargains, against its leaders.
/// Claims (seed, "Strategic choices in targeting" and recommendations): "arresting the middle layer ... generates
/// intelligence and testimony" that lets prosecutors reach the top; without prosecutorial capacity arrests end in
/// release (impunity of 93-99%).
/// - When a sweep strikes a group (Targeting sets its middle-layer removal share this week), each middle-layer member
///   it arrests gives a lead with probability plea_testimony × the conviction chance relative to the run's start (more
///   capable, cleaner prosecutors turn more detainees: the Justice signal ConvictionIn against its first week), in expectation.
/// - Leads reach leaders: each week a lead ends in a leader's arrest with probability 1 / lead_weeks (Poisson
///   draws, only for groups with leads, so runs without sweeps draw nothing more), up to the group's leaders.
/// Declares: plea_testimony, lead_weeks (reads the sweep share, the world's conviction and the Justice signal).
/// Metrics: prosecution_leads (national, the year's last week), leaders_by_testimony (national, summed).
/// </summary>
public sealed class Prosecution : IMechanism
{
    /// <summary>Share of arrested middle-layer members whose testimony leads to a leader.</summary>
    public static readonly ParameterSpec PleaTestimony = new("plea_testimony", 0.05, "leads per arrested middle-layer member", "assumed (seed: the middle layer's arrest 'generates intelligence'; plea bargains exist in the 2016 accusatory system)", 0, 1, "leads to a leader per middle-layer member a sweep arrests, at 2015-2018's conviction chances")
    { Prior = Prior.Uniform(0, 0.15) };

    /// <summary>Mean weeks from a lead to the leader's arrest.</summary>
    public static readonly ParameterSpec LeadWeeks = new("lead_weeks", 26, "weeks", "assumed (half a year to corroborate and act)", 1, 520, "mean weeks before a lead ends in a leader's arrest")
    { Prior = Prior.LogUniform(8, 104) };

    /// <summary>Leads open.</summary>
    public static readonly MetricSpec Leads = new("prosecution_leads", "leads", MetricAggregation.Last, "testimony against leaders not yet acted on");

    /// <summary>Leaders arrested through testimony.</summary>
    public static readonly MetricSpec LeadersByTestimony = new("leaders_by_testimony", "leaders", MetricAggregation.Sum, "leaders arrested on the testimony of swept middle-layer members");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("prosecution", "sweeps' detainees testify against their leaders where prosecutors can convict", [PleaTestimony, LeadWeeks], () => new Prosecution());

    private double[] _leads = [];
    private double? _startConviction;

    /// <inheritdoc/>
    public void Start(WeekContext context) => _leads = new double[context.World.MaxGroups];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var s = context.Settings;
        var testimony = s[PleaTestimony];
        var capacity = Capacity(context);
        double open = 0, arrested = 0;
        for (var g = 0; g < world.Groups; g++)
        {
            if (world.MiddleRemovalShare[g] > 0)
            {
                _leads[g] += world.MiddleRemovalShare[g] * world.GroupMiddle[g] * testimony * capacity;
            }

            if (_leads[g] <= 0)
            {
                continue;
            }

            var available = world.GroupLeaders[g] - world.LeaderRemovals[g];
            var reached = available <= 0 ? 0 : Math.Min(available, (int)context.Random.Poisson(_leads[g] / s[LeadWeeks]));
            world.LeaderRemovals[g] += reached;
            _leads[g] = available <= 0 ? 0 : Math.Max(0, _leads[g] - reached);
            arrested += reached;
            open += _leads[g];
        }

        if (open > 0 || arrested > 0)
        {
            context.Metrics.Record(Leads, open);
            context.Metrics.Record(LeadersByTestimony, arrested);
        }
    }

    // Conviction chances now against the run's first week's: what prosecutors can do with a detainee's testimony.
    private double Capacity(WeekContext context)
    {
        if (context.ConvictionIn is not { Length: > 0 } now)
        {
            return 1;
        }

        var mean = now.Average();
        _startConviction ??= mean;
        return _startConviction > 0 ? mean / _startConviction.Value : 1;
    }
}
