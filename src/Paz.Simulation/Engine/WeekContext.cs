using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Agents;

namespace Paz.Simulation.Engine;

/// <summary>
/// What a mechanism sees in a week: the world, the inputs, the settings in force, the replicate's
/// generator, the week's homicide tally, recent violence, and the signals mechanisms pass to one another.
/// Signals are named here so that a mechanism that publishes one and those that read it never name each
/// other: a reader sees the neutral value (null, or 1) when no mechanism publishes it.
/// </summary>
public sealed class WeekContext
{
    internal WeekContext(World world, EngineInputs inputs, Xoshiro256StarStar random, Timeline timeline, MetricCollector metrics)
    {
        World = world;
        Inputs = inputs;
        Random = random;
        Timeline = timeline;
        Metrics = metrics;
        var m = inputs.MunicipalityCount;
        Homicides = new int[m];
        Recent = new double[m];
        LastYear = new double[m];
        LastMonthRate = new double[m];
        Restraint = Enumerable.Repeat(1.0, world.MaxGroups).ToArray();
        Period = timeline.Periods[0];
    }

    /// <summary>
    /// A context for running mechanisms by hand on a world, outside the engine's loop (mechanism tests,
    /// experiments): <paramref name="settings"/> throughout, week 0 on <paramref name="inputs"/>' start.
    /// </summary>
    public static WeekContext For(World world, EngineInputs inputs, Settings settings, Xoshiro256StarStar random, int weeks = 1040)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        return new WeekContext(world, inputs, random, Timeline.Constant(settings), new MetricCollector(inputs.Start, weeks, inputs.States, inputs.MunicipalityCount))
        {
            Date = inputs.Start,
        };
    }

    /// <summary>Moves a hand-run context to the next week (the engine does this itself).</summary>
    public void NextWeek()
    {
        Week++;
        Metrics.Week = Week;
        Date = Date.AddDays(7);
    }

    /// <summary>The terms on which detentions end this week, for <see cref="World.ApplyEvents"/>.</summary>
    public DetentionTerms Detention => new(Settings[WorldParameters.PretrialWeeks], Settings[WorldParameters.Conviction], Settings[WorldParameters.SentenceWeeks], ConvictionIn);

    /// <summary>The world: members, cells, groups and places.</summary>
    public World World { get; }

    /// <summary>The data the world was built from.</summary>
    public EngineInputs Inputs { get; }

    /// <summary>The replicate's generator: every draw of every mechanism, in schedule order.</summary>
    public Xoshiro256StarStar Random { get; }

    /// <summary>The scenario's timeline.</summary>
    public Timeline Timeline { get; }

    /// <summary>Where mechanisms record their metrics.</summary>
    public MetricCollector Metrics { get; }

    /// <summary>The week's number from the start.</summary>
    public int Week { get; internal set; }

    /// <summary>The date the week starts.</summary>
    public DateOnly Date { get; internal set; }

    /// <summary>The period of the timeline in force.</summary>
    public PolicyPeriod Period { get; internal set; }

    /// <summary>The settings in force (<see cref="Period"/>'s).</summary>
    public Settings Settings => Period.Settings;

    /// <summary>The week each period of the timeline begins (the first week on or after its date).</summary>
    internal int[] PeriodStartWeeks { get; set; } = [0];

    /// <summary>The index of the period in force.</summary>
    internal int PeriodIndex { get; set; }

    /// <summary>Whether a new period began this week (or it is the first week).</summary>
    public bool PeriodBegins => Week == PeriodStartWeeks[PeriodIndex];

    /// <summary>
    /// Weeks since any of <paramref name="specs"/> last changed value in the timeline (since the start if they
    /// never did): a ramp (the Guard's growth, a reform's progress) runs from the entry that set it, and a later
    /// entry that changes other levers does not restart it.
    /// </summary>
    public int WeeksSinceChanged(params ParameterSpec[] specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var periods = Timeline.Periods;
        var k = PeriodIndex;
        while (k > 0 && specs.All(spec => periods[k - 1].Settings.SameAs(periods[k].Settings, spec)))
        {
            k--;
        }

        return Week - PeriodStartWeeks[k];
    }

    /// <summary>This week's homicides per municipality; mechanisms add the killings they decide.</summary>
    public int[] Homicides { get; }

    /// <summary>Homicides per municipality in about the last four weeks (a decayed sum, before this week).</summary>
    public double[] Recent { get; }

    /// <summary>Homicides per municipality in about the last year (a decayed sum, before this week).</summary>
    public double[] LastYear { get; }

    /// <summary>Last month's annualized homicide rate per 100,000 in each municipality.</summary>
    public double[] LastMonthRate { get; }

    /// <summary>Last month's national annualized homicide rate per 100,000.</summary>
    public double NationalRate { get; internal set; }

    /// <summary>Signal: each group's violence multiplier this week (1: none; below 1: restraint under focused deterrence).</summary>
    public double[] Restraint { get; }

    /// <summary>Signal: per municipality, the factor uniformed presence leaves of predation and confrontations against 2015-2018 (null: unchanged).</summary>
    public double[]? Deterrence { get; set; }

    /// <summary>Signal: municipal and state police per municipality this week, weighted by how much an officer deters against a soldier (null: no police in the inputs).</summary>
    public double[]? Police { get; set; }

    /// <summary>Signal: per state, the share of police who would fail vetting now relative to the nation's at the start (1: as corrupt as the average; null: no police figures).</summary>
    public double[]? PoliceCorruption { get; set; }

    /// <summary>Signal: the same police as <see cref="Police"/> at the run's start densities (what 2015-2018 already includes), or null.</summary>
    public double[]? PoliceAtStart { get; set; }

    /// <summary>Signal: people held in each state's prisons after last week's flows (null: no prison census in the inputs).</summary>
    public IReadOnlyList<Core.Justice.PrisonCount>? PrisonStocks { get; set; }

    /// <summary>Signal: people released by amnesty this week from each state's prisons (null: none).</summary>
    public IReadOnlyList<Core.Justice.PrisonCount>? AmnestyReleases { get; set; }

    /// <summary>Signal: leads against leaders given this week by people granted amnesty under an obligation to disclose or testify, by state (null: none).</summary>
    public double[]? AmnestyLeads { get; set; }

    /// <summary>Signal: the factor on the groups' recruitment from the leniency an amnesty promises would-be offenders (1: none).</summary>
    public double AmnestyRecruitment { get; set; } = 1;

    /// <summary>Signal: National Guard officers per municipality (null: no Guard).</summary>
    public double[]? GuardOfficers { get; set; }

    /// <summary>Signal: per municipality, the multiplier of conflict between groups provoked by military operations (null: none).</summary>
    public double[]? Provocation { get; set; }

    /// <summary>Signal: the wars the record shows in force this week (null: none recorded; <see cref="Mechanisms.RecordedWars"/>).</summary>
    public WarFronts? Wars { get; set; }

    /// <summary>Signal: per municipality, the value of its market as a multiplier of conflict and of the pull on expanding groups (population-weighted mean 1; null: none).</summary>
    public double[]? PlazaValue { get; set; }

    /// <summary>
    /// Each municipality's criminal revenue under 2015-2018's policy, computed once a run on first use (its parameters
    /// may not change on a date); shared by drug policy, rackets and market value.
    /// </summary>
    public Agents.PlazaRevenue Revenue => _revenue ??= Agents.PlazaRevenue.Of(Inputs, Settings);

    private Agents.PlazaRevenue? _revenue;

    /// <summary>Signal: what drug policy leaves of the drug trade and moves into legal (taxable) crops this week (null: the 2015-2018 policy).</summary>
    public DrugMarket? DrugMarket { get; set; }

    /// <summary>Signal: per municipality, pesos a year groups extort from crops and trade that drug policy made legal (null: none).</summary>
    public double[]? Racketeering { get; set; }

    /// <summary>Signal: per group, its revenue under this week's policy over its revenue under the 2015-2018 policy (null: unchanged).</summary>
    public double[]? RevenueFactor { get; set; }

    /// <summary>Signal: per municipality, the multiplier of its pool of recruits from poverty and exclusion (population-weighted mean 1; null: none).</summary>
    public double[]? ExclusionFactor { get; set; }

    /// <summary>Signal: per municipality, the share of the recruitment hazard youth programmes remove (null: none ever ran).</summary>
    public double[]? RecruitmentShield { get; set; }

    /// <summary>Signal: per municipality, the share of its pool of recruits still free, 1 − members / capacity (null: no bound).</summary>
    public double[]? RecruitHeadroom { get; set; }

    /// <summary>Signal: per cell, the multiplier of its recruitment from the wars it fights (<see cref="Mechanisms.WarMobilization"/>; null: none).</summary>
    public double[]? Mobilization { get; set; }

    /// <summary>Signal: per municipality, the multiplier of organized violence from local succession crises (null: none).</summary>
    public double[]? CrisisMultiplier { get; set; }

    /// <summary>Signal: per municipality, the probability that a detention ending this week ends in a conviction (null: the national <c>conviction</c> parameter).</summary>
    public double[]? ConvictionIn { get; set; }

    /// <summary>Share of each municipality's lethal local disputes a Peacebuilding Council defuses this week, or null where none sits (<see cref="Mechanisms.Councils"/>).</summary>
    public double[]? DisputeMediation { get; set; }

    /// <summary>Community cooperation with the state in each municipality, 0-1 (1: as in 2015-2018 before abuses), or null: abuses not modelled (<see cref="Mechanisms.HumanRights"/>).</summary>
    public double[]? Cooperation { get; set; }

    /// <summary>People disappeared this week in each state (state order; <see cref="Mechanisms.HumanRights"/>), or null; the nation's are their sum.</summary>
    public double[]? DisappearedByState { get; set; }

    /// <summary>Soldiers in public security in each municipality, net of the pullback, or null where presence has not moved from the start's deployment (<see cref="Mechanisms.UniformedPresence"/>).</summary>
    public double[]? Soldiers { get; set; }

    /// <summary>Signal, at the start: leaders removed per week by the campaign before the start (0: none), for warm starts.</summary>
    public double LeaderRemovalsBeforeStart { get; set; }

    /// <summary>Members recruited this week (the engine's national flows read it).</summary>
    public int Recruits { get; set; }

    /// <summary>Splits so far (groups that broke into a splinter).</summary>
    public int Splits { get; set; }
}
