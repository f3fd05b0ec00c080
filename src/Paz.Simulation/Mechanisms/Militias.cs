using Paz.Core.Amnesty;
using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Self-defence forces, "in fact militias": they arise where groups prey and the state is absent, fight the groups,
/// extort in their turn, are co-opted, and are disarmed or dismantled as policy says.
/// Claims (seed, "Reversing the AMLO administration's silence on self-defense forces and militias"): militias feature
/// "their mutation, frequent co-optation by criminal groups … and intense antagonism toward Mexico's law enforcement
/// forces"; "some militia members may qualify for amnesty"; the state "can give them a grace period to disarm and
/// demobilize, after which the government needs to be ready to confront and arrest all remaining militias"; and
/// dismantle "militias that do not qualify for the indigenous police status permitted by the Mexican constitution".
/// - Rise: a municipality without a militia raises one with weekly chance militia_formation × (last year's homicide
///   rate per 100,000 / 100) × (1 − rule of law)² (<see cref="StatePresence"/>) × militia_town_size / (militia_town_size +
///   population): predation and an absent state, in towns rather than cities (DESIGN.md mechanism 13). A militia grows toward militia_size members per 1,000 inhabitants with e-folding time
///   militia_growth_weeks, and disbands at rate militia_exit × rule of law once the state holds the place.
/// - Fight: where groups are present, an uncaptured militia fights them: killings ~ Poisson(conflict_intensity ×
///   militia_fight × √(militia members × group members)), group members or militiamen in proportion to the other
///   side's strength.
/// - Extort: its members prey at militia_predation of a group member's predation_lethality (a co-opted militia at the
///   full rate: it has become a group's arm); co-optation happens with weekly chance militia_cooptation where a group
///   is present.
/// - Policy (levers, from the date militia_policy becomes disarm): members recognised as community police
///   (militia_recognised_share of uncaptured militias) keep their arms and stop extorting. The others have
///   militia_grace_weeks to disarm (no militia grows once a policy is declared): each week militia_disarm_rate of those the amnesty covers hand in their arms — the
///   share is the tribunal's <see cref="Screener"/> on the rule set in force (cases sent to review granted at
///   amnesty_review_grant, as the amnesty's), on a militia member's case with and without violent offences (<see cref="AmnestyApplicants.MilitiaMemberCase"/>); without an amnesty, militia_disarm_rate ×
///   militia_voluntary_share. After the grace period the forces confront the rest: militia_dismantle_rate × rule of law
///   of them arrested a week, confrontations kill militia_resistance per arrest, and every militiaman killed brings
///   militia_backlash new members (grievance). Where militias arose the state is weak, so arrests are slow and refilled
///   by the dead, while an amnesty's grace period removes members without the forces: that is why a grace period first
///   ends with fewer members than dismantling at once.
/// Declares the parameters and levers below. Metrics: militias, militia_members (national, state, municipality), militia_killings
/// (national, state), militia_disarmed, militia_arrested.
/// </summary>
public sealed class Militias : IMechanism
{
    /// <summary>Weekly chance of a militia at a homicide rate of 100 per 100,000 with no state presence.</summary>
    public static readonly ParameterSpec Formation = new("militia_formation", 1e-3, "per week at 100 homicides per 100,000 without presence", "assumed (Michoacán 2013-2014: some 30 municipalities of the coast and Tierra Caliente within two years, CNDH 2015, data/police)", 0, 0.1, "how readily communities preyed on and left alone by the state take up arms")
    { Prior = Prior.LogUniform(1e-4, 1e-2) };

    /// <summary>Population at which a municipality is half as likely to raise a militia as a small town.</summary>
    public static readonly ParameterSpec TownSize = new("militia_town_size", 50_000, "inhabitants", "assumed (CNDH 2015: the groups rose in the towns and villages of Tierra Caliente and the coast, not in cities)", 1_000, 10_000_000, "how militias are a rural and small-town response")
    { Prior = Prior.LogUniform(10_000, 200_000) };

    /// <summary>Members a militia grows toward, per 1,000 inhabitants.</summary>
    public static readonly ParameterSpec Size = new("militia_size", 3, "members per 1,000 inhabitants", "assumed (La Ruana and Tepalcatepec's groups of some hundreds in towns of tens of thousands, CNDH 2015)", 0.1, 50, "a militia's mature size")
    { Prior = Prior.LogUniform(1, 10) };

    /// <summary>Weeks for a militia to grow.</summary>
    public static readonly ParameterSpec GrowthWeeks = new("militia_growth_weeks", 26, "weeks", "assumed (Michoacán's groups grew from February 2013 to their January 2014 peak)", 1, 520, "e-folding time of a militia's growth")
    { Prior = Prior.LogUniform(8, 78) };

