namespace Paz.Simulation.Agents;

/// <summary>The range of one-year changes of national homicides a country has shown.</summary>
/// <param name="Low">Largest one-year fall (negative fraction).</param>
/// <param name="High">Largest one-year rise.</param>
/// <param name="FromYear">First year of the record.</param>
/// <param name="ToYear">Last year of the record.</param>
public sealed record ChangeEnvelope(double Low, double High, int FromYear, int ToYear)
{
    /// <summary>The envelope of a yearly series: the smallest and largest change from one year to the next.</summary>
    public static ChangeEnvelope Of(IReadOnlyDictionary<int, double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var years = series.Keys.Order().ToList();
        var changes = years.Skip(1).Where(y => series.ContainsKey(y - 1)).Select(y => (series[y] / series[y - 1]) - 1).ToList();
        Core.Common.Check.Require(changes.Count > 0, "at least two consecutive years");
        return new ChangeEnvelope(changes.Min(), changes.Max(), years[0], years[^1]);
    }

    /// <summary>Whether a change lies inside the envelope.</summary>
    public bool Holds(double change) => change >= Low && change <= High;
}

/// <summary>A simulated one-year change of national homicides outside the envelope, with the mechanisms whose killings moved most.</summary>
/// <param name="Year">The year the change ends in.</param>
/// <param name="Change">The ensemble mean's change from the year before (fraction).</param>
/// <param name="Movers">Mechanisms by how much their homicides changed that year (ensemble mean, largest absolute change first).</param>
public sealed record ImplausibleChange(int Year, double Change, IReadOnlyList<(string Mechanism, double Change)> Movers);

/// <summary>
/// Plausibility built in: a simulated one-year change of national homicides outside what the country has
/// shown (INEGI 1990-2018: −15.2% to +58.0%) is flagged, naming the mechanisms whose contribution moved most.
/// A flag is not an error of the code: it says a result rests on a response larger than any in the record,
/// which needs a published effect size to be believed.
/// </summary>
public static class Plausibility
{
    /// <summary>Mechanisms named per flagged year.</summary>
    public const int Movers = 3;

    /// <summary>The flagged years of an ensemble, among the changes from <paramref name="fromYear"/> on.</summary>
    /// <param name="replicates">The ensemble.</param>
    /// <param name="envelope">The record's range of one-year changes.</param>
    /// <param name="fromYear">First year a change may start from: a replay's first year is the start's transient (members
    /// placed by data before it, conflict not yet settled), neither fitted nor checked, so the change out of it says
    /// nothing of a response (<c>ValidationTargets.CheckedFrom</c>). Every year when omitted.</param>
    public static IReadOnlyList<ImplausibleChange> Flags(IReadOnlyList<ReplicateResult> replicates, ChangeEnvelope envelope, int fromYear = int.MinValue)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(envelope);
        Core.Common.Check.Require(replicates.Count > 0, "at least one replicate");
        var byYear = replicates[0].Weeks.Select(w => w.Date.Year).Distinct().Where(y => FullYear(replicates, y))
            .ToDictionary(y => y, y => replicates.Average(r => (double)r.Homicides(y)));
        var flags = new List<ImplausibleChange>();
        foreach (var year in byYear.Keys.Order().Where(y => y - 1 >= fromYear && byYear.ContainsKey(y - 1)))
        {
            var change = (byYear[year] / Math.Max(1, byYear[year - 1])) - 1;
            if (envelope.Holds(change))
            {
                continue;
            }

            var movers = replicates.SelectMany(r => r.HomicidesByMechanism.Keys).Distinct()
                .Select(name => (name, Change: replicates.Average(r => r.HomicidesByMechanism[name].Of(year) - r.HomicidesByMechanism[name].Of(year - 1))))
                .OrderByDescending(x => Math.Abs(x.Change)).ThenBy(x => x.name, StringComparer.Ordinal)
                .Take(Movers)
                .ToList();
            flags.Add(new ImplausibleChange(year, change, movers));
        }

        return flags;
    }

    // A year counts when every replicate ran all its weeks (a run ending mid-year would show a false fall).
    private static bool FullYear(IReadOnlyList<ReplicateResult> replicates, int year) =>
        replicates.All(r => r.Weeks.Count(w => w.Date.Year == year) >= 52);
}
