using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// The value of the plaza and the groups' revenue: the rival explanation (b) of the violence, and the money drug policy moves.
/// Claims: groups fight over, and expand toward, the markets worth most — the local drug retail and the legal
/// economies they extort grow with a place's people and income (Guerrero 2011 on the diversification into
/// extortion; Ríos 2013 on competition over markets); the seed counts drug trafficking, extortion of legal economies
/// and fuel theft among the groups' businesses, and argues that policies which cut their revenue (legalisation,
/// interdiction) change violence only through what the groups do with the money left.
/// - Revenue: every municipality's criminal economy by source (<see cref="PlazaRevenue"/>: drug retail, trafficking at
///   crossings and ports, production in the poppy states, extortion, fuel theft near refineries), under this week's
///   drug policy (<see cref="WeekContext.DrugMarket"/>) and with the rackets on the newly legal
///   (<see cref="WeekContext.Racketeering"/>). A municipality's revenue goes to the groups present, in proportion to
///   their free members; where no group is present nobody takes it. National revenue by source is recorded every week.
/// - Money pays recruits: under a policy, each group's recruitment is multiplied by (its revenue under the policy / its
///   revenue under 2015-2018's policy)^revenue_elasticity (<see cref="WeekContext.RevenueFactor"/>, read by
///   <see cref="Recruitment"/>). Under 2015-2018's policy the factor is 1, so the calibration is untouched.
/// - Where the run holds the explanation "market": value of a municipality V = population × exp(−marginalization),
///   CONAPO's index of the last count before the start (higher is poorer), normalized to a population-weighted mean
///   of 1; conflict between groups in a municipality is multiplied by V^market_elasticity, and an expanding cell
///   chooses a neighbour in proportion to its violence before the start (+1) times V^market_elasticity (the signal
///   <see cref="WeekContext.PlazaValue"/>); under a drug policy V is multiplied by the municipality's revenue under the
///   policy over its revenue before it, so groups fight over and move toward where the money went.
/// Declares: market_elasticity, criminal_revenue, drug_revenue_share, fuel_revenue_share, trafficking_share,
/// production_share, revenue_elasticity. Metrics: revenue_drugs, revenue_extortion, revenue_fuel (pesos, national).
/// </summary>
public sealed class MarketValue : IMechanism
{
    /// <summary>How strongly conflict and expansion follow the value of the market.</summary>
    public static readonly ParameterSpec MarketElasticity = new("market_elasticity", 0.5, "dimensionless", "assumed; fitted where the explanation 'market' is held (docs/validity.md)", 0, 3, "how strongly conflict and expansion follow a municipality's market value (people × income)")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>The groups' yearly revenue, all sources.</summary>
    public static readonly ParameterSpec Revenue = new("criminal_revenue", 2.0e11, "pesos a year", "assumed (Kilmer et al. 2010, RAND: Mexican DTOs' gross drug export revenue about US$6-7 billion; government and media figures of US$18-39 billion with Colombian groups; extortion and fuel theft added; 19 pesos a dollar)", 1e10, 2e12, "the groups' revenue from drugs, extortion and fuel theft at the start")
    { Prior = Prior.LogUniform(1e11, 6e11) };

    /// <summary>Share of revenue from drugs.</summary>
    public static readonly ParameterSpec DrugShare = new("drug_revenue_share", 0.6, "fraction of revenue", "assumed (seed: drug trafficking, extortion and fuel theft are the groups' businesses; no breakdown published)", 0, 1, "share of the groups' revenue from the drug trade")
    { Prior = Prior.Uniform(0.4, 0.8) };

    /// <summary>Share of revenue from fuel theft.</summary>
    public static readonly ParameterSpec FuelShare = new("fuel_revenue_share", 0.1, "fraction of revenue", "assumed (seed: fuel theft in Guanajuato's pipeline corridor)", 0, 0.5, "share of the groups' revenue from fuel theft")
    { Prior = Prior.Uniform(0.03, 0.2) };

