using Paz.Core.Justice;
using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Prisons: everyone held in each state's prisons, pretrial and sentenced, not only the members the world detains.
/// Claims (seed, "Police and justice reform" and the amnesty; issue "Pillars I"): 194,811 people were in Mexico's
/// prisons at the end of 2018, over a third of them without a sentence; the plan's amnesty would release some of
/// them; reducing pretrial detention empties prisons of people not convicted.
/// - Stocks per state: pretrial P and sentenced S, from INEGI's census at the end of the year before the start
///   (EngineInputs.PrisonersAtStart; counted to 2013, derived after: data/prisons). The members the world detains
///   are among them (the census counts everyone), so the stocks are the whole population.
/// - Weekly flows, in expectation (no random draws: adding the mechanism changes no other result):
///   admissions a = P₀ / prison_pretrial_weeks · pretrial_detention, so the start's pretrial stock is steady under
///   the start's practice; pretrial detainees leave at 1 / prison_pretrial_weeks, a share prison_conviction of
///   them sentenced, the rest released; the sentenced leave at 1 / prison_sentence_weeks. The sentenced stock
///   moves toward a · prison_conviction · prison_sentence_weeks, which the census need not match: that drift is
///   the model's claim about 2015-2018, checked against the census.
/// - Releases by amnesty (the signal <see cref="WeekContext.AmnestyReleases"/>, decided before this step) leave the stocks.
/// Publishes the signal <see cref="WeekContext.PrisonStocks"/> (after this week's flows).
/// Declares: prison_pretrial_weeks, prison_conviction, prison_sentence_weeks; lever pretrial_detention.
/// Metrics: prisoners, prisoners_pretrial (state and national, the year's last week).
/// </summary>
public sealed class Prisons : IMechanism
{
    /// <summary>Mean weeks a person is held without a sentence.</summary>
    public static readonly ParameterSpec PretrialWeeks = new("prison_pretrial_weeks", 60, "weeks", "assumed (pretrial detention in Mexico often passes a year; 34-40% of state prisoners were unsentenced in 2010-2018: data/prisons)", 8, 260, "mean time held without a sentence, all prisoners")
    { Prior = Prior.Uniform(26, 130) };

    /// <summary>Share of pretrial detainees who end sentenced.</summary>
    public static readonly ParameterSpec Conviction = new("prison_conviction", 0.7, "fraction", "assumed", 0.1, 1, "share of people held pretrial who are sentenced (the rest are released)")
    { Prior = Prior.Uniform(0.4, 0.9) };

    /// <summary>Mean weeks a sentenced person serves.</summary>
    public static readonly ParameterSpec SentenceWeeks = new("prison_sentence_weeks", 152, "weeks", "derived: the steady state's pretrial share, prison_pretrial_weeks / (prison_pretrial_weeks + prison_conviction · prison_sentence_weeks), equals the census's 2010-2013 mean (0.36) at the other two defaults (ENPOL 2016's sentences, mean 20 years, describe a stock that over-represents long terms)", 26, 2080, "mean time served after sentencing, all prisoners")
    { Prior = Prior.LogUniform(80, 400) };

    /// <summary>Use of pretrial detention relative to the start.</summary>
    public static readonly ParameterSpec PretrialDetention = new ParameterSpec("pretrial_detention", 1, "relative to the start", "per scenario (issue 'Pillars I': reduce pretrial detention; the 2016 accusatory system)", 0, 3, "admissions to pretrial detention relative to the start's practice")
        .AsLever();

    /// <summary>Everyone held.</summary>
    public static readonly MetricSpec Prisoners = new("prisoners", "people", MetricAggregation.Last, "people held in state prisons, pretrial and sentenced, members and not (the year's last week)");

    /// <summary>Held without a sentence.</summary>
    public static readonly MetricSpec PrisonersPretrial = new("prisoners_pretrial", "people", MetricAggregation.Last, "people held without a sentence (the year's last week)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("prisons", "prisons hold far more than the groups' members, a third of them unsentenced", [PretrialWeeks, Conviction, SentenceWeeks, PretrialDetention], () => new Prisons());

    private double[] _pretrial = [];
    private double[] _sentenced = [];
    private double[] _admissions = [];

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        if (context.Inputs.PrisonersAtStart is not { } start)
        {
            return;
        }

        _pretrial = [.. start.Select(c => c.Pretrial)];
        _sentenced = [.. start.Select(c => c.Sentenced)];
        var weeks = context.Timeline.First[PretrialWeeks];
        _admissions = [.. start.Select(c => c.Pretrial / weeks)];
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (_pretrial.Length == 0)
        {
            return;
        }

        var s = context.Settings;
        double pretrialWeeks = s[PretrialWeeks], conviction = s[Conviction], sentenceWeeks = s[SentenceWeeks], use = s[PretrialDetention];
        double all = 0, pretrial = 0;
        var released = context.AmnestyReleases;
        var stocks = new PrisonCount[_pretrial.Length];
        for (var k = 0; k < _pretrial.Length; k++)
        {
            if (released is not null)
            {
                _pretrial[k] = Math.Max(0, _pretrial[k] - released[k].Pretrial);
                _sentenced[k] = Math.Max(0, _sentenced[k] - released[k].Sentenced);
            }

            var leaving = _pretrial[k] / pretrialWeeks;
            _pretrial[k] += (_admissions[k] * use) - leaving;
            _sentenced[k] += (conviction * leaving) - (_sentenced[k] / sentenceWeeks);
            context.Metrics.Record(Prisoners, MetricLevel.State, k, _pretrial[k] + _sentenced[k]);
            context.Metrics.Record(PrisonersPretrial, MetricLevel.State, k, _pretrial[k]);
            all += _pretrial[k] + _sentenced[k];
            pretrial += _pretrial[k];
            stocks[k] = new PrisonCount(_pretrial[k], _sentenced[k]);
        }

        context.PrisonStocks = stocks;

        context.Metrics.Record(Prisoners, all);
        context.Metrics.Record(PrisonersPretrial, pretrial);
    }
}
