using Paz.Core.Amnesty;
using Paz.Core.Justice;
using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// The amnesty, decided by the tribunal's own rules code.
/// Claims (seed, "Amnesty"): the plan offers leniency or amnesty to some offenders; who qualifies is set by a law
/// (the enacted Ley de Amnistía of 2020, the 2018 proposal, the report's recommended design, the vulnerable-groups
/// variant: rules/amnesty); applications, decisions and releases take time; a grant can be revoked on a new
/// offence where the law says so.
/// - Who may apply: the people held in state prisons when the period's amnesty_rules takes effect (amnesty_from),
///   by state, stage and the census's offence mix (EngineInputs.PrisonProfiles); the pool shrinks as the prisons
///   release people. Each kind of prisoner is a case screened by <see cref="AmnestyApplicants.Screen"/>, which
///   calls <see cref="Screener"/> on the same rule set the registry uses.
/// - Monthly, in expectation (no random draws): amnesty_uptake of the pool applies, less where the groups are strong:
///   fear of retaliation against those who disclose deters amnesty_retaliation · x / (1 + x) of them, x the state's
///   free members per inhabitant against the nation's; the commission decides up to
///   amnesty_decisions_per_month of the queue, first come first served across states; eligible cases are granted,
///   ineligible ones denied, and amnesty_review_grant of those needing review (a fact the census does not know, or a
///   review rule) granted. Granted prisoners are released (the signal AmnestyReleases, taken from the prisons'
///   stocks). amnesty_reoffending of those released a year offend again; where the rule set revokes on a new
///   offence, they are revoked and return to prison.
/// - Information to the state: where a grant obliges disclosure or testimony (the screening's obligations), each grant gives
///   amnesty_information leads against the leaders of the state's strongest group (the signal AmnestyLeads, which
///   <see cref="Prosecution"/> acts on).
/// - Deterrence erosion and the moral hazard of cut-off dates: each kind of prisoner is screened again as if its offence
///   were committed a year after the amnesty took effect. The leniency a would-be offender expects is the pool's grant
///   chance for such a later offence, plus amnesty_repeat_belief of what a cut-off date takes away (the belief that
///   another amnesty will follow); the groups recruit (1 + amnesty_deterrence_erosion · leniency) times as many (the
///   signal AmnestyRecruitment, read by <see cref="Recruitment"/>). A law without a cut-off date promises its whole
///   breadth to new offences.
/// Declares: amnesty_uptake, amnesty_review_grant, amnesty_decisions_per_month, amnesty_reoffending, amnesty_retaliation,
/// amnesty_information, amnesty_deterrence_erosion, amnesty_repeat_belief; levers amnesty_rules, amnesty_from.
/// Metrics: amnesty_applications, amnesty_granted, amnesty_denied, amnesty_released, amnesty_revoked, amnesty_reoffended (state and
/// national, summed over the year), amnesty_queue (national, the year's last week), amnesty_leniency (national, mean).
/// </summary>
public sealed class Amnesty : IMechanism
{
    private const int MonthWeeks = 4;

    /// <summary>The rule set in force (a file of rules/amnesty by name; none: no amnesty).</summary>
    public static readonly ParameterSpec Rules = new ParameterSpec("amnesty_rules", 0, "rule set name", "per scenario (rules/amnesty: enacted-2020, proposal-2018, recommended, vulnerable-groups)", 0, 0, "the amnesty law screening applications ([]: no amnesty)")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>Month the amnesty takes effect.</summary>
    public static readonly ParameterSpec From = new ParameterSpec("amnesty_from", 0, "month", "per scenario (the 2020 law: in force 23 April 2020)", 0, 2100 * 12, "month the amnesty takes effect: only people held then may apply")
    { Kind = ValueKind.Month }.AsLever();

    /// <summary>Share of the eligible pool applying each month.</summary>
    public static readonly ParameterSpec Uptake = new("amnesty_uptake", 0.03, "share per month", "assumed (who applies depends on information, counsel and trust in the commission; no pre-2019 measure)", 0, 1, "share of the people who may apply who do so each month")
    { Prior = Prior.Uniform(0.005, 0.1) };

