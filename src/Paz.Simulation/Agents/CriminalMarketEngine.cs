using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Agents;

/// <summary>
/// The agent-based engine: Mexico's criminal market on the real atlas, members as individual agents,
/// weekly ticks. Each week the engine finishes the census, brings in the timeline's period in force, runs
/// the registered mechanisms in order (<see cref="Schedule.Mechanisms"/>: they decide events at the
/// level of cells), lets the decided events befall individual members (<see cref="World.ApplyEvents"/>),
/// runs the mechanisms that add members (<see cref="Schedule.AfterEvents"/>), and records the week.
/// Deterministic: the same inputs, timeline and seed give the same result.
/// </summary>
public sealed class CriminalMarketEngine
{
    private readonly EngineInputs _inputs;
    private readonly IReadOnlyList<MechanismInfo> _schedule;
    private readonly IReadOnlyList<MechanismInfo> _afterEvents;

    /// <summary>Prepares the engine for a world with the registered mechanisms.</summary>
    public CriminalMarketEngine(EngineInputs inputs)
        : this(inputs, Schedule.Mechanisms, Schedule.AfterEvents)
    {
    }

    /// <summary>Prepares the engine for a world with a schedule of one's own (tests, experiments).</summary>
    public CriminalMarketEngine(EngineInputs inputs, IReadOnlyList<MechanismInfo> schedule, IReadOnlyList<MechanismInfo> afterEvents)
    {
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _afterEvents = afterEvents ?? throw new ArgumentNullException(nameof(afterEvents));
    }

    /// <summary>The inputs the engine runs on.</summary>
    public EngineInputs Inputs => _inputs;

    /// <summary>Runs one replicate with the same settings throughout.</summary>
    public ReplicateResult Run(Settings settings, int weeks, ulong seed, Action<int, World>? intervene = null) =>
        Run(Timeline.Constant(settings), weeks, seed, intervene);

    /// <summary>Runs one replicate for <paramref name="weeks"/> weeks.</summary>
    /// <param name="timeline">The settings in force over time.</param>
    /// <param name="weeks">Weeks to run from <see cref="EngineInputs.Start"/>.</param>
    /// <param name="seed">The replicate's seed.</param>
    /// <param name="intervene">Optional hook called after the census each week, to script events (tests, experiments).</param>
    public ReplicateResult Run(Timeline timeline, int weeks, ulong seed, Action<int, World>? intervene = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var random = new Xoshiro256StarStar(seed);
        var world = InitialWorld.Build(_inputs, timeline.First, random);
        var m = _inputs.MunicipalityCount;
        world.Compact(); // members in runs by cell from the first week (see World.ApplyEvents)
        world.Census();

        var start = _inputs.Start;
        var metrics = new MetricCollector(start, weeks, _inputs.States, m);
        var context = new WeekContext(world, _inputs, random, timeline, metrics);
        var mechanisms = _schedule.Select(x => x.Create()).ToArray();
        var growers = _afterEvents.Select(x => x.Create()).ToArray();
        foreach (var mechanism in mechanisms.Concat(growers))
        {
            mechanism.Start(context);
        }

        var firstMonth = (start.Year * 12) + start.Month - 1;
        var lastDate = start.AddDays(7 * (weeks - 1));
        var months = ((lastDate.Year * 12) + lastDate.Month - 1) - firstMonth + 1;
        var monthly = new int[m * months];
        var flows = new List<WeekFlows>(weeks);
        var week = context.Homicides;
        var recent = context.Recent;
        var lastYear = context.LastYear;
        context.PeriodStartWeeks = [.. timeline.Periods.Select((p, k) => k == 0 ? 0 : Math.Max(0, (int)Math.Ceiling((p.From.DayNumber - start.DayNumber) / 7.0)))];
        var period = -1;
        var years = lastDate.Year - start.Year + 1;
        var byMechanism = mechanisms.Select(_ => new long[years]).ToArray();
        for (var t = 0; t < weeks; t++)
        {
            var date = start.AddDays(7 * t);
            var year = date.Year;
            world.FinishCensus();
            intervene?.Invoke(t, world);
            context.Week = t;
            metrics.Week = t;
            context.Date = date;
            var national = 0.0;
            var population = 0.0;
            for (var i = 0; i < m; i++)
            {
                var people = _inputs.PopulationIn(i, year);
                context.LastMonthRate[i] = people > 0 ? recent[i] * 13 * 100_000 / people : 0;
                national += recent[i];
                population += people;
            }

            context.NationalRate = population > 0 ? national * 13 * 100_000 / population : 0;
            Array.Clear(week);
            var now = timeline.IndexAt(date);
            if (now != period)
            {
                period = now;
                context.Period = timeline.Periods[now];
                context.PeriodIndex = now;
            }

            for (var g = 0; g < world.Groups; g++)
            {
                world.RecentViolence[g] *= 0.75; // about the last four weeks, as for places
            }

            // Each mechanism's share of the week's homicides, read as what it added (for the plausibility flags).
            var before = 0L;
            for (var k = 0; k < mechanisms.Length; k++)
            {
                mechanisms[k].Step(context);
                var after = Sum(week);
                byMechanism[k][year - start.Year] += after - before;
                before = after;
            }

            var members = world.GroupMembers.Take(world.Groups).Sum();
            var groups = world.GroupMembers.Take(world.Groups).Count(n => n > 0);
            var events = world.ApplyEvents(random, context.Detention);
            context.Recruits = 0;
            foreach (var grower in growers)
            {
                grower.Step(context);
            }

            var monthIndex = ((year * 12) + date.Month - 1) - firstMonth;
            var homicides = 0;
            for (var i = 0; i < m; i++)
            {
                monthly[(i * months) + monthIndex] += week[i];
                homicides += week[i];
                recent[i] = (recent[i] * 3 / 4) + week[i]; // about the last four weeks, decayed
                lastYear[i] = (lastYear[i] * 51 / 52) + week[i]; // about the last year
            }

            flows.Add(new WeekFlows(t, date, members, context.Recruits, events.Arrests, events.MemberDeaths, events.Desisted, homicides,
                world.Prisoners, groups, context.Splits, events.LeadersRemoved)
            {
                MiddleArrested = events.ArrestsByTier[(int)Tier.MiddleLayer],
                LowerArrested = events.ArrestsByTier[(int)Tier.FootSoldier] + events.ArrestsByTier[(int)Tier.Lookout],
                Convictions = events.Convictions,
                Releases = events.Releases,
            });
            if (t % 13 == 12) // quarterly: drops the dead and re-sorts members by cell (see World.Compact)
            {
                world.Compact();
            }
        }

        return new ReplicateResult(seed, firstMonth, months, monthly, flows)
        {
            Metrics = metrics,
            HomicidesByMechanism = _schedule.Select((x, k) => (x.Name, k)).ToDictionary(x => x.Name, x => new YearCounts(start.Year, byMechanism[x.k])),
        };
    }

    // The week's homicides so far, read after every mechanism (a week's total fits an int many times over).
    private static long Sum(int[] values) => System.Numerics.Tensors.TensorPrimitives.Sum<int>(values);
}
