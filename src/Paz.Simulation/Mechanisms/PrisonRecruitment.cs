using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Recruitment inside prisons: the groups that run a prison recruit the people held in it.
/// Claims (seed, "Getting prison reform right?"): Mexico's prisons "had long been overrun by criminal gangs that
/// dictate life inside" and "use prisons for recruitment"; the plan would "recover prisons" from the mafias and
/// "separate inmates in preventative custody … from the general prison populations"; Calderón "kept flooding
/// them with new prisoners".
/// - Exposed people in a state: its sentenced prisoners and the pretrial detainees not held apart,
///   S + (1 − pretrial_separation) · P, from <see cref="Prisons"/>' stocks this week (the members among them are
///   a few thousand of about 200,000, so the whole population stands for the non-members).
/// - Weekly recruits ~ Poisson(prison_recruitment · exposed · control · crowding), where control =
///   1 + (prison_self_gov_ratio − 1) · σ, σ = prison_self_governed · (1 − prison_retaken) being the share held in
///   prisons the inmates run, and crowding = max(1, occupancy)^prison_crowding_elasticity, occupancy being the state's
///   population over its places (places = the start's population / prison_occupancy: no state table of places was
///   found, so every state starts at the national occupancy). Overcrowded prisons recruit more; fewer people held
///   means less crowding, so reducing pretrial detention also slows recruitment inside, until the prisons are no
///   longer full.
/// - Recruits join the group with the most free members in the state, in that group's largest cell there, as
///   foot soldiers still held: pretrial or sentenced in proportion to the exposed, released after a term drawn
///   with the mean stay of that stock (prison_pretrial_weeks or prison_sentence_weeks). They add to the groups on
///   release. Where no group has free members in a state, no one recruits in its prisons.
/// Declares: prison_recruitment, prison_self_governed, prison_self_gov_ratio, prison_occupancy,
/// prison_crowding_elasticity; levers prison_retaken, pretrial_separation. Metric: prison_recruits (state and national).
/// </summary>
public sealed class PrisonRecruitment : IMechanism
{
    /// <summary>Recruits per exposed prisoner per week in a prison the state controls, at or under capacity.</summary>
    public static readonly ParameterSpec Rate = new("prison_recruitment", 5e-5, "recruits per prisoner per week", "assumed (seed: gangs 'use prisons for recruitment'; no rate was found)", 0, 1e-3, "recruitment of people held in state-controlled prisons by the groups")
    { Prior = Prior.Uniform(0, 1.5e-4) };

    /// <summary>Share of prisoners held in self-governed prisons at the start.</summary>
    public static readonly ParameterSpec SelfGoverned = new("prison_self_governed", 0.3, "fraction of prisoners", "assumed (seed: prisons 'overrun by criminal gangs'; the CNDH's national prison diagnosis reports self-government or co-government in many state prisons, but no state table was found: data/prisons/PROVENANCE.md)", 0, 1, "share of state prisoners held where inmates govern the prison, in every state")
    { Prior = Prior.Uniform(0.1, 0.6) };

    /// <summary>How many times faster groups recruit where inmates govern.</summary>
    public static readonly ParameterSpec SelfGovRatio = new("prison_self_gov_ratio", 4, "ratio", "assumed", 1, 20, "recruitment in a self-governed prison relative to a controlled one")
    { Prior = Prior.LogUniform(1.5, 10) };

    /// <summary>National occupancy of state prisons at the start.</summary>
    public static readonly ParameterSpec Occupancy = new("prison_occupancy", 1.15, "people per place", "assumed (the CNS's monthly prison statistics report overcrowding in the 2010s; the table was not found: data/prisons/PROVENANCE.md)", 0.5, 2, "people held per place at the start, in every state")
    { Prior = Prior.Uniform(0.9, 1.4) };

