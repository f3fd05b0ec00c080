using Paz.Core.Parameters;

namespace Paz.Simulation.Agents;

/// <summary>
/// The agent-based engine's parameters. Each has a default, a unit, a source (or "assumed") and a
/// range; <see cref="Calibration.DefaultFree"/> lists the at most twelve that <c>paz calibrate</c> fits to 2015-2018.
/// None is indexed by year or place: the fit must come from mechanisms and initial conditions.
/// </summary>
public sealed record EngineParameters
{
    /// <summary>Recruits per week per member, at the national mean at-risk pool and a full middle layer.</summary>
    public double Recruitment { get; init; } = 2.527474e-3;

    /// <summary>Elasticity of recruitment to the local at-risk pool index.</summary>
    public double PoolElasticity { get; init; } = 1.0;

    /// <summary>Arrests of members per week nationally (the aggregate model's incapacitations).</summary>
    public double ArrestsPerWeek { get; init; } = 110;

    /// <summary>Conflict killings per week per unit of Σ pairs √(members_i · members_j) in a contested municipality.</summary>
    public double ConflictIntensity { get; init; } = 4e-4;

    /// <summary>Extra weight of a listed rivalry (per record) on a pair's conflict.</summary>
    public double RivalryWeight { get; init; } = 0.25;

    /// <summary>Conflict weight of a pair of groups with no listed rivalry (1: as much as any pair).</summary>
    public double UnlistedPairConflict { get; init; } = 1;

    /// <summary>Share of conflict killings whose victims are members (the rest are civilians caught in it).</summary>
    public double MemberShareOfConflictDeaths { get; init; } = 0.35;

    /// <summary>Civilian homicides per member per week from predation (extortion, robbery, kidnapping).</summary>
    public double PredationLethality { get; init; } = 1.2e-3;

    /// <summary>Homicides per 100,000 inhabitants per year not tied to organizations.</summary>
    public double BaselineRate { get; init; } = 4;

    /// <summary>How strongly those homicides follow a municipality's own rate before the start (0: the same everywhere).</summary>
    public double BaselineHistoryElasticity { get; init; }

    /// <summary>Probability per week that a group with members in a municipality sends a cell into a neighbouring one.</summary>
    public double Expansion { get; init; } = 2e-3;

    /// <summary>Members in a cell sent to open a new place.</summary>
    public int ExpansionCell { get; init; } = 8;

    /// <summary>Succession killings per week per √member of a group in crisis, in each of its municipalities.</summary>
    public double SuccessionViolence { get; init; } = 0.05;

    /// <summary>Weeks a succession crisis lasts before a new leader is installed.</summary>
    public int CrisisWeeks { get; init; } = 52;

    /// <summary>Probability per week in a crisis that the group splits, when its middle layer is large.</summary>
    public double SplitProbability { get; init; } = 0.02;

    /// <summary>Exponent of the groups' initial sizes by network rank: group k holds members ∝ 1/k^size_exponent (1: the aggregate model's split).</summary>
    public double SizeExponent { get; init; } = 1.5;

    /// <summary>How strongly a group's members gather in the more violent of its states at the start (0: each state it is listed in pulls alike; 1: in proportion to the state's homicides 2012-2014).</summary>
    public double PresenceViolenceExponent { get; init; } = 0.5;

    /// <summary>Share of a group's members in the middle layer when intact.</summary>
    public double MiddleShare { get; init; } = 0.10;

    /// <summary>Leaders per group (at most), removed by high-value targeting.</summary>
    public int LeadersPerGroup { get; init; } = 3;

    /// <summary>Share of the middle-layer gap filled from foot soldiers per week.</summary>
    public double Promotion { get; init; } = 0.01;

    /// <summary>Saturation: members leaving per week per member, per member of the same group (aggregate ω).</summary>
    public double Saturation { get; init; } = 0.04e-6;

    /// <summary>Mean weeks in pretrial detention.</summary>
    public double PretrialWeeks { get; init; } = 40;

    /// <summary>Share of detained members convicted (1 − impunity).</summary>
    public double Conviction { get; init; } = 0.05;

