using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Civilian police: municipal and state officers where people live, and how much of a soldier's deterrence
/// each is worth.
/// Claims (seed, "Pulling the military back" and the opening summary): "police reform, particularly of local
/// police forces, remains a fundamental need"; Mexico's police are corrupt and poorly trained, so a police
/// officer deters less than a soldier or a Guard officer; where police are strong the military's exit leaves
/// less of a gap (DESIGN.md mechanism 15).
/// - Officers: each municipality's density of municipal and state police (EngineInputs.Police, from data/police)
///   times its population in the year, times (1 + police_growth · ramp), the ramp reaching 1 police_growth_weeks
///   after the period that set the growth (hiring: assumed to add officers where there are officers already).
/// - Vetting: the share of a state's police who failed vetting (data/police: SESNSP 2017, 6.9% nationally, 30-40% in
///   Baja California Sur and Sinaloa) do not deter; the lever police_vetting replaces that share of them with vetted
///   officers over police_growth_weeks. The failing share relative to the nation's at the start is published for the
///   sweeps' intelligence leaks (<see cref="Targeting"/>): where police fail vetting, operations leak.
/// - Presence: an officer counts police_presence_weight of a soldier in <see cref="UniformedPresence"/>'s
///   saturating deterrence. The police at the start's densities are already in the calibrated rates, so they
///   enter the reference presence too: police change nothing by themselves until they grow or shrink, but they
///   soften what the soldiers' arrival or exit changes (presence saturates).
/// Updated monthly (every four weeks, when a period begins, and when a year begins: populations are yearly).
/// Publishes the signals <see cref="WeekContext.Police"/>, <see cref="WeekContext.PoliceAtStart"/> and <see cref="WeekContext.PoliceCorruption"/>.
/// Declares: police_presence_weight; levers police_growth, police_growth_weeks, police_vetting.
/// Metrics: police (state and national, mean over the year's weeks).
/// </summary>
public sealed class Policing : IMechanism
{
    private const int UpdateEvery = 4;

    /// <summary>How much of a soldier's deterrence a police officer is worth.</summary>
    public static readonly ParameterSpec PresenceWeight = new("police_presence_weight", 0.3, "soldiers per officer", "assumed (seed: local police corrupt and poorly trained; 6.9% of state police failed vetting in 2017, 30-40% in Baja California Sur and Sinaloa: data/police)", 0, 1, "deterrence of a municipal or state police officer as a share of a soldier's")
    { Prior = Prior.Uniform(0.1, 0.7) };

    /// <summary>Relative change of every place's police, reached over <see cref="GrowthWeeks"/>.</summary>
    public static readonly ParameterSpec Growth = new ParameterSpec("police_growth", 0, "fraction of the start's police", "per scenario (seed: police reform 'remains a fundamental need'; SESNSP 2017: 115,943 more state officers needed for 1.8 per 1,000)", -0.9, 5, "police hired (positive) or lost (negative) relative to the start, in every place in proportion to its officers")
        .AsLever();

    /// <summary>Weeks over which the police change is reached.</summary>
    public static readonly ParameterSpec GrowthWeeks = new ParameterSpec("police_growth_weeks", 156, "weeks", "assumed (three years: recruiting, vetting and training)", 1, 1040, "weeks from the period's start over which police_growth is reached")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Share of the officers failing vetting who are replaced by vetted ones.</summary>
    public static readonly ParameterSpec Vetting = new ParameterSpec("police_vetting", 0, "fraction of those failing", "per scenario (seed: police reform; SESNSP 2017: 8,921 of 127,379 state officers evaluated failed)", 0, 1, "share of the police failing vetting replaced by vetted officers, reached over police_growth_weeks")
        .AsLever();

    /// <summary>Police officers.</summary>
    public static readonly MetricSpec Officers = new("police", "officers", MetricAggregation.Mean, "municipal and state police officers (mean over the year's weeks)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("policing", "local police deter less than soldiers; strong police soften the military's exit", [PresenceWeight, Growth, GrowthWeeks, Vetting], () => new Policing());

    private int _lastUpdated = int.MinValue / 2;
    private int _year;
    private double[]? _officers;
    private double[]? _effective;
    private double[]? _atStart;
    private double[]? _byState;
    private double[]? _corruption;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.Inputs.Police is null)
        {
            return;
        }

        if (context.Week - _lastUpdated >= UpdateEvery || context.PeriodBegins || context.Date.Year != _year)
        {
            Update(context, context.Inputs.Police);
            (_lastUpdated, _year) = (context.Week, context.Date.Year);
        }

        context.Police = _effective;
        context.PoliceAtStart = _atStart;
        context.PoliceCorruption = _corruption;
        context.Metrics.RecordAll(Officers, MetricLevel.State, _byState);
        context.Metrics.Record(Officers, _byState!.Sum());
    }

    private void Update(WeekContext context, IReadOnlyList<double> density)
    {
        var inputs = context.Inputs;
        var s = context.Settings;
        var ramp = Math.Clamp(context.WeeksSinceChanged(Growth, GrowthWeeks) / (double)Math.Max(1, s.Whole(GrowthWeeks)), 0, 1);
        var vetted = Math.Clamp(context.WeeksSinceChanged(Vetting, GrowthWeeks) / (double)Math.Max(1, s.Whole(GrowthWeeks)), 0, 1) * s[Vetting];
        var scale = Math.Max(0, 1 + (s[Growth] * ramp));
        var weight = s[PresenceWeight];
        var failed = inputs.PoliceFailedVetting;
        var n = inputs.MunicipalityCount;
        _officers ??= new double[n];
        _effective ??= new double[n];
        _atStart ??= new double[n];
        _byState ??= new double[inputs.States];
        Array.Clear(_byState);
        double failing = 0, people = 0;
        for (var m = 0; m < n; m++)
        {
            var population = inputs.PopulationIn(m, context.Date.Year);
            var start = density[m] * population / 100_000;
            var fails = failed?[inputs.StateOf[m]] ?? 0;
            _officers[m] = start * scale;
            _effective[m] = weight * _officers[m] * (1 - (fails * (1 - vetted)));
            _atStart[m] = weight * start * (1 - fails);
            _byState[inputs.StateOf[m]] += _officers[m];
            failing += fails * population;
            people += population;
        }

        // Each state's failing share now against the nation's at the start: what the sweeps' leaks scale with.
        if (failed is not null && failing > 0)
        {
            var national = failing / people;
            _corruption ??= new double[inputs.States];
            for (var k = 0; k < _corruption.Length; k++)
            {
                _corruption[k] = failed[k] * (1 - vetted) / national;
            }
        }
    }
}