    /// <summary>Elasticity of recruitment inside to occupancy.</summary>
    public static readonly ParameterSpec CrowdingElasticity = new("prison_crowding_elasticity", 1, "dimensionless", "assumed", 0, 4, "how strongly recruitment inside follows overcrowding")
    { Prior = Prior.Uniform(0, 2) };

    /// <summary>Share of the self-governed prisons retaken by the state.</summary>
    public static readonly ParameterSpec Retaken = new ParameterSpec("prison_retaken", 0, "fraction of self-governed prisons", "per scenario (seed: the plan would 'recover prisons' from the mafias)", 0, 1, "share of the prisons governed by inmates at the start that the state retakes")
        .AsLever();

    /// <summary>Share of pretrial detainees held apart from the sentenced.</summary>
    public static readonly ParameterSpec PretrialSeparation = new ParameterSpec("pretrial_separation", 0, "fraction of pretrial detainees", "per scenario (seed: the plan would 'separate inmates in preventative custody … from the general prison populations')", 0, 1, "share of pretrial detainees held where the groups cannot recruit them")
        .AsLever();

    /// <summary>Recruits inside prisons.</summary>
    public static readonly MetricSpec Recruits = new("prison_recruits", "people", MetricAggregation.Sum, "people recruited by groups while held in state prisons");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("prison-recruitment", "groups that run prisons recruit the people held there", [Rate, SelfGoverned, SelfGovRatio, Occupancy, CrowdingElasticity, Retaken, PretrialSeparation], () => new PrisonRecruitment());

    private double[] _capacity = [];
    private int[] _bestCell = [];
    private int[] _bestFree = [];

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        if (context.Inputs.PrisonersAtStart is { } start)
        {
            var occupancy = context.Timeline.First[Occupancy];
            _capacity = [.. start.Select(c => c.Total / occupancy)];
            _bestCell = new int[start.Count];
            _bestFree = new int[start.Count];
        }
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.PrisonStocks is not { } stocks || _capacity.Length == 0)
        {
            return;
        }

        var s = context.Settings;
        double rate = s[Rate], separation = s[PretrialSeparation], elasticity = s[CrowdingElasticity];
        var control = 1 + ((s[SelfGovRatio] - 1) * s[SelfGoverned] * (1 - s[Retaken]));
        if (rate <= 0)
        {
            return;
        }

        context.World.LargestCellByState(context.World.Free, context.Inputs.StateOf, _bestCell, _bestFree);
        var random = context.Random;
        var all = 0;
        for (var k = 0; k < stocks.Count; k++)
        {
            if (_bestFree[k] == 0 || _capacity[k] <= 0)
            {
                continue;
            }

            var pretrial = (1 - separation) * stocks[k].Pretrial;
            var exposed = stocks[k].Sentenced + pretrial;
            var crowding = Math.Pow(Math.Max(1, stocks[k].Total / _capacity[k]), elasticity);
            var n = (int)random.Poisson(rate * exposed * control * crowding);
            if (n == 0)
            {
                continue;
            }

            Hold(context, _bestCell[k], n, pretrial / exposed);
            context.Metrics.Record(Recruits, MetricLevel.State, k, n);
            all += n;
        }

        context.Metrics.Record(Recruits, all);
    }

    // The recruits of one state's prisons join its largest cell, held for the rest of their stay.
    private static void Hold(WeekContext context, int cell, int n, double pretrialShare)
    {
        var world = context.World;
        var random = context.Random;
        var s = context.Settings;
        for (var r = 0; r < n; r++)
        {
            var pretrial = random.NextDouble() < pretrialShare;

            // Ages 18-39 (assumed; no mechanism reads a member's age yet).
            var age = (byte)(18 + random.NextInt(22));
            world.AddHeld(world.CellGroup[cell], world.CellPlace[cell], Tier.FootSoldier, age, pretrial, pretrial ? s[Prisons.PretrialWeeks] : s[Prisons.SentenceWeeks], random);
        }
    }
}
