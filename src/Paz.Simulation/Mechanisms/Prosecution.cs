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
///   it arrests gives a lead with probability plea_testimony × the conviction chance where the group's middle layer is,
///   relative to the run's start there (more capable, cleaner prosecutors turn more detainees: the Justice signal
///   ConvictionIn against its first week, weighted by the group's middle layer by municipality, so prosecutorial
///   capacity raised in some states only — justice_states — helps against the groups that work there), in expectation.
/// - Leads reach leaders: each week a lead ends in a leader's arrest with probability 1 / lead_weeks (Poisson
///   draws, only for groups with leads, so runs without sweeps draw nothing more), up to the group's leaders.
/// Declares: plea_testimony, lead_weeks (reads the sweep share, the world's conviction and the Justice signal).
/// - Amnesty grantees obliged to disclose or testify give leads too (the signal <see cref="WeekContext.AmnestyLeads"/>, by
///   state): they go to the group with the largest middle layer in their state.
/// Metrics: prosecution_leads (national, the year's last week), prosecution_leads_given, prosecution_leads_from_amnesty
/// and leaders_by_testimony (national, summed).
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

    /// <summary>Leads given by swept middle layers.</summary>
    public static readonly MetricSpec LeadsGiven = new("prosecution_leads_given", "leads", MetricAggregation.Sum, "testimony against leaders given by swept middle-layer members (in expectation)");

    /// <summary>Leads given by people granted amnesty.</summary>
    public static readonly MetricSpec LeadsFromAmnesty = new("prosecution_leads_from_amnesty", "leads", MetricAggregation.Sum, "leads against leaders given by people granted amnesty under an obligation to disclose or testify (in expectation)");

    /// <summary>Leaders arrested through testimony.</summary>
    public static readonly MetricSpec LeadersByTestimony = new("leaders_by_testimony", "leaders", MetricAggregation.Sum, "leaders arrested on the testimony of swept middle-layer members");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("prosecution", "sweeps' detainees testify against their leaders where prosecutors can convict", [PleaTestimony, LeadWeeks], () => new Prosecution());

    private double[] _leads = [];
    private double[] _capacity = [];
    private double[] _now = [];
    private double[] _then = [];
    private double[]? _convictionAtStart;
    private int[]? _bestMiddle;
    private int[]? _bestCell;

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        _leads = new double[context.World.MaxGroups];
        _capacity = new double[context.World.MaxGroups];
        _now = new double[context.World.MaxGroups];
        _then = new double[context.World.MaxGroups];
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        var s = context.Settings;
        var testimony = s[PleaTestimony];
        if (_convictionAtStart is null && context.ConvictionIn is { Length: > 0 } first)
        {
            _convictionAtStart = [.. first];
        }

        var swept = false;
        for (var g = 0; g < world.Groups && !swept; g++)
        {
            swept = world.MiddleRemovalShare[g] > 0;
        }

        if (swept)
        {
            Capacity(context);
        }

        if (context.AmnestyLeads is { } informed)
        {
            context.Metrics.Record(LeadsFromAmnesty, Inform(context, informed));
        }

        double open = 0, arrested = 0, given = 0;
        for (var g = 0; g < world.Groups; g++)
        {
            if (world.MiddleRemovalShare[g] > 0)
            {
                var leads = world.MiddleRemovalShare[g] * world.GroupMiddle[g] * testimony * _capacity[g];
                _leads[g] += leads;
                given += leads;
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
            context.Metrics.Record(LeadsGiven, given);
            context.Metrics.Record(LeadersByTestimony, arrested);
        }
    }

    // Leads from amnesty grantees go to the group with the largest middle layer in their state.
    private double Inform(WeekContext context, double[] informed)
    {
        var world = context.World;
        _bestMiddle ??= new int[informed.Length];
        _bestCell ??= new int[informed.Length];
        world.LargestCellByState(world.Middle, context.Inputs.StateOf, _bestCell, _bestMiddle);
        var given = 0.0;
        for (var k = 0; k < informed.Length; k++)
        {
            if (_bestMiddle[k] > 0)
            {
                _leads[world.CellGroup[_bestCell[k]]] += informed[k];
                given += informed[k];
            }
        }

        return given;
    }

    // Each group's conviction chances where its middle layer is, now against the run's first week's: what the
    // prosecutors of the states it works in can do with a detainee's testimony.
    private void Capacity(WeekContext context)
    {
        var world = context.World;
        Array.Fill(_capacity, 1.0);
        if (context.ConvictionIn is not { Length: > 0 } now || _convictionAtStart is null)
        {
            return;
        }

        Array.Clear(_now);
        Array.Clear(_then);
        foreach (var c in world.ActiveSpan)
        {
            int g = world.CellGroup[c], place = world.CellPlace[c], middle = world.Middle[c];
            _now[g] += middle * now[place];
            _then[g] += middle * _convictionAtStart[place];
        }

        for (var g = 0; g < world.Groups; g++)
        {
            _capacity[g] = _then[g] > 0 ? _now[g] / _then[g] : 1;
        }
    }
}