    /// <summary>Share of drug revenue earned trafficking through crossings and ports.</summary>
    public static readonly ParameterSpec TraffickingShare = new("trafficking_share", 0.6, "fraction of drug revenue", "assumed (Kilmer et al. 2010: most DTO drug revenue is export to the United States)", 0, 1, "share of drug revenue earned at border crossings and ports")
    { Prior = Prior.Uniform(0.4, 0.8) };

    /// <summary>Share of drug revenue earned in production.</summary>
    public static readonly ParameterSpec ProductionShare = new("production_share", 0.15, "fraction of drug revenue", "assumed (seed: poppy employs 'thousands, perhaps tens of thousands'; farm-gate prices are a small part of the trade)", 0, 1, "share of drug revenue earned growing poppy and marijuana")
    { Prior = Prior.Uniform(0.05, 0.3) };

    /// <summary>How strongly a group's recruitment follows its revenue.</summary>
    public static readonly ParameterSpec RevenueElasticity = new("revenue_elasticity", 0.5, "dimensionless", "assumed (groups pay their recruits; no estimate for Mexico)", 0, 3, "elasticity of a group's recruitment to its revenue under a policy against 2015-2018's")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>Drug revenue held by groups.</summary>
    public static readonly MetricSpec DrugRevenue = new("revenue_drugs", "pesos", MetricAggregation.Sum, "the groups' revenue from the drug trade");

    /// <summary>Extortion revenue held by groups.</summary>
    public static readonly MetricSpec ExtortionRevenue = new("revenue_extortion", "pesos", MetricAggregation.Sum, "the groups' revenue from extortion (of the legal economy and of what drug policy made legal)");

    /// <summary>Fuel-theft revenue held by groups.</summary>
    public static readonly MetricSpec FuelRevenue = new("revenue_fuel", "pesos", MetricAggregation.Sum, "the groups' revenue from fuel theft");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("market_value", "groups earn from their plazas and fight over, and expand toward, the markets worth most", [MarketElasticity, Revenue, DrugShare, FuelShare, TraffickingShare, ProductionShare, RevenueElasticity], () => new MarketValue());

    private double[]? _value;
    private double[] _valueUnderPolicy = [];
    private PlazaRevenue? _base;
    private double[] _present = [];
    private double[] _before = [];
    private double[] _after = [];
    private double[] _factor = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var n = context.Inputs.MunicipalityCount;
        if (_base is null)
        {
            // Its parameters hold for the whole run (not switchable): computed once.
            _base = context.Revenue;
            _present = new double[n];
        }

        var market = context.DrugMarket;
        var rackets = context.Racketeering;
        Earn(context, _base, market, rackets);
        if (!context.Settings.Holds(Explanation.Market))
        {
            context.PlazaValue = null;
            return;
        }

        _value ??= Value(context.Inputs, s[MarketElasticity]);
        if (market is null && rackets is null)
        {
            context.PlazaValue = _value;
            return;
        }

        if (_valueUnderPolicy.Length != n)
        {
            _valueUnderPolicy = new double[n];
        }

        var elasticity = s[MarketElasticity];
        for (var m = 0; m < n; m++)
        {
            var before = _base.Total(m);
            var after = Under(_base, market, rackets, m);
            _valueUnderPolicy[m] = _value[m] * (before > 0 ? Math.Pow(after / before, elasticity) : 1);
        }

