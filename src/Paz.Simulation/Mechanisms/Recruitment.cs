using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Recruitment from each municipality's at-risk pool.
/// Claim: "reducing cartel recruitment is the only way to lower violence" (Prieto-Curiel et al. 2023),
/// and the seed's point that young men without prospects are the groups' recruitment base.
/// Recruits in a cell ~ Poisson(recruitment · free members · pool^pool_elasticity · middle-layer strength), the pool
/// being the municipality's young men per inhabitant and past violence (EngineInputs.PoolIndex) and following, each
/// January, the young men per inhabitant CONAPO projects for the year against the start year's (2010-2018),
/// × headroom (the share of the local pool other members have not taken, where a capacity is set),
/// where middle-layer strength = min(1, middle layer / (middle_share · members)): cell heads recruit, so a
/// group whose middle layer is gone regenerates slowly. The pool factors are normalized at the start so
/// that national recruitment is recruitment × members, the aggregate model's ρT, whatever the elasticity.
/// An amnesty that promises leniency to would-be offenders raises the rate by the signal
/// <see cref="WeekContext.AmnestyRecruitment"/> (<see cref="Amnesty"/>: deterrence erosion); youth programmes remove the share
/// <see cref="WeekContext.RecruitmentShield"/> of it where they run (<see cref="YouthProgrammes"/>). Under a drug policy, a
/// group recruits in proportion to its revenue against 2015-2018's, raised to revenue_elasticity
/// (<see cref="WeekContext.RevenueFactor"/>, <see cref="MarketValue"/>), and eradication swells or shrinks the pool where
/// poppy is grown (<see cref="DrugMarket.PoolPressure"/>, <see cref="DrugPolicy"/>). A group at war recruits faster where it
/// fights (<see cref="WeekContext.Mobilization"/>, <see cref="WarMobilization"/>).
/// Declares: recruitment, pool_elasticity (reads the world's middle_share). Metrics: recruits (municipal), recruits_15_17 and recruits_18_24 (national), youth_recruits_averted.
/// </summary>
public sealed class Recruitment : IMechanism
{
    /// <summary>Recruits per week per member, at the national mean at-risk pool and a full middle layer.</summary>
    public static readonly ParameterSpec Rate = new("recruitment", 2.527474e-3, "recruits per member per week", "Prieto-Curiel, Campedelli & Hope (2023), rho", 1e-3, 5e-3, "recruitment at a mean pool and full middle layer")
    { Prior = Prior.Uniform(1.5e-3, 3.5e-3), Fitted = true };

    /// <summary>Elasticity of recruitment to the local at-risk pool index.</summary>
    public static readonly ParameterSpec PoolElasticity = new("pool_elasticity", 1.0, "dimensionless", "assumed", 0, 3, "how strongly recruitment follows the local at-risk pool")
    { Prior = Prior.Uniform(0, 2) };

    /// <summary>Recruits by municipality.</summary>
    public static readonly MetricSpec Recruits = new("recruits", "people", MetricAggregation.Sum, "people recruited by groups");

    /// <summary>Recruits aged 15-17 (minors).</summary>
    public static readonly MetricSpec RecruitsMinors = new("recruits_15_17", "people", MetricAggregation.Sum, "recruits aged 15-17 (ages drawn uniformly over 15-24: assumed, no age data on recruits)");

    /// <summary>Recruits aged 18-24.</summary>
    public static readonly MetricSpec RecruitsYoung = new("recruits_18_24", "people", MetricAggregation.Sum, "recruits aged 18-24");

