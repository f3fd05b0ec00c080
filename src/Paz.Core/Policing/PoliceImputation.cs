using Paz.Core.Territory;

namespace Paz.Core.Policing;

/// <summary>
/// Fills the police figures the sources lack, openly, from comparable places: never an assumed total
/// spread evenly.
/// </summary>
/// <remarks>
/// Municipal police: a municipality without a figure takes the median density of the reporting
/// municipalities of its state in its size class (population at the census of the figures); where fewer
/// than <see cref="FewestComparable"/> report in that class, the median of the class nationally (of all
/// reporting places if none of its class reports). Size
/// matters more than anything else the data hold: small towns field few officers per head or, in Oaxaca's
/// communities, many. State police: the national total minus what the states with a figure hold, shared
/// among the states without one in proportion to their population, so the national total is kept.
/// </remarks>
public static class PoliceImputation
{
    /// <summary>Fewest reporting municipalities in a state and size class for their median to be used.</summary>
    public const int FewestComparable = 3;

    /// <summary>Upper bounds (inhabitants, exclusive) of the size classes; the last class is unbounded.</summary>
    public static readonly IReadOnlyList<double> SizeClasses = [5_000, 20_000, 100_000, 500_000];

    /// <summary>The size class of a place of <paramref name="population"/> inhabitants (0 the smallest).</summary>
    public static int SizeClass(double population)
    {
        var k = 0;
        while (k < SizeClasses.Count && population >= SizeClasses[k])
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Municipal police of every atlas municipality: <paramref name="reported"/> where it has a figure,
    /// none where <paramref name="policedByState"/> says the state polices it, else imputed.
    /// </summary>
    /// <param name="atlas">The territory.</param>
    /// <param name="reported">Reported densities per 100,000 by municipality code.</param>
    /// <param name="policedByState">States whose municipalities have no police of their own.</param>
    /// <param name="year">The year of the figures (size classes use the population then, or at the first count after).</param>
    public static PoliceFigure[] Municipal(Atlas atlas, IReadOnlyDictionary<MunicipalityCode, double> reported, IReadOnlySet<StateCode> policedByState, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(policedByState);
        var places = atlas.Municipalities;
        var size = places.Select(m => SizeClass(m.Population.In(year) ?? (m.Population.Counts.Count > 0 ? m.Population.Counts[0].Count : 0))).ToArray();
        var reporting = Enumerable.Range(0, places.Count).Where(i => reported.ContainsKey(places[i].Code)).ToList();
        var byStateAndSize = reporting.GroupBy(i => (places[i].State, size[i])).ToDictionary(g => g.Key, g => g.Select(i => reported[places[i].Code]).ToList());
        var bySize = reporting.GroupBy(i => size[i]).ToDictionary(g => g.Key, g => g.Select(i => reported[places[i].Code]).ToList());
        return [.. places.Select((m, i) =>
        {
            if (reported.TryGetValue(m.Code, out var density))
            {
                return new PoliceFigure(density, PoliceFigureOrigin.Reported);
            }

            if (policedByState.Contains(m.State))
            {
                return new PoliceFigure(0, PoliceFigureOrigin.PolicedByState);
            }

            var comparable = byStateAndSize.TryGetValue((m.State, size[i]), out var local) && local.Count >= FewestComparable ? local
                : bySize.TryGetValue(size[i], out var national) ? national
                : [.. reporting.Select(r => reported[places[r].Code])];
            return new PoliceFigure(Median(comparable), PoliceFigureOrigin.Imputed);
        })];
    }

    /// <summary>
    /// State preventive police of every state: <paramref name="reported"/> where given, else the
    /// remainder of <paramref name="nationalOfficers"/> shared by population (the same density in each).
    /// </summary>
    /// <param name="atlas">The territory.</param>
    /// <param name="reported">Reported densities per 100,000 by state.</param>
    /// <param name="nationalOfficers">The national total the densities refer to.</param>
    /// <param name="year">The year of the figures (populations then).</param>
    public static Dictionary<StateCode, PoliceFigure> States(Atlas atlas, IReadOnlyDictionary<StateCode, double> reported, double nationalOfficers, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(reported);
        var listed = reported.Sum(s => s.Value * atlas.Population(s.Key, year) / 100_000);
        var unlisted = atlas.States.Where(s => !reported.ContainsKey(s.Code)).ToList();
        var people = unlisted.Sum(s => atlas.Population(s.Code, year));
        if (unlisted.Count > 0 && (listed >= nationalOfficers || people <= 0))
        {
            throw new ArgumentException($"the states with a figure already hold {listed:N0} officers, at least the national {nationalOfficers:N0}: nothing is left for the {unlisted.Count} without one");
        }

        var rest = unlisted.Count == 0 ? 0 : (nationalOfficers - listed) * 100_000 / people;
        return atlas.States.ToDictionary(
            s => s.Code,
            s => reported.TryGetValue(s.Code, out var density) ? new PoliceFigure(density, PoliceFigureOrigin.Reported) : new PoliceFigure(rest, PoliceFigureOrigin.Imputed));
    }

    /// <summary>
    /// The share of every state's police who failed vetting: <paramref name="reported"/> where given, else what the
    /// national failures leave over the national evaluations once the reported states' officers are taken out (the
    /// same share in each).
    /// </summary>
    /// <param name="atlas">The territory.</param>
    /// <param name="reported">Reported failed shares by state.</param>
    /// <param name="nationalFailed">Officers who failed nationally.</param>
    /// <param name="nationalEvaluated">Officers evaluated nationally.</param>
    /// <param name="officers">Each state's officers (the reported states' evaluations are taken as their officers: assumed).</param>
    public static Dictionary<StateCode, VettingFigure> Vetting(Atlas atlas, IReadOnlyDictionary<StateCode, double> reported, double nationalFailed, double nationalEvaluated, IReadOnlyDictionary<StateCode, double> officers)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(officers);
        var failed = reported.Sum(r => r.Value * officers[r.Key]);
        var evaluated = reported.Sum(r => officers[r.Key]);
        var rest = nationalEvaluated > evaluated ? Math.Clamp((nationalFailed - failed) / (nationalEvaluated - evaluated), 0, 1) : nationalFailed / nationalEvaluated;
        return atlas.States.ToDictionary(
            s => s.Code,
            s => reported.TryGetValue(s.Code, out var share) ? new VettingFigure(share, PoliceFigureOrigin.Reported) : new VettingFigure(rest, PoliceFigureOrigin.Imputed));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
