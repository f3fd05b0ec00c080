using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Drug policy: marijuana legalisation, poppy licensing, eradication, fentanyl interdiction, seizures.
/// Claims (seed, "Marijuana legalization, poppy licensing, and public health"): legalisation "will not defund criminal
/// groups, as without the rule of law, they can easily tax legal cultivation, just as they extort other legal economies"
/// (the newly legal is extorted: <see cref="Rackets"/>); licensing must prevent diversion (about 25% of India's licensed
/// opium reached the illegal trade) against a thin legal demand (0.7 tonnes of morphine, 0.73% of Mexico's output;
/// 20 tonnes for chronic pain); eradication "often exacerbated the insecurity of marginalized populations"
/// (livelihoods lost feed the pool of recruits); cooperation with the United States against fentanyl aimed at the
/// group that dominates the route (the CJNG).
/// - Drug revenue (<see cref="PlazaRevenue"/>) under a policy, municipality by municipality: the crops' harvest
///   scales with (1 − E/poppy_planted_hectares) / (1 − E₀/poppy_planted_hectares), E the hectares eradicated a
///   year (E₀ = 2018's 23,625); legalisation moves marijuana's share (marijuana_share) of retail and production
///   out of the groups' hands into the legal economy; licensing makes min(share licensed × output, legal demand)
///   tonnes legal, of which diversion_weak × (1 − rule of law) is diverted back to the groups where grown
///   (<see cref="StatePresence"/>); interdiction cuts fentanyl_share × intensity of the targeted groups'
///   trafficking revenue; seizures cut a share of all revenue.
/// - Eradication beyond 2018's also raises the pool of recruits where production is high: × 1 + eradication_pool ×
///   (production per inhabitant / the highest) × (E − E₀) / poppy_planted_hectares (less eradication shrinks it).
/// Publishes <see cref="WeekContext.DrugMarket"/> (null while every lever is at its 2015-2018 value: nothing changes).
/// Declares: marijuana_share, opium_output, poppy_planted_hectares, diversion_weak, fentanyl_share,
/// eradication_pool; levers marijuana_legal, poppy_licensed_share, poppy_legal_demand, eradication_hectares,
/// fentanyl_interdiction, fentanyl_target, revenue_seized. Metrics: legal_opium, diverted_opium (tonnes), newly_legal (pesos).
/// </summary>
public sealed class DrugPolicy : IMechanism
{
    /// <summary>Hectares of poppy eradicated in 2018 (data/drugs): the policy the calibration saw.</summary>
    public const double EradicatedIn2018 = 23_625;

    private const int RecomputeEvery = 4;

    /// <summary>Marijuana's share of the groups' drug revenue.</summary>
    public static readonly ParameterSpec MarijuanaShare = new("marijuana_share", 0.2, "fraction of drug revenue", "Kilmer, Caulkins, Bond & Reuter (2010, RAND OP-325): 15-26% of Mexican DTOs' gross drug export revenue", 0, 1, "share of the drug trade's revenue from marijuana")
    { Prior = Prior.Uniform(0.15, 0.26) };

    /// <summary>Mexico's opium output in morphine equivalent.</summary>
    public static readonly ParameterSpec OpiumOutput = new("opium_output", 96, "tonnes of morphine a year", "seed: 0.7 tonnes of morphine are 0.73% of Mexico's output (Le Cour, Morris & Smith)", 10, 500, "Mexico's illegal opium output in morphine equivalent, under 2018's eradication")
    { Prior = Prior.Uniform(60, 130) };

    /// <summary>Hectares planted with poppy a year.</summary>
    public static readonly ParameterSpec Planted = new("poppy_planted_hectares", 51_625, "hectares a year", "UNODC-Mexico 2017-18 standing estimate 28,000 ha + 23,625 ha eradicated in 2018 (data/drugs)", 30_000, 150_000, "hectares planted a year: what is harvested plus what is eradicated")
    { Prior = Prior.Uniform(40_000, 75_000) };

    /// <summary>Share of licensed opium diverted where the state holds nothing.</summary>
    public static readonly ParameterSpec DiversionWeak = new("diversion_weak", 0.25, "fraction of licensed output", "seed: about 25% of India's licensed opium diverted; Turkey's poppy-straw method almost none", 0, 1, "share of licensed opium diverted to the illegal trade where the rule of law is absent (none where it is full)")
    { Prior = Prior.Uniform(0.1, 0.5) };