    /// <summary>Recruits youth programmes averted: the expected recruits their shield removed, week by week.</summary>
    public static readonly MetricSpec Averted = new("youth_recruits_averted", "people", MetricAggregation.Sum, "expected recruits the youth programmes' shield removed (the hazard it took away, given the groups as they were that week)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("recruitment", "groups recruit young men from the local at-risk pool", [Rate, PoolElasticity], () => new Recruitment());

    private double[] _pool = [];
    private double[] _start = [];
    private double[] _revenuePower = [];
    private double[] _strength = [];
    private bool _excluded;
    private int _year;

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        _pool = _start = PoolFactors(context.World, context.Inputs, context.Settings[PoolElasticity]);
        _year = context.Inputs.Start.Year;
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var world = context.World;
        if (context.ExclusionFactor is { } exclusion && !_excluded)
        {
            // Poverty and exclusion (published from the first week when held) reshape the pool, same national level.
            _pool = _start = PoolFactors(world, context.Inputs, context.Settings[PoolElasticity], exclusion);
            _excluded = true;
        }

        if (context.Date.Year != _year)
        {
            // Each January the pool follows the young men per inhabitant CONAPO projects for the year (held after 2018).
            _year = context.Date.Year;
            var growth = context.Inputs.YoungMenGrowth(_year);
            _pool = growth is null ? _start : [.. _start.Select((x, m) => x * Math.Pow(growth[m], context.Settings[PoolElasticity]))];
        }

        var random = context.Random;
        var rate = context.Settings[Rate] * context.AmnestyRecruitment;
        var middleShare = context.Settings[WorldParameters.MiddleShare];
        var recruits = 0;
        var headroom = context.RecruitHeadroom;
        var shield = context.RecruitmentShield;
        var revenue = context.RevenueFactor;
        var revenueElasticity = revenue is null ? 0 : context.Settings[MarketValue.RevenueElasticity];
        var pressure = context.DrugMarket?.PoolPressure;
        var mobilization = context.Mobilization;
        if (_strength.Length < world.Groups)
        {
            (_strength, _revenuePower) = (new double[world.MaxGroups], new double[world.MaxGroups]);
        }

        // Per group once a week, not once per cell it holds: its middle layer's strength, and its revenue factor
        // raised to the elasticity.
        for (var g = 0; g < world.Groups; g++)
        {
            var members = world.GroupMembers[g];
            _strength[g] = members == 0 ? 0 : Math.Min(1, world.GroupMiddle[g] / (middleShare * members));
            if (revenue is not null)
            {
                _revenuePower[g] = Math.Pow(revenue[g], revenueElasticity);
            }
        }

        var cells = world.ActiveCells; // the list, not a span, where members are added below
        var active = world.ActiveSpan;
        var averted = 0.0;
        var rates = new Rates(active, world.CellGroup, world.CellPlace, world.Free, rate, _pool, _strength, headroom, revenue is null ? null : _revenuePower, pressure, mobilization, shield, ref averted);

        // One Poisson total scattered over the cells: the same law as a Poisson draw per cell, with a few
        // hundred draws a week instead of one per cell.
        var hits = world.CellHits;
        random.PoissonScatter(active.Length, rates, hits);
        if (shield is not null)
        {
            context.Metrics.Record(Averted, averted);
        }

        var minors = 0;
        for (var h = 0; h < hits.Count; h++)
        {
            var (c, n) = (cells[hits.Items[h]], hits.Counts[h]);
            for (var r = 0; r < n; r++)
            {
                var tier = random.NextDouble() < 0.6 ? Tier.Lookout : Tier.FootSoldier;
                var age = (byte)(15 + random.NextInt(10));
                minors += age < 18 ? 1 : 0;
                world.Add(world.CellGroup[c], world.CellPlace[c], tier, age);
            }

            context.Metrics.Record(Recruits, MetricLevel.Municipality, world.CellPlace[c], n);

            recruits += n;
        }

        context.Recruits = recruits;
        context.Metrics.Record(RecruitsMinors, minors);
        context.Metrics.Record(RecruitsYoung, recruits - minors);
    }

    // A cell's recruits in the week, computed as the scatter totals them: the pool, the middle layer's strength, and
    // each signal present; the recruits the shield averts are summed on the side.
    private readonly ref struct Rates(ReadOnlySpan<int> cells, short[] groupOf, short[] placeOf, int[] free, double rate, double[] pool, double[] strength, double[]? headroom, double[]? revenuePower, double[]? pressure, double[]? mobilization, double[]? shield, ref double averted) : IScatterRates
    {
        private readonly ReadOnlySpan<int> _cells = cells;
        private readonly ref double _averted = ref averted;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Rate(int item)
        {
            var c = _cells[item];
            var g = groupOf[c];
            var place = placeOf[c];
            var r = rate * free[c] * pool[place] * strength[g] * (headroom?[place] ?? 1);
            if (revenuePower is not null)
            {
                r *= revenuePower[g];
            }

            if (pressure is not null)
            {
                r *= pressure[place];
            }

            if (mobilization is not null && c < mobilization.Length)
            {
                r *= mobilization[c]; // a cell numbered after the signal was set recruits at its plain rate
            }

            if (shield is not null)
            {
                _averted += r * shield[place];
                r *= 1 - shield[place];
            }

            return r;
        }
    }

    // Recruitment follows the local pool, normalized so that national recruitment at the start is
    // recruitment × members, whatever the pool elasticity.
    private static double[] PoolFactors(World world, EngineInputs inputs, double elasticity, double[]? exclusion = null)
    {
        var raw = inputs.PoolIndex.Select((x, m) => Math.Pow(Math.Max(x, 1e-6), elasticity) * (exclusion?[m] ?? 1)).ToArray();
        double weighted = 0, members = 0;
        foreach (var c in world.ActiveSpan)
        {
            weighted += world.Free[c] * raw[world.CellPlace[c]];
            members += world.Free[c];
        }

        var norm = members > 0 && weighted > 0 ? members / weighted : 1;
        return [.. raw.Select(x => x * norm)];
    }
}
