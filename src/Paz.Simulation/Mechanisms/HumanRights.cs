using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Abuses by the forces cost the state the community's cooperation; and some of the violence is never registered.
/// Claims (seed, "Long overdue human rights protections"): the plan's third pillar "insists that government forces will
/// never be allowed to kill, disappear, or torture anyone"; the seed's recommendation "Emphasize human rights and
/// accountability"; in Michoacán and Guerrero the forces' task is to "bond its residents with the Mexican state"; the
/// plan's search for "Mexico's 40,000 missing people" (<see cref="SearchProgramme"/>).
/// - Abuses: soldiers in public security (<see cref="WeekContext.Soldiers"/>, else the military_personnel placed by
///   last year's homicides) commit abuse_rate abuses per 1,000 a year, times their state's lethality index (SEDENA's
///   aggressors killed per wounded in its confrontations of 2007 to the year before the start, over the nation's:
///   <c>EngineInputs.ArmyLethality</c>; above 1, a force that kills where it could wound); Guard officers
///   guard_abuse_share as many, × proactive_abuse under a proactive posture and × garrison_abuse in a garrison. The
///   lever rights_protection (the plan's pillar: training, prosecuting abuses) removes that share of them all.
/// - Cooperation: a municipality's abuses of about the last year (a decayed sum, memory cooperation_memory_weeks) per
///   1,000 inhabitants, A, leave cooperation C = 1 / (1 + cooperation_loss · A), published as
///   <see cref="WeekContext.Cooperation"/>: <see cref="Targeting"/>'s sweeps gather intelligence at C a week (the
///   targets' community tips off the forces less, so more sweeps leak before they strike) and
///   <see cref="UniformedPresence"/> counts a Guard officer's deterrence at C.
/// - Disappearances: each killing of the week has a further disappearance_ratio victims who are disappeared, never
///   registered as homicides (drawn by municipality, recorded by state), and join the missing that
///   <see cref="SearchProgramme"/> searches for.
/// Declares the parameters and the lever below. Metrics: abuses (national, state), cooperation (national,
/// population-weighted mean), disappearances (national, state).
/// </summary>
public sealed class HumanRights : IMechanism
{
    /// <summary>Abuses per 1,000 soldiers in public security a year.</summary>
    public static readonly ParameterSpec AbuseRate = new("abuse_rate", 20, "abuses per 1,000 soldiers a year", "assumed (order of the CNDH's yearly complaints against SEDENA in 2008-2012, not in data/, over some 50,000 soldiers deployed)", 0, 500, "abuses by soldiers in public security at the nation's lethality index")
    { Prior = Prior.LogUniform(5, 60) };

    /// <summary>A Guard officer's abuses relative to a soldier's.</summary>
    public static readonly ParameterSpec GuardAbuseShare = new("guard_abuse_share", 0.7, "relative to a soldier", "assumed (seed: the Guard's members come from the army, navy, military and federal police, with training in human rights)", 0, 2, "abuses per Guard officer relative to a soldier in public security")
    { Prior = Prior.Uniform(0.3, 1.2) };

    /// <summary>Abuses under a proactive posture relative to patrols.</summary>
    public static readonly ParameterSpec ProactiveAbuse = new("proactive_abuse", 0.7, "relative to patrol", "assumed (intelligence-led operations meet fewer bystanders than street patrols)", 0, 3, "abuses per officer under a proactive posture relative to patrols")
    { Prior = Prior.Uniform(0.4, 1.2) };

    /// <summary>Abuses in a garrison relative to patrols.</summary>
    public static readonly ParameterSpec GarrisonAbuse = new("garrison_abuse", 0.5, "relative to patrol", "assumed (a static post meets fewer people)", 0, 3, "abuses per officer in a garrison relative to patrols")
    { Prior = Prior.Uniform(0.2, 1) };

    /// <summary>Loss of cooperation per abuse per 1,000 inhabitants.</summary>
    public static readonly ParameterSpec CooperationLoss = new("cooperation_loss", 2, "per abuse per 1,000 inhabitants a year", "assumed (seed: abuses undermine the community's bond with the state)", 0, 100, "how strongly abuses turn a community away from the forces")
    { Prior = Prior.LogUniform(0.5, 10) };

    /// <summary>Memory of abuses.</summary>
    public static readonly ParameterSpec Memory = new("cooperation_memory_weeks", 52, "weeks", "assumed", 1, 520, "e-folding time over which a community remembers abuses")
    { Prior = Prior.LogUniform(26, 156) };

    /// <summary>Disappeared per registered homicide.</summary>
    public static readonly ParameterSpec DisappearanceRatio = new("disappearance_ratio", 0.175, "people disappeared per registered homicide", "RNPED persons still missing by year last seen 2015-2017 (13,429; data/missing) over INEGI's homicides of those years (76,495); open records only, a floor", 0, 1, "victims who are disappeared rather than registered as homicides")
    { Prior = Prior.Uniform(0.07, 0.3) };