    /// <summary>Share of a targeted group's trafficking revenue from fentanyl.</summary>
    public static readonly ParameterSpec FentanylShare = new("fentanyl_share", 0.2, "fraction of trafficking revenue", "assumed (seed: fentanyl flows through Mexico, CJNG and Sinaloa on the route)", 0, 1, "share of a targeted group's trafficking revenue that fentanyl interdiction can reach")
    { Prior = Prior.Uniform(0.05, 0.4) };

    /// <summary>How much eradication swells the pool of recruits where production is high.</summary>
    public static readonly ParameterSpec EradicationPool = new("eradication_pool", 0.5, "dimensionless", "assumed (seed: eradication 'exacerbated the insecurity of marginalized populations'; poppy employs 'thousands, perhaps tens of thousands')", 0, 5, "growth of the pool of recruits in the most productive municipality per share of the planted area eradicated beyond 2018's")
    { Prior = Prior.Uniform(0, 2) };

    /// <summary>Marijuana legal (lever).</summary>
    public static readonly ParameterSpec MarijuanaLegal = new ParameterSpec("marijuana_legal", 0, "flag", "per scenario (seed: the plan explores legalising marijuana production, sale and use)", 0, 1, "marijuana production, sale and use legal")
    { Kind = ValueKind.Flag }.AsLever();

    /// <summary>Share of poppy cultivation offered licences (lever).</summary>
    public static readonly ParameterSpec LicensedShare = new ParameterSpec("poppy_licensed_share", 0, "fraction of output", "per scenario (seed: licensing poppy for medical opiates)", 0, 1, "share of the poppy output offered a licence (legal sales are capped by the legal demand)")
        .AsLever();

    /// <summary>Legal demand for Mexican opium (lever).</summary>
    public static readonly ParameterSpec LegalDemand = new ParameterSpec("poppy_legal_demand", 0.7, "tonnes of morphine a year", "seed: Mexico consumes 0.7 tonnes of morphine; 20 tonnes would treat chronic pain", 0, 200, "what licensed farmers can sell legally")
        .AsLever();

    /// <summary>Hectares eradicated a year (lever).</summary>
    public static readonly ParameterSpec Eradication = new ParameterSpec("eradication_hectares", EradicatedIn2018, "hectares a year", "23,625 in 2018; 15,600 a year 2008-mid 2012 (data/drugs)", 0, 100_000, "poppy hectares eradicated a year")
        .AsLever();

    /// <summary>Fentanyl interdiction (lever).</summary>
    public static readonly ParameterSpec Interdiction = new ParameterSpec("fentanyl_interdiction", 0, "fraction", "per scenario (seed: 'prioritizing suppression of fentanyl smuggling and collaborating with the United States')", 0, 1, "share of the targeted groups' fentanyl trade interdicted beyond 2018's")
        .AsLever();

    /// <summary>Groups the interdiction aims at (lever).</summary>
    public static readonly ParameterSpec InterdictionTarget = new ParameterSpec("fentanyl_target", 0, "group names", "per scenario (seed: the CJNG dominates the route and is the most violent)", 0, 0, "groups whose fentanyl trade is interdicted (and their splinters), by name or abbreviation")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>Seizures and anti-money-laundering (lever).</summary>
    public static readonly ParameterSpec Seized = new ParameterSpec("revenue_seized", 0, "fraction of revenue", "per scenario (seed: go after shell companies and tax havens)", 0, 1, "share of every group's revenue seized or frozen beyond 2018's")
        .AsLever();

    /// <summary>Opium sold legally.</summary>
    public static readonly MetricSpec LegalOpium = new("legal_opium", "tonnes of morphine", MetricAggregation.Sum, "licensed opium sold legally");

    /// <summary>Licensed opium diverted.</summary>
    public static readonly MetricSpec DivertedOpium = new("diverted_opium", "tonnes of morphine", MetricAggregation.Sum, "licensed opium diverted to the illegal trade");