    /// <summary>Rate at which militias disband where the state holds the place.</summary>
    public static readonly ParameterSpec Exit = new("militia_exit", 0.005, "per week at full rule of law", "assumed", 0, 1, "how fast militias stand down once the state arrives")
    { Prior = Prior.LogUniform(1e-3, 2e-2) };

    /// <summary>How hard a militia fights the groups, relative to two groups' conflict.</summary>
    public static readonly ParameterSpec Fight = new("militia_fight", 1, "relative to conflict_intensity", "assumed", 0, 10, "lethality of a militia's war on the groups present")
    { Prior = Prior.Uniform(0.25, 2) };

    /// <summary>A militiaman's predation relative to a group member's.</summary>
    public static readonly ParameterSpec Predation = new("militia_predation", 0.3, "relative to predation_lethality", "assumed (seed: militias 'engaging in extortion and robberies')", 0, 1, "how far an uncaptured militia preys on its own community")
    { Prior = Prior.Uniform(0.1, 0.8) };

    /// <summary>Weekly chance a group co-opts a militia it shares a municipality with.</summary>
    public static readonly ParameterSpec Cooptation = new("militia_cooptation", 0.01, "per week", "assumed (seed: 'frequent co-optation by criminal groups')", 0, 1, "how fast groups capture militias")
    { Prior = Prior.LogUniform(2e-3, 4e-2) };

    /// <summary>Share of militia members with violent offences (extortion, homicide) that no amnesty covers.</summary>
    public static readonly ParameterSpec ViolentShare = new("militia_violent_share", 0.3, "fraction of members", "assumed (seed: members 'found guilty of extortion, theft, kidnapping, and murder')", 0, 1, "militia members screened as having committed violent crimes")
    { Prior = Prior.Uniform(0.1, 0.6) };

    /// <summary>Share of the disarmament rate that members outside any amnesty still answer.</summary>
    public static readonly ParameterSpec VoluntaryShare = new("militia_voluntary_share", 0.2, "fraction", "assumed (seed: militias in Cherán, Tancítaro and Guerrero showed no interest in Peña Nieto's offer)", 0, 1, "how far a grace period works without an amnesty")
    { Prior = Prior.Uniform(0, 0.5) };

    /// <summary>Weekly share of eligible members who disarm during a grace period.</summary>
    public static readonly ParameterSpec DisarmRate = new("militia_disarm_rate", 0.02, "per week", "assumed", 0, 1, "pace of voluntary disarmament during a grace period")
    { Prior = Prior.LogUniform(5e-3, 5e-2) };

    /// <summary>Weekly share of remaining members arrested when dismantling at full rule of law.</summary>
    public static readonly ParameterSpec DismantleRate = new("militia_dismantle_rate", 0.03, "per week at full rule of law", "assumed (seed: 'government forces often fail and back off for fear of a major violent confrontation')", 0, 1, "pace of arrests when forces confront militias")
    { Prior = Prior.LogUniform(5e-3, 0.1) };

    /// <summary>Killings per militiaman arrested by force.</summary>
    public static readonly ParameterSpec Resistance = new("militia_resistance", 0.05, "killings per arrest", "assumed (seed: 'fear of a major violent confrontation')", 0, 1, "how lethal confronting militias is")
    { Prior = Prior.Uniform(0.01, 0.15) };

    /// <summary>New members per militiaman killed by the forces.</summary>
    public static readonly ParameterSpec Backlash = new("militia_backlash", 3, "members per militiaman killed", "assumed (seed: the militias' 'intense antagonism toward Mexico's law enforcement forces')", 0, 20, "how the dead of a confrontation remobilise their community")
    { Prior = Prior.Uniform(0.5, 6) };

    /// <summary>The militia policy (lever).</summary>
    public static readonly ParameterSpec Policy = new ParameterSpec("militia_policy", 0, "policy", "per scenario (seed: 'largely silent on … militias'; recommends a grace period to disarm, then dismantling)", 0, 1, "none: militias left alone; disarm: a grace period, then dismantling")
    { Kind = ValueKind.Choice, Words = ["none", "disarm"] }.AsLever();

    /// <summary>Weeks of the grace period (lever).</summary>
    public static readonly ParameterSpec GraceWeeks = new ParameterSpec("militia_grace_weeks", 0, "weeks", "per scenario (seed: 'a grace period to disarm and demobilize')", 0, 520, "weeks from the militia policy's start before forces confront those still armed")
    { Kind = ValueKind.Whole }.AsLever();

