using Paz.Core.Randomness;
using Paz.Simulation.Systems;

namespace Paz.Simulation.Agents;

/// <summary>
/// The agent-based engine: Mexico's criminal market on the real atlas, members as individual agents,
/// weekly ticks. The scheduler runs the systems in a fixed order each week: census; enforcement;
/// territorial competition; succession and fragmentation; saturation; expansion; predation;
/// non-member homicides; then the decided events befall individual members; then recruitment.
/// Deterministic: the same inputs, parameters, policy and seed give the same result.
/// </summary>
public sealed class CriminalMarketEngine
{
    private readonly EngineInputs _inputs;

    /// <summary>Prepares the engine for a world.</summary>
    public CriminalMarketEngine(EngineInputs inputs) => _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));

    /// <summary>The inputs the engine runs on.</summary>
    public EngineInputs Inputs => _inputs;

    /// <summary>Runs one replicate for <paramref name="weeks"/> weeks.</summary>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="policy">Policy in force (see <see cref="Policy"/>).</param>
    /// <param name="weeks">Weeks to run from <see cref="EngineInputs.Start"/>.</param>
    /// <param name="seed">The replicate's seed.</param>
    /// <param name="intervene">Optional hook called after the census each week, to script events (tests, experiments).</param>
    public ReplicateResult Run(EngineParameters parameters, Policy policy, int weeks, ulong seed, Action<int, World>? intervene = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(policy);
        var random = new Xoshiro256StarStar(seed);
        var world = InitialWorld.Build(_inputs, parameters, random);
        var m = _inputs.MunicipalityCount;
        world.Compact(); // members in runs by cell from the first week (see World.ApplyEvents)
        world.Census();
        var pool = PoolFactors(world, parameters);
        if (policy.Targeting.HasFlag(Targeting.HighValue))
        {
            SuccessionSystem.WarmStart(world, _inputs.Neighbours, parameters, policy.LeaderRemovalsPerWeek, random);
        }

        var propensity = NonMemberHomicideSystem.Propensity(_inputs, parameters);

        var start = _inputs.Start;
        var firstMonth = (start.Year * 12) + start.Month - 1;
        var lastDate = start.AddDays(7 * (weeks - 1));
        var months = ((lastDate.Year * 12) + lastDate.Month - 1) - firstMonth + 1;
        var monthly = new int[m * months];
        var week = new int[m];
        var recent = new double[m];
        var lastMonthRate = new double[m];
        var flows = new List<WeekFlows>(weeks);
        var splits = 0;
        var lastYear = new double[m];
        Policy? previous = null;
        var policyStart = 0;
        IReadOnlyList<int> priority = [];
        PullbackState? pullbackState = null;
        double[]? guardByYear = null;
        double[]? officers = null, deterrence = null;
        var forcesWeek = int.MinValue / 2;
        var weeksInYear = new int[lastDate.Year - start.Year + 1];
        for (var t = 0; t < weeks; t++)
        {
            var date = start.AddDays(7 * t);
            var year = date.Year;
            world.FinishCensus();
            intervene?.Invoke(t, world);
            var national = 0.0;
            var population = 0.0;
            for (var i = 0; i < m; i++)
            {
                var people = _inputs.PopulationIn(i, year);
                lastMonthRate[i] = people > 0 ? recent[i] * 13 * 100_000 / people : 0;
                national += recent[i];
                population += people;
            }

            var nationalRate = population > 0 ? national * 13 * 100_000 / population : 0;
            Array.Clear(week);
            var current = policy.At(date);
            if (!ReferenceEquals(current, previous))
            {
                previous = current;
                policyStart = t;
                priority = PriorityGroups(current);
            }

            for (var g = 0; g < world.Groups; g++)
            {
                world.RecentViolence[g] *= 0.75; // about the last four weeks, as for places
            }

            EnforcementSystem.Run(world, parameters, current, lastMonthRate, nationalRate, random);
            var reform = (t - policyStart) / (double)Math.Max(1, current.ReformWeeks);
            TargetingSystem.Run(world, parameters, current, priority, reform, random);
            JusticeSystem.Run(world, _inputs, parameters, current, reform);
            SuccessionSystem.Destabilize(world, _inputs.Neighbours, parameters);
            if (t - forcesWeek >= ForcesEvery || policyStart == t)
            {
                // Forces are redeployed monthly: deployment by last year's violence, ramp, exits and returns.
                (officers, deterrence) = Forces(parameters, current, t - policyStart, date, lastYear, recent, ref pullbackState);
                forcesWeek = t;
            }

            if (officers is not null)
            {
                guardByYear ??= new double[weeksInYear.Length * m];
                var offset = (year - start.Year) * m;
                for (var i = 0; i < m; i++)
                {
                    guardByYear[offset + i] += officers[i];
                }
            }

            TerritorialCompetitionSystem.Conflict(world, parameters, week, random, deterrence);
            splits += SuccessionSystem.Run(world, parameters, week, random).Splits;
            SaturationSystem.Run(world, parameters, random);
            TerritorialCompetitionSystem.Expand(world, _inputs, parameters, random);
            if (officers is not null && deterrence is not null)
            {
                GuardSystem.Run(world, _inputs, parameters, current, officers, deterrence, lastYear, random);
            }

            foreach (var c in world.ActiveCells)
            {
                world.Moves[c] = Math.Min(world.Moves[c], world.Free[c] - world.Deaths[c] - world.Arrests[c] - world.Desist[c]);
            }

            PredationSystem.Run(world, parameters, week, random, deterrence);
            NonMemberHomicideSystem.Run(_inputs, parameters, year, week, propensity, random);
            var members = world.GroupMembers.Take(world.Groups).Sum();
            var groups = world.GroupMembers.Take(world.Groups).Count(n => n > 0);
            var events = world.ApplyEvents(random, parameters);
            var recruits = RecruitmentSystem.Run(world, parameters, pool, random);

            weeksInYear[year - start.Year]++;
            var monthIndex = ((year * 12) + date.Month - 1) - firstMonth;
            var homicides = 0;
            for (var i = 0; i < m; i++)
            {
                monthly[(i * months) + monthIndex] += week[i];
                homicides += week[i];
                recent[i] = (recent[i] * 3 / 4) + week[i]; // about the last four weeks, decayed
                lastYear[i] = (lastYear[i] * 51 / 52) + week[i]; // about the last year
            }

            flows.Add(new WeekFlows(t, date, members, recruits, events.Arrests, events.MemberDeaths, events.Desisted, homicides,
                world.Prisoners, groups, splits, events.LeadersRemoved)
            {
                MiddleArrested = events.ArrestsByTier[(int)Tier.MiddleLayer],
                LowerArrested = events.ArrestsByTier[(int)Tier.FootSoldier] + events.ArrestsByTier[(int)Tier.Lookout],
                Convictions = events.Convictions,
                Releases = events.Releases,
                SweepsDone = world.SweepsDone,
                SweepsFailed = world.SweepsFailed,
            });
            if (t % 13 == 12) // quarterly: drops the dead and re-sorts members by cell (see World.Compact)
            {
                world.Compact();
            }
        }

        if (guardByYear is not null)
        {
            for (var k = 0; k < guardByYear.Length; k++)
            {
                guardByYear[k] /= Math.Max(1, weeksInYear[k / m]);
            }
        }

        return new ReplicateResult(seed, firstMonth, months, monthly, flows) { GuardByYear = guardByYear };
    }

    private const int ForcesEvery = 4;

    // Guard officers (null: no Guard) and each municipality's presence factor against 2015-2018 (null: unchanged).
    // Presence is measured against the soldiers of 2015-2018, whose deterrence the calibration already holds.
    private (double[]? Officers, double[]? Deterrence) Forces(EngineParameters parameters, Policy current, int weeksInForce, DateOnly date, double[] lastYear, double[] recent, ref PullbackState? pullbackState)
    {
        var guard = current.GuardPersonnelStart > 0 || current.GuardPersonnelFull > 0;
        if (!guard && current.Pullback is null)
        {
            return (null, null);
        }

        var soldiers = GuardSystem.ByViolence(_inputs.MunicipalityCount, current.MilitaryPersonnel, current.MilitaryPlaces, lastYear);
        var officers = guard ? GuardSystem.Officers(_inputs, current, weeksInForce, lastYear) : null;
        double[]? withdrawn = null;
        if (current.Pullback is { } pullback)
        {
            pullbackState ??= new PullbackState(pullback.Exit?.Count ?? 0);
            withdrawn = MilitarySystem.Withdrawn(_inputs, pullback, soldiers, date, recent, pullbackState);
        }

        var effective = officers is null ? null : GuardSystem.Effective(_inputs, parameters, current, officers);
        return (officers, MilitarySystem.Presence(_inputs, parameters, soldiers, withdrawn, effective, date.Year));
    }

    // The policy's priority list as group indices (names or abbreviations such as CJNG; unknown ones are skipped).
    private int[] PriorityGroups(Policy current) =>
        [.. current.Priority.Select(_inputs.Network.IndexOf).Where(g => g >= 0)];

    // Recruitment follows the local pool; normalized so that national recruitment at the start is
    // recruitment × members, the aggregate model's ρT, whatever the pool elasticity.
    private double[] PoolFactors(World world, EngineParameters p)
    {
        var raw = _inputs.PoolIndex.Select(x => Math.Pow(Math.Max(x, 1e-6), p.PoolElasticity)).ToArray();
        double weighted = 0, members = 0;
        foreach (var c in world.ActiveCells)
        {
            weighted += world.Free[c] * raw[world.CellPlace[c]];
            members += world.Free[c];
        }

        var norm = members > 0 && weighted > 0 ? members / weighted : 1;
        return [.. raw.Select(x => x * norm)];
    }
}