    /// <summary>Share of cases needing review that are granted.</summary>
    public static readonly ParameterSpec ReviewGrant = new("amnesty_review_grant", 0.3, "fraction", "assumed (a review decides facts the census does not record: age, indigenous origin, poverty, violence in a robbery)", 0, 1, "share of cases sent to review that end granted")
    { Prior = Prior.Uniform(0.05, 0.8) };

    /// <summary>Decisions the commission makes per month, nationally.</summary>
    public static readonly ParameterSpec DecisionsPerMonth = new("amnesty_decisions_per_month", 500, "cases per month", "assumed (the tribunal's capacity; the 2020 law gives the commission four months per case: rules/amnesty/enacted-2020.yaml)", 1, 100_000, "applications decided per month nationally")
    { Prior = Prior.LogUniform(100, 5_000) };

    /// <summary>Share of those released who commit a new offence within a year.</summary>
    public static readonly ParameterSpec Reoffending = new("amnesty_reoffending", 0.2, "share per year", "assumed (reoffending of released prisoners; none measured for an amnesty before 2019)", 0, 1, "share of people released by amnesty who offend again within a year")
    { Prior = Prior.Uniform(0.05, 0.4) };

    /// <summary>How strongly fear of retaliation deters applications where the groups are strong.</summary>
    public static readonly ParameterSpec Retaliation = new("amnesty_retaliation", 0.3, "fraction", "assumed (seed: amnesty asks disclosure and testimony against groups that kill informers; no pre-2019 measure)", 0, 1, "largest share of would-be applicants deterred by fear of the groups' retaliation, reached where groups are strongest")
    { Prior = Prior.Uniform(0, 0.8) };

    /// <summary>Leads against leaders per grant that obliges disclosure or testimony.</summary>
    public static readonly ParameterSpec Information = new("amnesty_information", 0.002, "leads per informing grant", "assumed (seed: applicants must 'provide a full disclosure of his or her crimes' and 'testify against those who do not receive amnesty')", 0, 0.1, "leads to a leader of the state's strongest group given by each person granted under an obligation to disclose or testify")
    { Prior = Prior.Uniform(0, 0.01) };

    /// <summary>Rise in recruitment when every offence can expect amnesty.</summary>
    public static readonly ParameterSpec DeterrenceErosion = new("amnesty_deterrence_erosion", 0.1, "relative rise in recruitment at full expected leniency", "assumed (seed: a broad amnesty 'would eviscerate efforts to build deterrence capacity')", 0, 2, "how much more the groups recruit when every offence can expect amnesty")
    { Prior = Prior.Uniform(0, 0.3) };

    /// <summary>Chance would-be offenders give to a later amnesty for offences a cut-off date excludes.</summary>
    public static readonly ParameterSpec RepeatBelief = new("amnesty_repeat_belief", 0.3, "probability", "assumed (seed: 'why should potential perpetrators not assume that even if they commit the amnesty-eligible crime after the expiration of the leniency timeframe, they will not eventually find a way to also get amnesty?')", 0, 1, "chance would-be offenders give to another amnesty covering offences committed after this one's cut-off date")
    { Prior = Prior.Uniform(0, 0.8) };

    /// <summary>Expected leniency for a new offence.</summary>
    public static readonly MetricSpec Leniency = new("amnesty_leniency", "probability", MetricAggregation.Mean, "chance a would-be offender expects an offence committed now to be amnestied (mean over the year's weeks)");

    /// <summary>Applications filed.</summary>
    public static readonly MetricSpec Applications = new("amnesty_applications", "applications", MetricAggregation.Sum, "amnesty applications filed");

    /// <summary>Applications granted.</summary>
    public static readonly MetricSpec Granted = new("amnesty_granted", "cases", MetricAggregation.Sum, "applications granted");

    /// <summary>Applications denied.</summary>
    public static readonly MetricSpec Denied = new("amnesty_denied", "cases", MetricAggregation.Sum, "applications denied");

    /// <summary>People released by amnesty.</summary>
    public static readonly MetricSpec Released = new("amnesty_released", "people", MetricAggregation.Sum, "people released from prison by amnesty");

    /// <summary>Grants revoked.</summary>
    public static readonly MetricSpec Revoked = new("amnesty_revoked", "people", MetricAggregation.Sum, "grants revoked on a new offence (back to prison)");

