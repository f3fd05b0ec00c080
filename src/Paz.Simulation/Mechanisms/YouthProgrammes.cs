using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Youth programmes (scholarships, apprenticeships: the plan's "Jóvenes Construyendo el Futuro"; PRONAPRED before it)
/// shield the young men they enrol from the groups' recruitment.
/// Claims (seed): the programmes are meant to "significantly reduce the social base that may have generated crime";
/// PRONAPRED's programmes "that kept kids off streets and prevented gang recruitment seemed effective, but even they were
/// highly contingent on security and presence of DTOs … the programs were never well integrated with local policing.
/// And by 2016, the funding ran out"; effective efforts are "well-designed, well-resourced … sustained over a long period".
/// - A period enrols youth_beneficiaries young men (lever), paid youth_stipend pesos a month each. youth_targeting
///   places them: poverty (every municipality in proportion to its young men in poverty: CONAPO's men aged 15-29 ×
///   CONEVAL's poverty share) or violence (the municipalities with the most homicides per young man in the last year
///   first, each up to youth_max_coverage of its young men).
/// - A municipality's shield approaches its target, youth_effect × coverage (enrolled / young men) × (1 if
///   youth_integrated with policing, else youth_unintegrated_share), at the rate 1/youth_effect_weeks while enrolled, and
///   halves every youth_decay_weeks once the money stops (a cut loses what the programme built, gradually).
/// - Recruitment there is multiplied by 1 − shield (<see cref="WeekContext.RecruitmentShield"/>, read by
///   <see cref="Recruitment"/>): money spent where no group recruits averts nothing, which is why where it goes matters.
/// Nothing is enrolled before a scenario's levers say so (no programme in 2015-2018's calibration).
/// Declares: youth_effect, youth_unintegrated_share, youth_effect_weeks, youth_decay_weeks; levers youth_beneficiaries,
/// youth_stipend, youth_targeting, youth_integrated, youth_max_coverage. Metrics: youth_beneficiaries, youth_programme_cost,
/// youth_shielded (the shield's weight in young men, national).
/// </summary>
public sealed class YouthProgrammes : IMechanism
{
    /// <summary>Share of an enrolled young man's recruitment hazard removed when the programme is integrated with policing.</summary>
    public static readonly ParameterSpec Effect = new("youth_effect", 0.3, "fraction of recruitment hazard", "assumed (seed: programmes that kept kids off streets 'seemed effective'; no effect size published for Mexico)", 0, 1, "recruitment hazard removed for an enrolled young man, with the programme integrated with policing")
    { Prior = Prior.Uniform(0.05, 0.6) };

    /// <summary>Share of the effect kept without integration with policing.</summary>
    public static readonly ParameterSpec UnintegratedShare = new("youth_unintegrated_share", 0.4, "fraction of the effect", "assumed (seed: effects 'highly contingent on security', PRONAPRED 'never well integrated with local policing')", 0, 1, "share of the effect a programme keeps when it is not integrated with local policing")
    { Prior = Prior.Uniform(0.1, 0.8) };

    /// <summary>Weeks for a municipality's shield to approach its target (the e-folding time).</summary>
    public static readonly ParameterSpec EffectWeeks = new("youth_effect_weeks", 26, "weeks", "assumed", 1, 520, "weeks for a programme's shield to build (e-folding)")
    { Prior = Prior.LogUniform(8, 104) };

    /// <summary>Weeks for the shield to halve once the money stops.</summary>
    public static readonly ParameterSpec DecayWeeks = new("youth_decay_weeks", 26, "weeks", "assumed (seed: PRONAPRED's effects did not outlast its funding, cut in 2016)", 1, 520, "half-life of a programme's shield after it is cut")
    { Prior = Prior.LogUniform(8, 104) };

    /// <summary>Young men enrolled (lever).</summary>
    public static readonly ParameterSpec Beneficiaries = new ParameterSpec("youth_beneficiaries", 0, "young men", "per scenario", 0, 5_000_000, "young men (15-29) enrolled in youth programmes")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Stipend per beneficiary (lever).</summary>
    public static readonly ParameterSpec Stipend = new ParameterSpec("youth_stipend", 3_600, "pesos per beneficiary per month", "assumed (the plan's announced apprenticeship stipend; set it per scenario)", 0, 100_000, "what a beneficiary is paid a month: the programme's cost")
        .AsLever();

    /// <summary>Where the beneficiaries are enrolled (lever).</summary>
    public static readonly ParameterSpec Targeting = new ParameterSpec("youth_targeting", 0, "rule", "per scenario (seed: targeted programmes versus broad handouts)", 0, 1, "poverty (in proportion to each municipality's young men in poverty) or violence (the most violent places per young man first)")
    { Kind = ValueKind.Choice, Words = ["poverty", "violence"] }.AsLever();

    /// <summary>Whether the programme is integrated with local policing (lever).</summary>
    public static readonly ParameterSpec Integrated = new ParameterSpec("youth_integrated", 0, "flag", "per scenario (seed: PRONAPRED was never integrated with local policing)", 0, 1, "whether the programme works with local policing where it runs")
    { Kind = ValueKind.Flag }.AsLever();

    /// <summary>Largest share of a municipality's young men enrolled under violence targeting (lever).</summary>
    public static readonly ParameterSpec MaxCoverage = new ParameterSpec("youth_max_coverage", 0.3, "fraction of young men", "assumed", 0.01, 1, "under violence targeting, the largest share of a municipality's young men enrolled before the next place is reached")
        .AsLever();

    /// <summary>Young men enrolled.</summary>
    public static readonly MetricSpec Enrolled = new("youth_beneficiaries", "young men", MetricAggregation.Mean, "young men enrolled in youth programmes (mean over the year's weeks)");

    /// <summary>What the programmes cost.</summary>
    public static readonly MetricSpec Cost = new("youth_programme_cost", "pesos", MetricAggregation.Sum, "stipends paid by youth programmes");

    /// <summary>The shield in young men: Σ shield × young men.</summary>
    public static readonly MetricSpec Shielded = new("youth_shielded", "young men", MetricAggregation.Mean, "young men's worth of recruitment hazard the programmes remove (shield × young men, mean over the year's weeks)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("youth-programmes", "youth programmes shield the young men they enrol from recruitment", [Effect, UnintegratedShare, EffectWeeks, DecayWeeks, Beneficiaries, Stipend, Targeting, Integrated, MaxCoverage], () => new YouthProgrammes());

    private double[] _shield = [];
    private double[] _coverage = [];
    private int _coverageYear = -1;
    private int _coveragePeriod = -1;
    private bool _active;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var enrolled = s.Whole(Beneficiaries);
        if (!_active && enrolled == 0)
        {
            return; // nothing ever enrolled: recruitment untouched, no cost
        }

        var inputs = context.Inputs;
        var youngMen = inputs.YoungMen ?? throw new InvalidOperationException("youth programmes need the young men of each municipality (EngineInputs.YoungMen)");
        var n = inputs.MunicipalityCount;
        if (_shield.Length != n)
        {
            _shield = new double[n];
            _coverage = new double[n];
        }

        _active = true;
        if (enrolled > 0 && (_coverageYear != context.Date.Year || _coveragePeriod != context.PeriodIndex))
        {
            // Placed at a period's start and again each January (violence targeting follows last year's homicides).
            Place(context, enrolled, youngMen);
            _coverageYear = context.Date.Year;
            _coveragePeriod = context.PeriodIndex;
        }

        var strength = s[Effect] * (s.Flag(Integrated) ? 1 : s[UnintegratedShare]);
        var build = 1 - Math.Exp(-1 / s[EffectWeeks]);
        var decay = Math.Pow(0.5, 1 / s[DecayWeeks]);
        double shielded = 0;
        for (var m = 0; m < n; m++)
        {
            if (enrolled > 0)
            {
                _shield[m] += ((strength * _coverage[m]) - _shield[m]) * build;
            }
            else
            {
                _shield[m] *= decay;
            }

            shielded += _shield[m] * youngMen[m];
        }

        context.RecruitmentShield = _shield;
        context.Metrics.Record(Enrolled, enrolled);
        context.Metrics.Record(Cost, enrolled * s[Stipend] * 12 / 52.0);
        context.Metrics.Record(Shielded, shielded);
    }

    // Coverage (enrolled / young men) of each municipality under the period's targeting.
    private void Place(WeekContext context, int enrolled, IReadOnlyList<double> youngMen)
    {
        Array.Clear(_coverage);
        var n = _coverage.Length;
        if (context.Settings.Whole(Targeting) == 0)
        {
            var poverty = context.Inputs.Poverty ?? throw new InvalidOperationException("poverty targeting needs each municipality's poverty share (EngineInputs.Poverty)");
            var poor = Enumerable.Range(0, n).Sum(m => youngMen[m] * poverty[m]);
            for (var m = 0; m < n; m++)
            {
                _coverage[m] = poor > 0 && youngMen[m] > 0 ? Math.Min(1, enrolled * poverty[m] / poor) : 0;
            }

            return;
        }

        var cap = context.Settings[MaxCoverage];
        var lastYear = context.LastYear;
        double left = enrolled;
        foreach (var m in Enumerable.Range(0, n).Where(m => youngMen[m] > 0 && lastYear[m] > 0).OrderByDescending(m => lastYear[m] / youngMen[m]).ThenBy(m => m))
        {
            var take = Math.Min(left, cap * youngMen[m]);
            _coverage[m] = take / youngMen[m];
            left -= take;
            if (left <= 0)
            {
                break;
            }
        }
    }
}
