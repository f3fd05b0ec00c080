using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>
/// Parameters of the world itself rather than of one mechanism: how members are laid out at the start
/// (<see cref="Agents.InitialWorld"/>), the shape of a group, and how detention ends when events befall
/// members (<see cref="Agents.World.ApplyEvents"/>). Mechanisms may read them; they belong to none.
/// </summary>
public static class WorldParameters
{
    /// <summary>Exponent of the groups' initial sizes by network rank.</summary>
    public static readonly ParameterSpec SizeExponent = new("size_exponent", 1.5, "dimensionless", "assumed; probed in the calibration window (docs/engine.md); CRS R41576: '9 or as many as 20' major organizations by 2015 among the network's 150 groups; 1 is the aggregate model's 1/k split", 0.5, 2.5, "how concentrated members are in the strongest groups at the start")
    { Prior = Prior.Uniform(1, 2) };

    /// <summary>How strongly a group's members gather in the more violent of its states at the start.</summary>
    public static readonly ParameterSpec PresenceViolenceExponent = new("presence_violence_exponent", 0.5, "dimensionless", "assumed; probed in the calibration window (docs/engine.md)", 0, 3, "how far a group's members gather in the more violent of its states at the start")
    { Prior = Prior.Uniform(0, 1.5) };

    /// <summary>How many times a municipality of a group's home state draws its members at the start, against one of its other states (a replay's start before 2015: later starts place members by the 2015 presence, whose sources know no bases).</summary>
    public static readonly ParameterSpec HomePull = new("home_pull", 1, "times", "assumed; fitted in the history replay. The home states are transcribed (data/groups/organization_bases_transcribed.csv); how concentrated each organization was at home was not found", 1, 1000, "how far an organization's members gather in the state it was based in, at the start (1: as in any other state it is listed in)")
    { Prior = Prior.LogUniform(1, 100), ReadByStartsBefore = 2015 };

    /// <summary>Members of all groups at the start, when fitted (0: the aggregate model's value at the start date).</summary>
    public static readonly ParameterSpec InitialMembers = new("initial_members", 0, "members", "fitted for starts before 2012, where the aggregate model (from January 2012) gives no value; 0: the aggregate model's membership at the start (129,714 in January 2015)", 0, 500_000, "members of all groups at the start")
    { Prior = Prior.LogUniform(20_000, 200_000) };

    /// <summary>Share of a group's members in the middle layer when intact.</summary>
    public static readonly ParameterSpec MiddleShare = new("middle_share", 0.10, "fraction of members", "assumed", 0.02, 0.3, "middle layer of an intact group")
    { Prior = Prior.Uniform(0.05, 0.2) };

    /// <summary>Leaders per group (at most).</summary>
    public static readonly ParameterSpec LeadersPerGroup = new("leaders_per_group", 3, "members", "assumed", 1, 10, "leaders of a group")
    { Kind = ValueKind.Whole };

    /// <summary>Mean weeks in pretrial detention.</summary>
    public static readonly ParameterSpec PretrialWeeks = new("pretrial_weeks", 40, "weeks", "assumed (INEGI: 43.6% of federal prisoners unsentenced)", 4, 200, "mean pretrial detention")
    { Prior = Prior.Uniform(20, 80) };

    /// <summary>Share of detained members convicted (1 − impunity).</summary>
    public static readonly ParameterSpec Conviction = new("conviction", 0.05, "fraction", "evidence.md: impunity 93-99%", 0.01, 0.5, "detained members convicted")
    { Prior = Prior.Uniform(0.01, 0.07) };

    /// <summary>Mean sentence in weeks.</summary>
    public static readonly ParameterSpec SentenceWeeks = new("sentence_weeks", 260, "weeks", "assumed", 26, 1560, "mean sentence")
    { Prior = Prior.LogUniform(104, 780) };

    /// <summary>Weeks a succession crisis lasts, local (a plaza whose boss was removed) and of a headless group.</summary>
    public static readonly ParameterSpec CrisisWeeks = new("crisis_weeks", 52, "weeks", "Lindo & Padilla-Romo 2018: homicides stay higher for at least 12 months", 4, 104, "length of a succession crisis, local and of a headless group")
    { Kind = ValueKind.Whole, Prior = Prior.Uniform(26, 78) };

    /// <summary>All of them.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = [InitialMembers, SizeExponent, PresenceViolenceExponent, HomePull, MiddleShare, LeadersPerGroup, CrisisWeeks, PretrialWeeks, Conviction, SentenceWeeks];
}
