using Paz.Core.Common;
using Paz.Core.Territory;
using Paz.Core.Violence;
using Paz.Planning.Regions;

namespace Paz.Planning.Transition;

/// <summary>One region's place in the handover plan.</summary>
/// <param name="Region">The region.</param>
/// <param name="LastRate">Annualized homicide rate per 100,000 in the last month of data.</param>
/// <param name="MonthsBelow">Consecutive months up to the last month with the rate below the entry threshold.</param>
/// <param name="Police">Civilian police per 100,000 inhabitants.</param>
/// <param name="Eligible">Whether the region meets every entry condition.</param>
/// <param name="Cluster">The safe cluster it belongs to (connected eligible regions), or 0.</param>
/// <param name="Phase">Phase of its handover (1 = the core), or null when the military stays.</param>
/// <param name="Start">Month the joint patrol starts.</param>
/// <param name="MilitaryExit">Month the military leaves, after the overlap.</param>
/// <param name="Reason">Why it is or is not handed over, in words.</param>
public sealed record RegionTransition(
    RegionProfile Region,
    double LastRate,
    int MonthsBelow,
    double Police,
    bool Eligible,
    int Cluster,
    int? Phase,
    YearMonth? Start,
    YearMonth? MilitaryExit,
    string Reason);

/// <summary>A handover plan: every region's phase, and the settings that produced it.</summary>
/// <param name="Settings">Entry conditions and timing.</param>
/// <param name="Police">The police figures used, with their source.</param>
/// <param name="Regions">One row per region, in region order.</param>
public sealed record TransitionPlan(TransitionSettings Settings, PoliceStrength Police, IReadOnlyList<RegionTransition> Regions)
{
    /// <summary>Number of phases.</summary>
    public int Phases => Regions.Max(r => r.Phase) ?? 0;
}

/// <summary>
/// Plans the military's exit from policing in concentric circles ("ink spots"), as the report
/// recommends: start where it is safest and widen the circle region by region.
/// </summary>
/// <remarks>
/// A region is eligible when its annualized monthly homicide rate has stayed below the entry
/// threshold for the required months and its civilian police meet the minimum density. Eligible
/// regions that border each other form safe clusters. In each cluster the region with the lowest
/// rate of the last twelve months is the core (phase 1); phase n takes the eligible regions n − 1
/// borders away from the core. Phase n starts <c>(n − 1) × PhaseMonths</c> after the plan's start;
/// each region has <c>OverlapMonths</c> of joint patrols before the military leaves, and a share of
/// its contingent stays in reserve to re-intervene when the re-entry trigger fires. Regions not
/// eligible keep the military, and the plan says which condition they miss.
/// </remarks>
public static class TransitionPlanner
{
    /// <summary>Plans the handover for <paramref name="partition"/>'s regions.</summary>
    public static TransitionPlan Plan(
        Partition partition,
        IReadOnlyList<RegionProfile> regions,
        Atlas atlas,
        MonthlySeries<MunicipalityCode> homicides,
        PoliceStrength police,
        TransitionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(homicides);
        ArgumentNullException.ThrowIfNull(police);
        ArgumentNullException.ThrowIfNull(settings);
        Check.Require(police.PerHundredThousand.Count == regions.Count, "police strength needs one figure per region");

        var months = homicides.Months;
        var rates = regions.Select(r => MonthlyRates(r, atlas, homicides)).ToList();
        var monthsBelow = rates.Select(series => series.Reverse().TakeWhile(rate => rate < settings.MaximumRate).Count()).ToList();
        var recent = rates.Select(series => series.Skip(months - 12).Average()).ToList();
        var eligible = regions.Select((_, i) => monthsBelow[i] >= settings.MonthsBelow && police.PerHundredThousand[i] >= settings.MinimumPolice).ToList();

        var neighbours = regions.Select(_ => new List<int>()).ToArray();
        foreach (var (a, b) in partition.RegionAdjacency())
        {
            neighbours[a - 1].Add(b - 1);
            neighbours[b - 1].Add(a - 1);
        }

        var cluster = new int[regions.Count];
        var phase = new int?[regions.Count];
        var clusters = 0;
        for (var s = 0; s < regions.Count; s++)
        {
            if (!eligible[s] || cluster[s] != 0)
            {
                continue;
            }

            clusters++;
            var members = new List<int>();
            var stack = new Stack<int>([s]);
            cluster[s] = clusters;
            while (stack.TryPop(out var x))
            {
                members.Add(x);
                foreach (var y in neighbours[x].Where(y => eligible[y] && cluster[y] == 0))
                {
                    cluster[y] = clusters;
                    stack.Push(y);
                }
            }

            var core = members.OrderBy(i => recent[i]).ThenBy(i => i).First();
            phase[core] = 1;
            var queue = new Queue<int>([core]);
            while (queue.TryDequeue(out var x))
            {
                foreach (var y in neighbours[x].Where(y => cluster[y] == clusters && phase[y] is null).Order())
                {
                    phase[y] = phase[x] + 1;
                    queue.Enqueue(y);
                }
            }
        }

        var rows = regions.Select((r, i) =>
        {
            YearMonth? start = phase[i] is { } p ? settings.Start.AddMonths((p - 1) * settings.PhaseMonths) : null;
            var reason = eligible[i]
                ? $"rate below {settings.MaximumRate:0.#} for {monthsBelow[i]} months; police {police.PerHundredThousand[i]:0} per 100,000"
                : string.Join("; ", new[]
                {
                    monthsBelow[i] < settings.MonthsBelow ? $"rate below {settings.MaximumRate:0.#} for only {monthsBelow[i]} of {settings.MonthsBelow} months (last month {rates[i][^1]:0.0})" : null,
                    police.PerHundredThousand[i] < settings.MinimumPolice ? $"police {police.PerHundredThousand[i]:0} per 100,000, below {settings.MinimumPolice:0}" : null,
                }.Where(x => x is not null));
            return new RegionTransition(r, rates[i][^1], monthsBelow[i], police.PerHundredThousand[i], eligible[i], cluster[i], phase[i],
                start, start?.AddMonths(settings.OverlapMonths), reason);
        }).ToList();
        return new TransitionPlan(settings, police, rows);
    }

    private static double[] MonthlyRates(RegionProfile region, Atlas atlas, MonthlySeries<MunicipalityCode> homicides)
    {
        var counts = new double[homicides.Months];
        foreach (var m in region.Places.Select(i => atlas.Municipalities[i]).Where(m => homicides.Contains(m.Code)))
        {
            var series = homicides.Of(m.Code);
            for (var t = 0; t < counts.Length; t++)
            {
                counts[t] += series[t];
            }
        }

        return [.. counts.Select(c => region.Population > 0 ? c * 12 * 100_000 / region.Population : 0)];
    }
}