    /// <summary>Share of uncaptured militias recognised as community police (lever).</summary>
    public static readonly ParameterSpec RecognisedShare = new ParameterSpec("militia_recognised_share", 0, "fraction of uncaptured militias", "per scenario (seed: 'the indigenous police status permitted by the Mexican constitution')", 0, 1, "militias given community-police status when the militia policy starts")
        .AsLever();

    /// <summary>Municipalities with a militia.</summary>
    public static readonly MetricSpec Count = new("militias", "militias", MetricAggregation.Mean, "municipalities with an armed militia");

    /// <summary>Militia members, armed (recognised community police included).</summary>
    public static readonly MetricSpec Members = new("militia_members", "people", MetricAggregation.Mean, "armed members of militias");

    /// <summary>Killings by and of militias.</summary>
    public static readonly MetricSpec Killings = new("militia_killings", "people", MetricAggregation.Sum, "people killed by militias (groups' members, civilians) and militiamen killed by groups and forces");

    /// <summary>Members who disarmed during a grace period.</summary>
    public static readonly MetricSpec Disarmed = new("militia_disarmed", "people", MetricAggregation.Sum, "militia members who handed in their arms");

    /// <summary>Members arrested when forces dismantle militias.</summary>
    public static readonly MetricSpec Arrested = new("militia_arrested", "people", MetricAggregation.Sum, "militia members arrested by force");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "militias",
        "militias grow where groups prey and the state is absent, fight and extort, are co-opted, and are disarmed or dismantled",
        [Formation, TownSize, Size, GrowthWeeks, Exit, Fight, Predation, Cooptation, ViolentShare, VoluntaryShare, DisarmRate, DismantleRate, Resistance, Backlash, Policy, GraceWeeks, RecognisedShare],
        () => new Militias());

    private Xoshiro256StarStar _random = new(0);
    private double[] _members = [];
    private bool[] _captured = [];
    private bool[] _recognised = [];
    private double[] _groupMembers = [];
    private double[] _byState = [];
    private double[] _killedByState = [];
    private double[] _countByState = [];
    private RuleSet? _screenedRules;
    private double _amnestyShare = -1;
    private bool _recognitionDone;

    /// <summary>Militia members by municipality (index order), for tests.</summary>
    public IReadOnlyList<double> MembersBy => _members;

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        var n = context.Inputs.MunicipalityCount;
        (_members, _captured, _recognised, _groupMembers) = (new double[n], new bool[n], new bool[n], new double[n]);
        (_byState, _killedByState, _countByState) = (new double[context.Inputs.States], new double[context.Inputs.States], new double[context.Inputs.States]);

        // The militias' own stream: their draws do not shift the other mechanisms' when their parameters change.
        _random = context.Random.Split();
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var world = context.World;
        var inputs = context.Inputs;
        var random = _random;
        world.FreeByPlace(_groupMembers);

        var half = s[UniformedPresence.PresenceHalf];
        var policy = s.Choice<MilitiaPolicy>(Policy) == MilitiaPolicy.Disarm;
        var policyWeeks = policy ? context.WeeksSinceChanged(Policy) : -1;
        if (!policy)
        {
            _recognitionDone = false;
        }

        var grace = policy && policyWeeks < s[GraceWeeks];
        var dismantle = policy && !grace;
        var eligible = policy ? EligibleShare(context) : 0;
        var (formation, town, size, growth, exit) = (s[Formation], s[TownSize], s[Size] / 1000, 1 - Math.Exp(-1 / s[GrowthWeeks]), s[Exit]);
        var (fight, predation, cooptation) = (s[TerritorialConflict.ConflictIntensity] * s[Fight], s[Mechanisms.Predation.Lethality] * s[Predation], s[Cooptation]);
        var metrics = context.Metrics;
        double count = 0, total = 0, killed = 0, disarmed = 0, arrested = 0;
        Array.Clear(_byState);
        Array.Clear(_killedByState);
        Array.Clear(_countByState);
        for (var m = 0; m < _members.Length; m++)
        {
            var law = StatePresence.In(context, m, half);
            var population = inputs.PopulationIn(m, context.Date.Year);
            var killedHere = 0;
            if (_members[m] < 1)
            {
                _members[m] = 0;
                (_captured[m], _recognised[m]) = (false, false);
                var rate = population > 0 ? context.LastYear[m] * 100_000 / population : 0;
                if (dismantle || random.NextDouble() >= formation * (rate / 100) * (1 - law) * (1 - law) * town / (town + population))
                {
                    continue;
                }

                _members[m] = Math.Min(20, size * population);
            }

            if (policy && !_recognitionDone && !_captured[m])
            {
                _recognised[m] = random.NextDouble() < s[RecognisedShare];
            }

            _members[m] += ((size * population) - _members[m]) * growth * (policy && !_recognised[m] ? 0 : 1);
            _members[m] -= _members[m] * exit * law * (_recognised[m] ? 0 : 1);
            if (_groupMembers[m] > 0 && !_captured[m] && !_recognised[m] && random.NextDouble() < cooptation)
            {
                _captured[m] = true;
            }

            if (_groupMembers[m] > 0 && !_captured[m])
            {
                killedHere += FightGroups(context, m, fight);
            }

            if (!_recognised[m])
            {
                var victims = (int)random.Poisson(predation * _members[m] * (_captured[m] ? 1 / s[Predation] : 1));
                killedHere += victims;
                context.Homicides[m] += victims;
            }

            if (grace && !_recognised[m])
            {
                var handedIn = _members[m] * s[DisarmRate] * eligible;
                _members[m] -= handedIn;
                disarmed += handedIn;
            }
            else if (dismantle && !_recognised[m])
            {
                var taken = Math.Min(_members[m], random.Poisson(_members[m] * s[DismantleRate] * law));
                var dead = (int)random.Poisson(taken * s[Resistance]);
                _members[m] = Math.Max(0, _members[m] - taken - dead + (dead * s[Backlash]));
                context.Homicides[m] += dead;
                killedHere += dead;
                arrested += taken;
            }

            if (_members[m] >= 1)
            {
                metrics.Record(Members, MetricLevel.Municipality, m, _members[m]);
                count++;
                total += _members[m];
                _byState[inputs.StateOf[m]] += _members[m];
                _countByState[inputs.StateOf[m]]++;
            }

            killed += killedHere;
            _killedByState[inputs.StateOf[m]] += killedHere;
        }

        _recognitionDone = policy;
        metrics.Record(Count, count);
        metrics.Record(Members, total);
        metrics.Record(Killings, killed);
        metrics.Record(Disarmed, disarmed);
        metrics.Record(Arrested, arrested);
        metrics.RecordAll(Members, MetricLevel.State, _byState);
        metrics.RecordAll(Killings, MetricLevel.State, _killedByState);
        metrics.RecordAll(Count, MetricLevel.State, _countByState);
    }

    // A militia's war on the groups present: killings drawn on the pair's strength, victims on the other side's.
    private int FightGroups(WeekContext context, int m, double fight)
    {
        var world = context.World;
        var killings = (int)_random.Poisson(fight * Math.Sqrt(_members[m] * _groupMembers[m]));
        var ofMilitia = 0;
        for (var k = 0; k < killings; k++)
        {
            if (_random.NextDouble() * (_members[m] + _groupMembers[m]) < _groupMembers[m])
            {
                ofMilitia++;
                continue;
            }

            var pick = _random.NextDouble() * _groupMembers[m];
            foreach (var c in world.CellsIn[m])
            {
                pick -= world.Free[c];
                if (pick < 0 && world.Deaths[c] + world.Arrests[c] < world.Free[c])
                {
                    world.Deaths[c]++;
                    break;
                }
            }
        }

        _members[m] = Math.Max(0, _members[m] - ofMilitia);
        context.Homicides[m] += killings;
        return killings;
    }

    // The share of militia members the amnesty in force covers (screened once per rule set); members outside it still
    // answer a grace period at militia_voluntary_share.
    private double EligibleShare(WeekContext context)
    {
        var s = context.Settings;
        var rules = context.Period.AmnestyRules;
        if (!ReferenceEquals(rules, _screenedRules) || _amnestyShare < 0)
        {
            _screenedRules = rules;
            var review = s[Amnesty.ReviewGrant];
            _amnestyShare = rules is null ? 0 : (Granted(rules, violent: false, context.Date, review) * (1 - s[ViolentShare])) + (Granted(rules, violent: true, context.Date, review) * s[ViolentShare]);
        }

        return _amnestyShare + ((1 - _amnestyShare) * s[VoluntaryShare]);
    }

    // As the amnesty's own grants: eligible cases granted, reviewed ones at amnesty_review_grant.
    private static double Granted(RuleSet rules, bool violent, DateOnly date, double reviewGrant) =>
        Screener.Screen(rules, AmnestyApplicants.MilitiaMemberCase(date, violent)).Decision switch
        {
            Decision.Eligible => 1,
            Decision.NeedsReview => reviewGrant,
            _ => 0,
        };
}

/// <summary>The state's policy toward militias (the lever militia_policy).</summary>
public enum MilitiaPolicy
{
    /// <summary>Militias left alone (the plan's silence).</summary>
    None,

    /// <summary>A grace period to disarm (militia_grace_weeks, 0: none), then dismantling.</summary>
    Disarm,
}