        context.PlazaValue = _valueUnderPolicy;
    }

    /// <summary>V^elasticity per municipality, V = population × exp(−marginalization), population-weighted mean 1.</summary>
    public static double[] Value(EngineInputs inputs, double elasticity)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var marginalization = inputs.Marginalization ?? throw new InvalidOperationException("the explanation 'market' needs the municipalities' marginalization (EngineInputsBuilder loads it from data/socioeconomic)");
        var year = inputs.Start.Year;
        var raw = Enumerable.Range(0, inputs.MunicipalityCount)
            .Select(m => Math.Pow(Math.Max(inputs.PopulationIn(m, year), 1) * Math.Exp(-marginalization[m]), elasticity)).ToArray();
        return inputs.WithPopulationMeanOne(raw, year);
    }

    // Each place's drug, extortion and fuel revenue as the weekly sums read them without a policy (computed once).
    private PlaceRevenue[] PlainRevenue(PlazaRevenue revenue)
    {
        if (_plain.Length == 0)
        {
            _plain = [.. Enumerable.Range(0, revenue.Retail.Length).Select(m =>
                new PlaceRevenue(revenue.Retail[m] + revenue.Production[m] + revenue.Trafficking[m], revenue.Extortion[m], revenue.Fuel[m]))];
        }

        return _plain;
    }

    private PlaceRevenue[] _plain = [];

    private readonly record struct PlaceRevenue(double Drug, double Extorted, double Fuel);

    // A municipality's revenue under the policy, before targeted interdiction and seizures (they depend on the group).
    private static double Under(PlazaRevenue revenue, DrugMarket? market, double[]? rackets, int m) =>
        (market is null ? revenue.Retail[m] + revenue.Production[m] + revenue.Trafficking[m] : market.Drugs[m] + market.Trafficking[m])
        + revenue.Extortion[m] + revenue.Fuel[m] + (rackets?[m] ?? 0);

    // The week's revenue, shared among the groups present by their free members; under a policy, each group's revenue
    // against what it would hold under 2015-2018's.
    private void Earn(WeekContext context, PlazaRevenue revenue, DrugMarket? market, double[]? rackets)
    {
        var world = context.World;
        var cells = world.ActiveSpan;
        world.FreeByPlace(_present);

        var policy = market is not null || rackets is not null;
        // Sized to every group the world can hold: a splinter born later this week reads 1 (it has no revenue history yet).
        var capacity = world.GroupMembers.Length;
        if (policy && _before.Length != capacity)
        {
            (_before, _after, _factor) = (new double[capacity], new double[capacity], new double[capacity]);
        }

        if (policy)
        {
            Array.Clear(_before);
            Array.Clear(_after);
        }

        double drugs = 0, extortion = 0, fuel = 0;
        var cut = market?.InterdictionCut ?? 0;
        var kept = 1 - (market?.Seized ?? 0);
        if (!policy)
        {
            // Without a drug policy or rackets a place's revenues are the same every week and no group's differs, and the
            // shares of a place's groups sum to one: the groups hold the revenue of every place where any is present, summed
            // per place instead of per cell (nothing is seized without a policy).
            var place = PlainRevenue(revenue);
            for (var m = 0; m < place.Length; m++)
            {
                if (_present[m] > 0)
                {
                    ref readonly var r = ref place[m];
                    drugs += r.Drug;
                    extortion += r.Extorted;
                    fuel += r.Fuel;
                }
            }
        }
        else
        {
            foreach (var c in cells)
            {
                var m = world.CellPlace[c];
                var share = world.Free[c] / _present[m];
                if (share <= 0 || double.IsNaN(share))
                {
                    continue;
                }

                var g = world.CellGroup[c];
                var trafficking = market is null ? revenue.Trafficking[m] : market.Trafficking[m] * (cut > 0 && market.Targeted(g) ? 1 - cut : 1);
                var drug = (market is null ? revenue.Retail[m] + revenue.Production[m] : market.Drugs[m]) + trafficking;
                var extorted = revenue.Extortion[m] + (rackets?[m] ?? 0);
                drugs += share * drug * kept;
                extortion += share * extorted * kept;
                fuel += share * revenue.Fuel[m] * kept;
                _before[g] += share * revenue.Total(m);
                _after[g] += share * (drug + extorted + revenue.Fuel[m]) * kept;
            }
        }

        context.Metrics.Record(DrugRevenue, drugs / 52);
        context.Metrics.Record(ExtortionRevenue, extortion / 52);
        context.Metrics.Record(FuelRevenue, fuel / 52);
        if (!policy)
        {
            context.RevenueFactor = null;
            return;
        }

        for (var g = 0; g < capacity; g++)
        {
            _factor[g] = _before[g] > 0 ? _after[g] / _before[g] : 1;
        }

        context.RevenueFactor = _factor;
    }
}