    /// <summary>Share of abuses prevented (lever).</summary>
    public static readonly ParameterSpec Protection = new ParameterSpec("rights_protection", 0, "fraction of abuses prevented", "per scenario (seed: forces 'will never be allowed to kill, disappear, or torture anyone'; training and prosecution of abuses)", 0, 1, "share of the forces' abuses prevented by training, oversight and prosecution")
        .AsLever();

    /// <summary>Abuses by the forces.</summary>
    public static readonly MetricSpec Abuses = new("abuses", "abuses", MetricAggregation.Sum, "abuses by soldiers and Guard officers (killings, disappearances, torture, arbitrary detention)");

    /// <summary>Community cooperation.</summary>
    public static readonly MetricSpec CooperationMetric = new("cooperation", "0-1", MetricAggregation.Mean, "community cooperation with the forces (population-weighted mean)");

    /// <summary>People disappeared.</summary>
    public static readonly MetricSpec Disappearances = new("disappearances", "people", MetricAggregation.Sum, "people disappeared: killed or held and never registered as homicides");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "human_rights",
        "abuses by the forces cost the community's cooperation; some victims are disappeared",
        [AbuseRate, GuardAbuseShare, ProactiveAbuse, GarrisonAbuse, CooperationLoss, Memory, DisappearanceRatio, Protection],
        () => new HumanRights());

    private const int RedeployEvery = 4;
    private Xoshiro256StarStar _random = new(0);
    private double[] _remembered = [];
    private double[] _cooperation = [];
    private double[] _abusesByState = [];
    private double[] _disappearedByState = [];
    private double[]? _soldiers;
    private int _lastPlaced = int.MinValue;

    /// <inheritdoc/>
    public void Start(WeekContext context)
    {
        var n = context.Inputs.MunicipalityCount;
        (_remembered, _cooperation) = (new double[n], new double[n]);
        Array.Fill(_cooperation, 1);
        (_abusesByState, _disappearedByState) = (new double[context.Inputs.States], new double[context.Inputs.States]);

        // Its own stream: abuses and disappearances drawn here do not shift the other mechanisms' draws.
        _random = context.Random.Split();
    }

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var inputs = context.Inputs;
        var soldiers = context.Soldiers ?? Placed(context);
        var guard = context.GuardOfficers;
        var kept = 1 - s[Protection];
        var perSoldier = s[AbuseRate] / 1000 / 52 * kept;
        var perOfficer = perSoldier * s[GuardAbuseShare];
        var (proactive, garrison) = (s[ProactiveAbuse], s[GarrisonAbuse]);
        var decay = Math.Exp(-1 / s[Memory]);
        var loss = s[CooperationLoss];
        var ratio = s[DisappearanceRatio];
        Array.Clear(_abusesByState);
        Array.Clear(_disappearedByState);
        double abuses = 0, disappeared = 0, weighted = 0, people = 0;
        var year = context.Date.Year;
        for (var m = 0; m < _cooperation.Length; m++)
        {
            var state = inputs.StateOf[m];
            var lethality = inputs.ArmyLethality?[state] ?? 1;
            var officers = guard?[m] ?? 0;
            var posture = officers > 0 ? ForceLevers.PostureIn(context.Period, m) switch
            {
                GuardPosture.Proactive => proactive,
                GuardPosture.Garrison => garrison,
                _ => 1,
            } : 0;
            var expected = ((soldiers[m] * perSoldier) + (officers * perOfficer * posture)) * lethality;
            var here = expected > 0 ? _random.Poisson(expected) : 0;
            abuses += here;
            _abusesByState[state] += here;
            var population = inputs.PopulationIn(m, year);
            _remembered[m] = (_remembered[m] * decay) + here;
            var perThousand = population > 0 ? _remembered[m] * (1 - decay) * 52 / (population / 1000) : 0;
            _cooperation[m] = 1 / (1 + (loss * perThousand));
            weighted += _cooperation[m] * population;
            people += population;
            if (context.Homicides[m] > 0)
            {
                var gone = _random.Poisson(ratio * context.Homicides[m]);
                disappeared += gone;
                _disappearedByState[state] += gone;
            }
        }

        context.Cooperation = _cooperation;
        context.DisappearedByState = _disappearedByState;
        var metrics = context.Metrics;
        metrics.Record(Abuses, abuses);
        metrics.Record(CooperationMetric, people > 0 ? weighted / people : 1);
        metrics.Record(Disappearances, disappeared);
        metrics.RecordAll(Abuses, MetricLevel.State, _abusesByState);
        metrics.RecordAll(Disappearances, MetricLevel.State, _disappearedByState);
    }

    // The soldiers in public security where the presence mechanism has not placed them (the calibration years' deployment):
    // military_personnel over the military_places most violent municipalities, as it would, once a month.
    private double[] Placed(WeekContext context)
    {
        if (_soldiers is null || context.Week - _lastPlaced >= RedeployEvery || context.PeriodBegins)
        {
            var s = context.Settings;
            _soldiers = UniformedPresence.ByViolence(context.Inputs.MunicipalityCount, s.Whole(ForceLevers.MilitaryPersonnel), s.Whole(ForceLevers.MilitaryPlaces), context.LastYear);
            _lastPlaced = context.Week;
        }

        return _soldiers;
    }
}