    /// <summary>New offences by people released by amnesty.</summary>
    public static readonly MetricSpec Reoffended = new("amnesty_reoffended", "people", MetricAggregation.Sum, "people released by amnesty who offend again (revoked or not)");

    /// <summary>Applications waiting.</summary>
    public static readonly MetricSpec Queue = new("amnesty_queue", "applications", MetricAggregation.Last, "applications waiting for a decision");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("amnesty", "an amnesty law, screened by the tribunal's rules code, releases some prisoners", [Rules, From, Uptake, ReviewGrant, DecisionsPerMonth, Reoffending, Retaliation, Information, DeterrenceErosion, RepeatBelief], () => new Amnesty());

    private RuleSet? _rules;
    private int _lastMonth = int.MinValue / 2;
    private Kind[][] _kinds = [];
    private double[] _releasedIn = [];
    private double _leniency;

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        context.AmnestyReleases = null;
        context.AmnestyLeads = null;
        context.AmnestyRecruitment = 1;
        var rules = context.Period.AmnestyRules;
        var from = context.Settings.Month(From);
        if (rules is null || from is not { } start || context.Date < start || context.Inputs.PrisonProfiles is not { } profiles || context.PrisonStocks is not { } stocks)
        {
            return;
        }

        var s = context.Settings;
        if (!ReferenceEquals(rules, _rules))
        {
            Open(rules, start, profiles, stocks, s[ReviewGrant], s[RepeatBelief]);
        }

        context.AmnestyRecruitment = 1 + (s[DeterrenceErosion] * _leniency);
        context.Metrics.Record(Leniency, _leniency);
        Shrink(s[Prisons.PretrialWeeks], s[Prisons.SentenceWeeks]);
        if (context.Week - _lastMonth >= MonthWeeks)
        {
            _lastMonth = context.Week;
            context.AmnestyReleases = Month(context, s);
        }

