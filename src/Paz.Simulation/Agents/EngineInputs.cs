using Paz.Core.Organizations;

namespace Paz.Simulation.Agents;

/// <summary>
/// Everything the agent-based engine needs from the world, as plain arrays (the engine reads no
/// files). Built from the shipped data by Paz.Data's <c>EngineInputsBuilder</c>, or by hand in tests.
/// </summary>
/// <param name="Municipalities">cve_mun of each municipality (index order).</param>
/// <param name="StateOf">State index of each municipality.</param>
/// <param name="States">Number of states.</param>
/// <param name="Neighbours">Neighbouring municipalities of each municipality.</param>
/// <param name="FirstPopulationYear">The year of <c>Population[0]</c>.</param>
/// <param name="Population">Population of each municipality, one array per year from <paramref name="FirstPopulationYear"/>.</param>
/// <param name="PoolIndex">At-risk youth pool per inhabitant relative to the national mean (population-weighted mean 1).</param>
/// <param name="ViolenceHistory">Homicides in the three years before the start: where initial members are placed, where homicides not tied to groups fall, and how the missing at the start are split among the states.</param>
/// <param name="Network">The criminal groups with rivalries and alliances.</param>
/// <param name="GroupStates">States where each group is present at the start.</param>
/// <param name="InitialMembers">Members of all groups at the start by the aggregate model (its January 2012 value for earlier starts); the parameter initial_members, when set, replaces it.</param>
/// <param name="Start">Date of week 0.</param>
public sealed record EngineInputs(
    IReadOnlyList<string> Municipalities,
    int[] StateOf,
    int States,
    int[][] Neighbours,
    int FirstPopulationYear,
    double[][] Population,
    double[] PoolIndex,
    double[] ViolenceHistory,
    GroupNetwork Network,
    IReadOnlyList<int[]> GroupStates,
    double InitialMembers,
    DateOnly Start)
{
    /// <summary>Prosecutorial capacity of each state relative to the nation (1: the national mean), or null: the same everywhere.</summary>
    public IReadOnlyList<double>? ProsecutionIndex { get; init; }

    /// <summary>The states' names (atlas order), for levers that name states; null in hand-built worlds that name none.</summary>
    public IReadOnlyList<string>? StateNames { get; init; }

    /// <summary>CONAPO's marginalization index of each municipality in the last count before the start (a standardized score: higher is poorer), or null.</summary>
    public IReadOnlyList<double>? Marginalization { get; init; }

    /// <summary>Men aged 15-29 in each municipality (CONAPO's projection for the start year, 2010-2018; the nearest year outside), or null.</summary>
    public IReadOnlyList<double>? YoungMen { get; init; }

    /// <summary>Men aged 15-29 in each municipality for each projected year from 2010 (CONAPO, 2010-2018), or null: the pool holds still.</summary>
    public IReadOnlyList<double[]>? YoungMenByYear { get; init; }

    /// <summary>The first year of <see cref="YoungMenByYear"/>.</summary>
    public const int FirstYoungMenYear = 2010;

    /// <summary>
    /// Each municipality's young men per inhabitant in <paramref name="year"/> over the same in the start year (the nearest
    /// projected year outside 2010-2018), or null when the inputs hold no projections: how the pool moves with them.
    /// </summary>
    public double[]? YoungMenGrowth(int year)
    {
        if (YoungMenByYear is not { Count: > 0 } byYear)
        {
            return null;
        }

        double[] At(int y) => byYear[Math.Clamp(y - FirstYoungMenYear, 0, byYear.Count - 1)];
        var now = At(year);
        var then = At(Start.Year);
        return [.. Enumerable.Range(0, MunicipalityCount).Select(m =>
            then[m] > 0 && PopulationIn(m, year) > 0 && PopulationIn(m, Start.Year) > 0
                ? now[m] / PopulationIn(m, year) / (then[m] / PopulationIn(m, Start.Year))
                : 1)];
    }

    /// <summary>Share of each municipality's people in poverty (CONEVAL, 2010), or null.</summary>
    public IReadOnlyList<double>? Poverty { get; init; }

    /// <summary>Municipal and state police per 100,000 inhabitants of each municipality (data/police: 2010 municipal and 2017 state densities), or null: no police.</summary>
    public IReadOnlyList<double>? Police { get; init; }

    /// <summary>Share of each state's police who failed vetting (state order; data/police, 2017), or null: none known.</summary>
    public IReadOnlyList<double>? PoliceFailedVetting { get; init; }

    /// <summary>People held in each state's prisons (state order) at the end of the year before the start (data/prisons), or null: no prisons.</summary>
    public IReadOnlyList<Core.Justice.PrisonCount>? PrisonersAtStart { get; init; }

    /// <summary>What each state's prisoners are held for, under which courts, at which stage (state order; census records of the year before the start), or null.</summary>
    public IReadOnlyList<IReadOnlyList<Core.Justice.PrisonerProfile>>? PrisonProfiles { get; init; }

    /// <summary>Each state's Army lethality index (state order): SEDENA's aggressors killed per wounded in its confrontations from 2007 to the year before the start over the nation's, shrunk toward 1 where confrontations were few (data/police); null: 1 everywhere.</summary>
    public IReadOnlyList<double>? ArmyLethality { get; init; }

    /// <summary>People missing at the start: RNPED's open records of people last seen before the start year (data/missing), or null.</summary>
    public double? MissingAtStart { get; init; }

    /// <summary>Where the groups' money is made: border crossings, ports, refineries, poppy states (data/markets), or null: markets by people and income only.</summary>
    public PlazaSites? Plazas { get; init; }

    /// <summary>The groups present at the start, largest first, or null: the network's strength order (every group present).</summary>
    public IReadOnlyList<int>? SizeOrder { get; init; }

    /// <summary>The states each group was based in (network order; empty: none known), where home_pull gathers its members at the start; null: none.</summary>
    public IReadOnlyList<int[]>? HomeStates { get; init; }

    /// <summary>The breakaways the record shows after the start (a replay from before 2011), in date order; empty from 2011.</summary>
    public IReadOnlyList<Breakaway> Breakaways { get; init; } = [];

    /// <summary>The wars the record shows, year by year, with the states they were fought in (data/history; empty: none known).</summary>
    public IReadOnlyList<RecordedWar> RecordedWars { get; init; } = [];

    /// <summary>
    /// The record of where each organization was, by year: for each year, the states (atlas indices) of each network group
    /// (network order; empty: not listed). A replay's record (CIDE-PPD's compilation: 2015, 2017, 2018); empty: none known.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int[]>> RecordedPresence { get; init; } = new Dictionary<int, IReadOnlyList<int[]>>();

    /// <summary>Number of municipalities.</summary>
    public int MunicipalityCount => Municipalities.Count;

    /// <summary>Weeks from <see cref="Start"/> to the end of <paramref name="year"/>: how long a run must be to count that year whole.</summary>
    public int WeeksThrough(int year) => (int)Math.Ceiling((new DateOnly(year + 1, 1, 1).DayNumber - Start.DayNumber) / 7.0);

    /// <summary>
    /// <paramref name="values"/> (one per municipality) divided by their population-weighted mean in <paramref name="year"/>:
    /// a local multiplier that moves violence or recruitment between places without changing the national level.
    /// </summary>
    public double[] WithPopulationMeanOne(IReadOnlyList<double> values, int year)
    {
        ArgumentNullException.ThrowIfNull(values);
        double weighted = 0, people = 0;
        for (var m = 0; m < MunicipalityCount; m++)
        {
            var p = PopulationIn(m, year);
            weighted += values[m] * p;
            people += p;
        }

        var mean = weighted / people;
        return [.. values.Select(v => v / mean)];
    }

    /// <summary>Per-municipality values summed by state (state index order).</summary>
    public double[] SumByState(Func<int, double> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var states = new double[States];
        for (var m = 0; m < MunicipalityCount; m++)
        {
            states[StateOf[m]] += valueOf(m);
        }

        return states;
    }

    /// <summary>Which states <paramref name="names"/> names (null: none named, every state); <paramref name="lever"/> names the lever in errors.</summary>
    /// <exception cref="ArgumentException">A name is not a state of the inputs, or the inputs name no states.</exception>
    public bool[]? StatesNamed(IReadOnlyList<string> names, string lever)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return null;
        }

        var known = StateNames ?? throw new ArgumentException($"these inputs name no states, so {lever} cannot be read", nameof(names));
        var chosen = new bool[States];
        foreach (var name in names)
        {
            var s = Enumerable.Range(0, known.Count).FirstOrDefault(i => string.Equals(known[i], name, StringComparison.Ordinal), -1);
            chosen[s >= 0 ? s : throw new ArgumentException($"{lever}: '{name}' is not a state of the atlas", nameof(names))] = true;
        }

        return chosen;
    }

    /// <summary>The country's population in a year: every municipality's (<see cref="PopulationIn"/>).</summary>
    public double NationalPopulation(int year) => Enumerable.Range(0, MunicipalityCount).Sum(m => PopulationIn(m, year));

    /// <summary>Population of a municipality in a year (the nearest year available outside the range).</summary>
    public double PopulationIn(int municipality, int year) =>
        Population[Math.Clamp(year - FirstPopulationYear, 0, Population.Length - 1)][municipality];
}