    /// <summary>Trade made legal.</summary>
    public static readonly MetricSpec NewlyLegal = new("newly_legal", "pesos", MetricAggregation.Sum, "crops and trade drug policy made legal (what groups may extort)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("drug_policy", "legalisation, licensing, eradication and interdiction move the groups' drug revenue", [MarijuanaShare, OpiumOutput, Planted, DiversionWeak, FentanylShare, EradicationPool, MarijuanaLegal, LicensedShare, LegalDemand, Eradication, Interdiction, InterdictionTarget, Seized], () => new DrugPolicy());

    private PlazaRevenue? _base;
    private double[] _intensity = [];
    private int _last = int.MinValue / 2;
    private DrugMarket? _market;
    private double _legal, _diverted, _newlyLegal;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        if (!Changes(s))
        {
            context.DrugMarket = _market = null;
            return;
        }

        if (context.Week - _last >= RecomputeEvery || context.PeriodBegins || _market is null)
        {
            Compute(context);
            _last = context.Week;
        }

        context.DrugMarket = _market;
        context.Metrics.Record(LegalOpium, _legal / 52);
        context.Metrics.Record(DivertedOpium, _diverted / 52);
        context.Metrics.Record(NewlyLegal, _newlyLegal / 52);
    }

    /// <summary>Whether any lever departs from the 2015-2018 policy.</summary>
    public static bool Changes(Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Flag(MarijuanaLegal) || settings[LicensedShare] > 0 || settings[Eradication] != EradicatedIn2018
            || (settings[Interdiction] > 0 && settings.Names(InterdictionTarget).Count > 0) || settings[Seized] > 0;
    }

    private void Compute(WeekContext context)
    {
        var s = context.Settings;
        var inputs = context.Inputs;
        var n = inputs.MunicipalityCount;
        if (_base is null)
        {
            _base = context.Revenue;
            var perPerson = Enumerable.Range(0, n).Select(m => _base.Production[m] / Math.Max(1, inputs.PopulationIn(m, inputs.Start.Year))).ToArray();
            var top = perPerson.Max();
            _intensity = [.. perPerson.Select(x => top > 0 ? x / top : 0)];
        }

        var planted = s[Planted];
        var harvest = Math.Max(0, 1 - (s[Eradication] / planted)) / Math.Max(1e-9, 1 - (EradicatedIn2018 / planted));
        var legal = s.Flag(MarijuanaLegal);
        var marijuana = s[MarijuanaShare];
        var output = s[OpiumOutput] * harvest;
        var licensed = output > 0 ? Math.Min(s[LicensedShare] * output, s[LegalDemand]) / output : 0;
        var pressure = s[EradicationPool] * (s[Eradication] - EradicatedIn2018) / planted;
        var totalPoppy = _base.Production.Sum() * (1 - marijuana) * harvest;
        var drugs = new double[n];
        var newlyLegal = new double[n];
        var pool = new double[n];
        double diverted = 0, sold = 0;
        for (var m = 0; m < n; m++)
        {
            var retail = _base.Retail[m];
            var crop = _base.Production[m] * harvest;
            var weed = crop * marijuana;
            var poppy = crop - weed;
            var held = retail + weed;
            if (legal)
            {
                held = retail * (1 - marijuana);
                newlyLegal[m] += (retail + crop) * marijuana;
            }

            if (licensed > 0 && poppy > 0)
            {
                var divertedShare = s[DiversionWeak] * (1 - StatePresence.In(context, m));
                var licensedHere = licensed * poppy;
                newlyLegal[m] += licensedHere * (1 - divertedShare);
                held += poppy - (licensedHere * (1 - divertedShare));
                diverted += totalPoppy > 0 ? output * licensedHere * divertedShare / totalPoppy : 0;
                sold += totalPoppy > 0 ? output * licensedHere * (1 - divertedShare) / totalPoppy : 0;
            }
            else
            {
                held += poppy;
            }

            drugs[m] = held;
            pool[m] = Math.Max(0, 1 + (pressure * _intensity[m]));
        }

        var targets = s.Names(InterdictionTarget).Select(inputs.Network.IndexOf).Where(g => g >= 0).ToHashSet();
        var world = context.World;
        _market = new DrugMarket(drugs, _base.Trafficking, newlyLegal, pool, s[Interdiction] * s[FentanylShare], g => IsOrDescendsFrom(world, g, targets), s[Seized]);
        _legal = sold;
        _diverted = diverted;
        _newlyLegal = newlyLegal.Sum();
    }

    // A group is targeted when it, or the group it split from (at any remove), is named.
    private static bool IsOrDescendsFrom(World world, int group, HashSet<int> targets)
    {
        for (var g = group; g >= 0; g = world.Parent[g])
        {
            if (targets.Contains(g))
            {
                return true;
            }
        }

        return false;
    }
}