    /// <summary>How much full anti-corruption raises convictions (1: doubles them).</summary>
    public double AntiCorruptionConviction { get; init; } = 1;

    /// <summary>Mean sentence in weeks.</summary>
    public double SentenceWeeks { get; init; } = 260;

    /// <summary>Leaders removed per week nationally by high-value targeting (2015-2018 policy: about 30 a year).</summary>
    public double LeaderRemovalsPerWeek { get; init; } = 30.0 / 52;

    /// <summary>How much more violent a municipality's organized violence (conflict and predation) is during a local succession crisis.</summary>
    public double CrisisViolence { get; init; } = 2;

    /// <summary>Largest share of predation that uniformed presence (soldiers, Guard) deters, at saturation.</summary>
    public double GuardDeterrence { get; init; } = 0.7;

    /// <summary>Officers per 1,000 inhabitants at which presence deters half of its largest share.</summary>
    public double PresenceHalf { get; init; } = 1;

    /// <summary>Share of a group's members in a garrisoned municipality pushed next door per week, at full deterrence.</summary>
    public double GarrisonDisplacement { get; init; } = 0.03;

    /// <summary>Arrests per proactive Guard officer per week.</summary>
    public double ProactiveArrests { get; init; } = 0.01;

    /// <summary>Share of a proactive contingent's deterrence that reaches the neighbouring municipalities (through the groups' networks).</summary>
    public double ProactiveReach { get; init; } = 0.5;

    /// <summary>Chance per week that corruption leaks a sweep's intelligence, so the targets move (before anti-corruption).</summary>
    public double IntelligenceLeak { get; init; } = 0.02;

    /// <summary>How much groups not targeted restrain their violence once the most-violent-first rule is announced.</summary>
    public double DeterrenceSignal { get; init; } = 0.3;