        context.Metrics.Record(Queue, _kinds.Sum(kinds => kinds.Sum(k => k.Queue)));
    }

    // A new rule set takes effect: everyone held now may apply; each kind of prisoner screened once, and once
    // more as if the offence were committed a year later (what the law promises would-be offenders).
    private void Open(RuleSet rules, DateOnly start, IReadOnlyList<IReadOnlyList<PrisonerProfile>> profiles, IReadOnlyList<PrisonCount> stocks, double reviewGrant, double repeatBelief)
    {
        _rules = rules;
        _releasedIn = new double[profiles.Count];
        double pool = 0, before = 0, after = 0;
        _kinds = [.. profiles.Select((list, state) => list.Select(p =>
        {
            var screening = AmnestyApplicants.Screen(rules, p, start);
            var kind = new Kind(p.Pretrial, (p.Pretrial ? stocks[state].Pretrial : stocks[state].Sentenced) * p.Share, screening.Decision, screening.Obligations.Any(o => o.Kind is ObligationKind.Disclosure or ObligationKind.Testimony));
            pool += kind.Pool;
            before += kind.Pool * GrantChance(screening.Decision, reviewGrant);
            after += kind.Pool * GrantChance(AmnestyApplicants.Screen(rules, p, start, start.AddYears(1)).Decision, reviewGrant);
            return kind;
        }).ToArray())];

        // Offences the law covers only before its cut-off are expected amnestied as far as another amnesty is believed in.
        (before, after) = pool > 0 ? (before / pool, after / pool) : (0, 0);
        _leniency = after + (repeatBelief * Math.Max(0, before - after));
    }

    private static double GrantChance(Decision decision, double reviewGrant) => decision switch { Decision.Eligible => 1, Decision.NeedsReview => reviewGrant, _ => 0 };

    // The pool leaves prison at the prisons' own rates.
    private void Shrink(double pretrialWeeks, double sentenceWeeks)
    {
        foreach (var kinds in _kinds)
        {
            foreach (var k in kinds)
            {
                k.Pool *= 1 - (1 / (k.Pretrial ? pretrialWeeks : sentenceWeeks));
            }
        }
    }

    private PrisonCount[] Month(WeekContext context, Settings s)
    {
        var fear = Fear(context, s[Retaliation]);
        var queued = 0.0;
        var applications = new double[_kinds.Length];
        for (var state = 0; state < _kinds.Length; state++)
        {
            var uptake = s[Uptake] * (1 - fear[state]);
            foreach (var k in _kinds[state])
            {
                var applying = uptake * k.Pool;
                k.Pool -= applying;
                k.Queue += applying;
                applications[state] += applying;
                queued += k.Queue;
            }
        }

        // First come first served across states: every queue is decided in the same proportion.
        var decided = queued > 0 ? Math.Min(1, s[DecisionsPerMonth] / queued) : 0;
        var review = s[ReviewGrant];
        var releases = new PrisonCount[_kinds.Length];
        var leads = new double[_kinds.Length];
        for (var state = 0; state < _kinds.Length; state++)
        {
            double granted = 0, denied = 0, pretrial = 0, sentenced = 0, informing = 0;
            foreach (var k in _kinds[state])
            {
                var now = k.Queue * decided;
                k.Queue -= now;
                var grant = now * GrantChance(k.Decision, review);
                granted += grant;
                informing += k.Informs ? grant : 0;
                denied += now - grant;
                (pretrial, sentenced) = k.Pretrial ? (pretrial + grant, sentenced) : (pretrial, sentenced + grant);
            }

            releases[state] = new PrisonCount(pretrial, sentenced);
            leads[state] = informing * s[Information];
            context.Metrics.Record(Applications, MetricLevel.State, state, applications[state]);
            context.Metrics.Record(Granted, MetricLevel.State, state, granted);
            context.Metrics.Record(Denied, MetricLevel.State, state, denied);
            context.Metrics.Record(Released, MetricLevel.State, state, granted);
            context.Metrics.Record(Applications, applications[state]);
            context.Metrics.Record(Granted, granted);
            context.Metrics.Record(Denied, denied);
            context.Metrics.Record(Released, granted);
        }

        // Those released offend again whatever the law says; where it revokes on a new offence they return to prison
        // (as sentenced): a negative release, where each state released them.
        var reoffending = s[Reoffending] * MonthWeeks / 52.0;
        for (var state = 0; state < releases.Length; state++)
        {
            var again = _releasedIn[state] * reoffending;
            var back = _rules!.RevokeOnNewOffence ? again : 0;
            _releasedIn[state] += releases[state].Total - back;
            if (again > 0)
            {
                context.Metrics.Record(Reoffended, MetricLevel.State, state, again);
                context.Metrics.Record(Reoffended, again);
            }

            if (back > 0)
            {
                releases[state] = releases[state] with { Sentenced = releases[state].Sentenced - back };
                context.Metrics.Record(Revoked, MetricLevel.State, state, back);
                context.Metrics.Record(Revoked, back);
            }
        }

        context.AmnestyLeads = leads;
        return releases;
    }

    // Per state, the share of would-be applicants deterred by fear of the groups' retaliation against those who
    // disclose: retaliation · x / (1 + x), x the state's free members per inhabitant against the nation's.
    private static double[] Fear(WeekContext context, double retaliation)
    {
        var inputs = context.Inputs;
        var fear = new double[inputs.States];
        if (retaliation <= 0)
        {
            return fear;
        }

        var world = context.World;
        var members = new double[inputs.States];
        foreach (var c in world.ActiveSpan)
        {
            members[inputs.StateOf[world.CellPlace[c]]] += world.Free[c];
        }

        var people = inputs.SumByState(m => inputs.PopulationIn(m, context.Date.Year));
        var national = members.Sum() / people.Sum();
        for (var k = 0; k < fear.Length; k++)
        {
            var x = national > 0 && people[k] > 0 ? members[k] / people[k] / national : 0;
            fear[k] = retaliation * x / (1 + x);
        }

        return fear;
    }

    // One kind of prisoner in one state: its decision, who may still apply, and who waits.
    private sealed class Kind(bool pretrial, double pool, Decision decision, bool informs)
    {
        public bool Pretrial { get; } = pretrial;

        public Decision Decision { get; } = decision;

        // Whether a grant obliges disclosure or testimony (the screening's obligations for this kind).
        public bool Informs { get; } = informs;

        public double Pool { get; set; } = pool;

        public double Queue { get; set; }
    }
}
