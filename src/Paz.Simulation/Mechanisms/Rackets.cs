using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Rackets on what drug policy made legal, and the killings that enforce them.
/// Claims (seed): "without the rule of law, they can easily tax legal cultivation, just as they extort other legal
/// economies" (avocado farmers, mining, logging, gas stations in Michoacán and Guerrero); "at worst, they will continue
/// … the taxation and extortion of legal businesses"; hence "the sequence needs to be the opposite: first deliver
/// effective rule of law to areas of production and beyond … and only then will the legalization of drug production
/// reduce violence".
/// - Where a group is present and drug policy made crops or trade legal (<see cref="DrugMarket.NewlyLegal"/>), a
///   racket takes a share of it that approaches legal_capture × (1 − rule of law) (<see cref="StatePresence"/>) with
///   e-folding time racket_weeks; once the state arrives (or the groups leave) the target falls but an established
///   racket only halves every racket_persistence_weeks: a racket set up before the rule of law outlasts its arrival.
///   That persistence is why the order of legalisation and rule of law matters here.
/// - What rackets take is published as <see cref="WeekContext.Racketeering"/> (pesos a year by municipality; the
///   groups' extortion revenue, <see cref="MarketValue"/>).
/// - Enforcing them kills: in a cell, extortion killings ~ Poisson(predation_lethality × extortion_lethality × free
///   members × the group's restraint × what presence leaves × racket take / the municipality's criminal revenue
///   under 2015-2018's policy): rackets add killings in proportion to the revenue they add, as predation kills in
///   proportion to the members who prey.
/// Nothing happens (and nothing is drawn) while drug policy leaves nothing legal.
/// Declares: legal_capture, racket_weeks, racket_persistence_weeks, extortion_lethality. Metric: extortion_killings
/// (national and municipal), racket_revenue (pesos).
/// </summary>
public sealed class Rackets : IMechanism
{
    /// <summary>Largest share of the newly legal that groups extort where the state holds nothing.</summary>
    public static readonly ParameterSpec Capture = new("legal_capture", 0.3, "fraction of the newly legal's value", "assumed (seed: groups 'can easily tax legal cultivation')", 0, 1, "share of legalised crops and trade extorted where the rule of law is absent")
    { Prior = Prior.Uniform(0.1, 0.6) };

    /// <summary>Weeks for a racket to establish itself.</summary>
    public static readonly ParameterSpec BuildWeeks = new("racket_weeks", 13, "weeks", "assumed", 1, 520, "e-folding time of a racket's take toward its target")
    { Prior = Prior.LogUniform(4, 52) };

    /// <summary>Half-life of an established racket once its target falls.</summary>
    public static readonly ParameterSpec PersistenceWeeks = new("racket_persistence_weeks", 156, "weeks", "assumed (seed: extortion of avocado, mining and logging persisted through the 2013-2018 deployments in Michoacán)", 1, 2_000, "half-life of an established racket once the state arrives or the groups leave")
    { Prior = Prior.LogUniform(26, 520) };

    /// <summary>Extortion killings per peso extorted, against predation's killings per peso of the criminal economy.</summary>
    public static readonly ParameterSpec Lethality = new("extortion_lethality", 1, "dimensionless", "assumed", 0, 10, "killings per peso racketeered relative to predation's killings per peso of the local criminal economy")
    { Prior = Prior.Uniform(0.25, 3) };

    /// <summary>Killings enforcing rackets on the newly legal.</summary>
    public static readonly MetricSpec Killings = new("extortion_killings", "people", MetricAggregation.Sum, "people killed enforcing rackets on crops and trade drug policy made legal");

    /// <summary>What the rackets take.</summary>
    public static readonly MetricSpec Take = new("racket_revenue", "pesos", MetricAggregation.Sum, "what groups extort from crops and trade drug policy made legal");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("rackets", "without the rule of law, groups tax what legalisation made legal, and kill for it", [Capture, BuildWeeks, PersistenceWeeks, Lethality], () => new Rackets());

    private double[] _share = [];
    private double[] _take = [];
    private double[] _present = [];
    private PlazaRevenue? _base;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var market = context.DrugMarket;
        if (market is null || !market.NewlyLegal.Any(x => x > 0))
        {
            context.Racketeering = null;
            return;
        }

        var world = context.World;
        var s = context.Settings;
        var n = context.Inputs.MunicipalityCount;
        if (_share.Length != n)
        {
            (_share, _take, _present) = (new double[n], new double[n], new double[n]);
            _base = context.Revenue;
        }

        world.FreeByPlace(_present);

        var capture = s[Capture];
        var half = s[UniformedPresence.PresenceHalf];
        var build = 1 - Math.Exp(-1 / s[BuildWeeks]);
        var decay = Math.Pow(0.5, 1 / s[PersistenceWeeks]);
        double total = 0;
        for (var m = 0; m < n; m++)
        {
            var target = market.NewlyLegal[m] > 0 && _present[m] > 0 ? capture * (1 - StatePresence.In(context, m, half)) : 0;
            _share[m] = target >= _share[m] ? _share[m] + ((target - _share[m]) * build) : Math.Max(target, _share[m] * decay);
            _take[m] = _share[m] * market.NewlyLegal[m];
            total += _take[m];
        }

        context.Racketeering = _take;
        context.Metrics.Record(Take, total / 52);
        Kill(context);
    }

    private void Kill(WeekContext context)
    {
        var world = context.World;
        var lethality = context.Settings[Predation.Lethality] * context.Settings[Lethality];
        var deterrence = context.Deterrence;
        var cells = world.ActiveSpan;
        var (rates, _) = world.CellScratch();
        for (var k = 0; k < cells.Length; k++)
        {
            var c = cells[k];
            var m = world.CellPlace[c];
            var economy = _base!.Total(m);
            rates[k] = economy > 0 && _take[m] > 0
                ? lethality * world.Free[c] * context.Restraint[world.CellGroup[c]] * (deterrence?[m] ?? 1) * _take[m] / economy
                : 0;
        }

        var hits = world.CellHits;
        var killed = context.Random.PoissonScatter(rates.AsSpan(0, cells.Length), hits);
        for (var h = 0; h < hits.Count; h++)
        {
            var (c, n) = (cells[hits.Items[h]], hits.Counts[h]);
            var m = world.CellPlace[c];
            context.Homicides[m] += n;
            world.Attribute(world.CellGroup[c], n);
            context.Metrics.Record(Killings, MetricLevel.Municipality, m, n);
        }

        context.Metrics.Record(Killings, killed);
    }
}