    /// <summary>Parameter declarations; names are the scenario keys.</summary>
    public static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        new("recruitment", 2.527474e-3, "recruits per member per week", "Prieto-Curiel, Campedelli & Hope (2023), rho", 1e-3, 5e-3, "recruitment at a mean pool and full middle layer"),
        new("pool_elasticity", 1.0, "dimensionless", "assumed", 0, 3, "how strongly recruitment follows the local at-risk pool"),
        new("arrests_per_week", 110, "members per week", "Prieto-Curiel et al. (2023), eta", 50, 300, "arrests of members nationally"),
        new("conflict_intensity", 4e-4, "killings per week per √(member·member)", "assumed; calibrated", 1e-5, 1e-2, "lethality of contested territory"),
        new("rivalry_weight", 0.25, "per rivalry record", "assumed", 0, 2, "extra conflict between listed rivals"),
        new("unlisted_pair_conflict", 1, "relative to a listed pair's base", "assumed; calibrated", 0.01, 1, "conflict between groups with no listed rivalry"),
        new("member_share_of_conflict_deaths", 0.35, "fraction", "assumed; calibrated to the aggregate model's member deaths", 0.05, 0.9, "victims of conflict who are members"),
        new("predation_lethality", 1.2e-3, "civilian homicides per member per week", "assumed; calibrated", 0, 1e-2, "killings in extortion, robbery and kidnapping"),
        new("baseline_rate", 4, "homicides per 100,000 per year", "assumed; calibrated (Mexico's rate was 8-10 before 2007)", 0, 12, "homicides not tied to organizations"),
        new("baseline_history_elasticity", 0, "dimensionless", "assumed; calibrated", 0, 1.5, "how far non-organized homicides follow the local rate before the start"),
        new("expansion", 2e-3, "per week per occupied place", "assumed; calibrated", 0, 0.05, "probability of opening a neighbouring place"),
        new("expansion_cell", 8, "members", "assumed", 1, 50, "members sent to open a place"),
        new("succession_violence", 0.05, "killings per week per √member", "assumed; calibrated", 0, 1, "violence inside a group without leaders"),
        new("crisis_weeks", 52, "weeks", "Lindo & Padilla-Romo 2018: homicides stay higher for at least 12 months", 4, 104, "length of a succession crisis, local and of a headless group"),
        new("split_probability", 0.02, "per week of crisis", "assumed", 0, 0.2, "chance a leaderless group fragments"),
        new("size_exponent", 1.5, "dimensionless", "assumed; probed in the calibration window (docs/engine.md); CRS R41576: '9 or as many as 20' major organizations by 2015 among the network's 150 groups; 1 is the aggregate model's 1/k split", 0.5, 2.5, "how concentrated members are in the strongest groups at the start"),
        new("presence_violence_exponent", 0.5, "dimensionless", "assumed; probed in the calibration window (docs/engine.md)", 0, 3, "how far a group's members gather in the more violent of its states at the start"),
        new("middle_share", 0.10, "fraction of members", "assumed", 0.02, 0.3, "middle layer of an intact group"),
        new("leaders_per_group", 3, "members", "assumed", 1, 10, "leaders of a group"),
        new("promotion", 0.01, "share of the gap per week", "assumed", 0, 0.2, "regeneration of the middle layer from foot soldiers"),
        new("saturation", 0.04e-6, "per week per member per member", "Prieto-Curiel et al. (2023), omega", 0, 1e-6, "members leaving large groups"),
        new("pretrial_weeks", 40, "weeks", "assumed (INEGI: 43.6% of federal prisoners unsentenced)", 4, 200, "mean pretrial detention"),
        new("conviction", 0.05, "fraction", "evidence.md: impunity 93-99%", 0.01, 0.5, "detained members convicted"),
        new("anti_corruption_conviction", 1, "relative gain at full anti-corruption", "assumed (seed: corruption and lack of capacity keep impunity high)", 0, 5, "convictions gained by cleaning the apparatus"),
        new("sentence_weeks", 260, "weeks", "assumed", 26, 1560, "mean sentence"),
        new("leader_removals_per_week", 30.0 / 52, "leaders per week", "seed: 120 of 122 designated targets caught by 2018 (about 30 a year)", 0, 5, "high-value targeting"),
        new("crisis_violence", 2, "multiplier", "published kingpin effects, 2007-2012 (evidence.md): +36.5% of all homicides in 6 months (Calderón et al. 2015), about +80% for a year (Lindo & Padilla-Romo 2018), over an organized share of about two thirds of local homicides; not fitted: the national series cannot tell it apart from predation", 1, 10, "organized violence in a plaza (and next door where the group operates) after its boss is removed"),
        new("guard_deterrence", 0.7, "fraction", "assumed (seed: presence deters; a garrison displaces)", 0, 1, "largest share of predation deterred by uniformed presence"),
        new("presence_half", 1, "officers per 1,000 inhabitants", "assumed", 0.05, 20, "presence at which half of the largest deterrence is reached"),
        new("garrison_displacement", 0.03, "share of members per week", "assumed (seed: a static garrison 'only displaces' crime)", 0, 0.3, "members pushed next door by a garrison"),
        new("proactive_arrests", 0.01, "arrests per officer per week", "assumed", 0, 0.05, "arrests with evidence by proactive, intelligence-led policing"),
        new("proactive_reach", 0.5, "fraction", "assumed", 0, 1, "deterrence of proactive policing felt next door"),
        new("intelligence_leak", 0.02, "per week", "assumed (seed: intelligence 'goes cold' in a corrupt apparatus)", 0, 0.5, "chance a sweep's intelligence leaks and the targets move"),
        new("deterrence_signal", 0.3, "fraction", "assumed (Kleiman; seed: focused deterrence)", 0, 1, "violence restraint of groups not targeted under most-violent-first"),
    ];

    /// <summary>A parameter's value by scenario key.</summary>
    public double Get(string name) => name switch
    {
        "recruitment" => Recruitment,
        "intelligence_leak" => IntelligenceLeak,
        "proactive_reach" => ProactiveReach,
        "guard_deterrence" => GuardDeterrence,
        "presence_half" => PresenceHalf,
        "garrison_displacement" => GarrisonDisplacement,
        "proactive_arrests" => ProactiveArrests,
        "crisis_violence" => CrisisViolence,
        "deterrence_signal" => DeterrenceSignal,
        "pool_elasticity" => PoolElasticity,
        "arrests_per_week" => ArrestsPerWeek,
        "conflict_intensity" => ConflictIntensity,
        "rivalry_weight" => RivalryWeight,
        "unlisted_pair_conflict" => UnlistedPairConflict,
        "member_share_of_conflict_deaths" => MemberShareOfConflictDeaths,
        "predation_lethality" => PredationLethality,
        "baseline_rate" => BaselineRate,
        "baseline_history_elasticity" => BaselineHistoryElasticity,
        "expansion" => Expansion,
        "expansion_cell" => ExpansionCell,
        "succession_violence" => SuccessionViolence,
        "crisis_weeks" => CrisisWeeks,
        "split_probability" => SplitProbability,
        "size_exponent" => SizeExponent,
        "presence_violence_exponent" => PresenceViolenceExponent,
        "middle_share" => MiddleShare,
        "leaders_per_group" => LeadersPerGroup,
        "promotion" => Promotion,
        "saturation" => Saturation,
        "pretrial_weeks" => PretrialWeeks,
        "conviction" => Conviction,
        "sentence_weeks" => SentenceWeeks,
        "anti_corruption_conviction" => AntiCorruptionConviction,
        "leader_removals_per_week" => LeaderRemovalsPerWeek,
        _ => throw new ArgumentException($"unknown parameter '{name}'", nameof(name)),
    };

    /// <summary>A copy with one parameter set by scenario key.</summary>
    public EngineParameters With(string name, double value) => name switch
    {
        "recruitment" => this with { Recruitment = value },
        "intelligence_leak" => this with { IntelligenceLeak = value },
        "proactive_reach" => this with { ProactiveReach = value },
        "guard_deterrence" => this with { GuardDeterrence = value },
        "presence_half" => this with { PresenceHalf = value },
        "garrison_displacement" => this with { GarrisonDisplacement = value },
        "proactive_arrests" => this with { ProactiveArrests = value },
        "crisis_violence" => this with { CrisisViolence = value },
        "deterrence_signal" => this with { DeterrenceSignal = value },
        "pool_elasticity" => this with { PoolElasticity = value },
        "arrests_per_week" => this with { ArrestsPerWeek = value },
        "conflict_intensity" => this with { ConflictIntensity = value },
        "rivalry_weight" => this with { RivalryWeight = value },
        "unlisted_pair_conflict" => this with { UnlistedPairConflict = value },
        "member_share_of_conflict_deaths" => this with { MemberShareOfConflictDeaths = value },
        "predation_lethality" => this with { PredationLethality = value },
        "baseline_rate" => this with { BaselineRate = value },
        "baseline_history_elasticity" => this with { BaselineHistoryElasticity = value },
        "expansion" => this with { Expansion = value },
        "expansion_cell" => this with { ExpansionCell = (int)Math.Round(value) },
        "succession_violence" => this with { SuccessionViolence = value },
        "crisis_weeks" => this with { CrisisWeeks = (int)Math.Round(value) },
        "split_probability" => this with { SplitProbability = value },
        "size_exponent" => this with { SizeExponent = value },
        "presence_violence_exponent" => this with { PresenceViolenceExponent = value },
        "middle_share" => this with { MiddleShare = value },
        "leaders_per_group" => this with { LeadersPerGroup = (int)Math.Round(value) },
        "promotion" => this with { Promotion = value },
        "saturation" => this with { Saturation = value },
        "pretrial_weeks" => this with { PretrialWeeks = value },
        "conviction" => this with { Conviction = value },
        "sentence_weeks" => this with { SentenceWeeks = value },
        "anti_corruption_conviction" => this with { AntiCorruptionConviction = value },
        "leader_removals_per_week" => this with { LeaderRemovalsPerWeek = value },
        _ => throw new ArgumentException($"unknown parameter '{name}'", nameof(name)),
    };
}
