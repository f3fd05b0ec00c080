using Paz.Core.Statistics;

namespace Paz.Simulation.Agents;

/// <summary>What the engine is held against: observed homicides over a window of years and the aggregate model's national flows.</summary>
/// <param name="NationalHomicides">Observed national homicides (INEGI, by occurrence) for each year of the window.</param>
/// <param name="StateHomicides">Observed homicides by state index in the window's last year.</param>
/// <param name="MunicipalHomicides">Observed homicides by municipality index in the window's last year.</param>
/// <param name="Aggregate">The aggregate model's yearly flows (members at the year's start; weekly recruits, incapacitations, deaths); empty where it does not apply.</param>
public sealed record ValidationTargets(
    IReadOnlyDictionary<int, double> NationalHomicides,
    IReadOnlyList<double> StateHomicides,
    IReadOnlyList<double> MunicipalHomicides,
    IReadOnlyDictionary<int, (double Members, double Recruits, double Incapacitations, double Deaths)> Aggregate)
{
    /// <summary>The window's first year.</summary>
    public int FirstYear => NationalHomicides.Keys.Min();

    /// <summary>The window's last year (the spatial pattern's year).</summary>
    public int LastYear => NationalHomicides.Keys.Max();

    /// <summary>Largest relative error of a year's national homicides the validation accepts (10%; a replay over a decade, 15%).</summary>
    public double Tolerance { get; init; } = 0.10;

    /// <summary>The first year whose national homicides the validation checks (a replay's first year is placed by data before it and is not checked).</summary>
    public int CheckedFrom { get; init; }

    /// <summary>People held in state prisons at the end of a year, where a census counted them (none: no prison target).</summary>
    public IReadOnlyDictionary<int, double> Prisoners { get; init; } = new Dictionary<int, double>();

    /// <summary>Targets over <paramref name="firstYear"/>..<paramref name="lastYear"/> from <paramref name="observed"/> (which must cover them).</summary>
    public static ValidationTargets Window(ObservedHomicides observed, int firstYear, int lastYear, IReadOnlyDictionary<int, (double Members, double Recruits, double Incapacitations, double Deaths)> aggregate)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(aggregate);
        Core.Common.Check.Require(firstYear <= lastYear && lastYear <= observed.LastYear, $"a window {firstYear}-{lastYear} inside the observed years (to {observed.LastYear})");
        return new ValidationTargets(
            Enumerable.Range(firstYear, lastYear - firstYear + 1).ToDictionary(y => y, y => observed.National[y]),
            observed.States[lastYear],
            observed.Municipal[lastYear],
            aggregate.Where(a => a.Key >= firstYear && a.Key <= lastYear).ToDictionary())
        {
            CheckedFrom = firstYear,
        };
    }

    /// <summary>
    /// Targets of a replay of history over <paramref name="firstYear"/>..<paramref name="lastYear"/>: national homicides
    /// within 15% (a decade, not four years) from the second year — the first is the start's transient, its world
    /// placed by data before it, and neither checked nor fitted — and the last year's spatial pattern; no
    /// aggregate flows (the aggregate model starts in 2012 and was fitted on the years a replay forecasts).
    /// </summary>
    public static ValidationTargets Replay(ObservedHomicides observed, int firstYear, int lastYear) =>
        Window(observed, firstYear, lastYear, new Dictionary<int, (double, double, double, double)>()) with { Tolerance = 0.15, CheckedFrom = Math.Min(firstYear + 1, lastYear) };
}

/// <summary>One acceptance check: a computed value, its bound and whether it holds.</summary>
/// <param name="Name">What is checked.</param>
/// <param name="Value">The computed value.</param>
/// <param name="Target">The value or bound it is checked against.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Rule">The rule, in words.</param>
public sealed record ValidationCheck(string Name, double Value, double Target, bool Passed, string Rule)
{
    /// <summary>Whether the value and target are calendar years (printed without a thousands separator).</summary>
    public bool IsYear { get; init; }

    /// <summary>The standard error of <see cref="Value"/> where it is an ensemble's mean (the replicates' spread over √replicates); null otherwise.</summary>
    public double? StandardError { get; init; }

    /// <summary>
    /// Whether the check's bound lies within two standard errors of the value: the same scenario at another seed may
    /// decide it the other way, so the pass (or the failure) rests on the seed as much as on the model.
    /// </summary>
    public bool NearBound { get; init; }
}

/// <summary>Checks an ensemble against the data and the aggregate model (issue 4's acceptance list), computing everything from runs and data.</summary>
public static class Validation
{
    /// <summary>Every check, in the order of the acceptance list.</summary>
    public static IReadOnlyList<ValidationCheck> Check(IReadOnlyList<YearSummary> summary, IReadOnlyList<ReplicateResult> replicates, EngineInputs inputs, ValidationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var checks = new List<ValidationCheck>();
        var byYear = summary.ToDictionary(s => s.Year);
        checks.AddRange(NationalHomicides(byYear, targets));
        checks.AddRange(TurningPoints(byYear, targets));
        var last = targets.LastYear;
        if (byYear.TryGetValue(last, out var final))
        {
            var modelStates = Enumerable.Range(0, inputs.States).Select(s => final.States[s].Homicides.Mean / StatePopulation(inputs, s, last)).ToList();
            var dataStates = Enumerable.Range(0, inputs.States).Select(s => targets.StateHomicides[s] / StatePopulation(inputs, s, last)).ToList();
            var rho = RankCorrelation.Spearman(modelStates, dataStates);
            checks.Add(new ValidationCheck($"Spearman ρ, state rates {last}", rho, 0.7, rho >= 0.7, "at least 0.7"));

            var big = Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.PopulationIn(m, last) >= 100_000).ToList();
            var modelMunicipal = big.Select(m => replicates.Average(r => (double)r.Homicides(m, last)) / inputs.PopulationIn(m, last)).ToList();
            var dataMunicipal = big.Select(m => targets.MunicipalHomicides[m] / inputs.PopulationIn(m, last)).ToList();
            var rhoM = RankCorrelation.Spearman(modelMunicipal, dataMunicipal);
            checks.Add(new ValidationCheck($"Spearman ρ, municipal rates {last} ({big.Count} with ≥ 100,000)", rhoM, 0.5, rhoM >= 0.5, "at least 0.5"));
        }

        foreach (var year in targets.Aggregate.Keys.Order().Where(byYear.ContainsKey))
        {
            var a = targets.Aggregate[year];
            var s = byYear[year];
            checks.Add(Flow($"members at the start of {year}", s.Members.Mean, a.Members));
            checks.Add(Flow($"weekly recruits {year}", s.Recruits.Mean, a.Recruits));
            checks.Add(Flow($"weekly incapacitations {year}", s.Arrests.Mean, a.Incapacitations));
            checks.Add(Flow($"weekly member deaths {year}", s.MemberDeaths.Mean, a.Deaths));
        }

        return checks;
    }

    /// <summary>
    /// National homicides of each checked year of the window: the ensemble's mean within the targets' tolerance of INEGI's,
    /// with the mean's standard error (<see cref="Band.StandardError"/>, from two replicates up).
    /// A check whose bound lies within two standard errors of the mean is marked <see cref="ValidationCheck.NearBound"/>:
    /// a hundred replicates of the replay put a year's mean within about ±3 points of its expectation, so a pass by less
    /// than that is the seed's as much as the model's, and the validation says so instead of letting it stand as proof.
    /// </summary>
    public static IEnumerable<ValidationCheck> NationalHomicides(IReadOnlyDictionary<int, YearSummary> byYear, ValidationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        ArgumentNullException.ThrowIfNull(targets);
        var tolerance = targets.Tolerance;
        foreach (var year in targets.NationalHomicides.Keys.Order().Where(y => y >= targets.CheckedFrom && byYear.ContainsKey(y)))
        {
            var model = byYear[year].Homicides.Mean;
            var data = targets.NationalHomicides[year];
            var standardError = byYear[year].Homicides.StandardError;

            // Distance from the mean to the nearer edge of the accepted interval data·(1 ± tolerance), in homicides.
            var toBound = Math.Abs(Math.Abs(model - data) - (tolerance * data));
            yield return new ValidationCheck($"national homicides {year}", model, data, Math.Abs((model / data) - 1) <= tolerance, $"within {tolerance:0%} of INEGI (occurrence)")
            {
                StandardError = standardError,
                NearBound = standardError is { } se && toBound < 2 * se,
            };
        }
    }

    /// <summary>
    /// Over a window of six years or more: the year of the highest and of the lowest national homicides after it
    /// (INEGI's peak and the trough after it), each within a year of INEGI's. A shorter window has no turning points to check.
    /// </summary>
    public static IEnumerable<ValidationCheck> TurningPoints(IReadOnlyDictionary<int, YearSummary> byYear, ValidationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(byYear);
        ArgumentNullException.ThrowIfNull(targets);
        var years = targets.NationalHomicides.Keys.Order().Where(byYear.ContainsKey).ToList();
        if (years.Count < 6)
        {
            yield break;
        }

        // The peak before the last three years (a series still rising at its end has its maximum there), then the trough after it.
        var early = years.Take(years.Count - 3).ToList();
        var dataPeak = early.MaxBy(y => targets.NationalHomicides[y]);
        var modelPeak = early.MaxBy(y => byYear[y].Homicides.Mean);
        yield return new ValidationCheck($"peak of national homicides (INEGI {dataPeak})", modelPeak, dataPeak, Math.Abs(modelPeak - dataPeak) <= 1, "the model's peak year within a year of INEGI's") { IsYear = true };
        var after = years.Where(y => y > dataPeak).ToList();
        if (after.Count < 2)
        {
            yield break;
        }

        var dataTrough = after.MinBy(y => targets.NationalHomicides[y]);
        var modelTrough = after.MinBy(y => byYear[y].Homicides.Mean);
        yield return new ValidationCheck($"trough after the peak (INEGI {dataTrough})", modelTrough, dataTrough, Math.Abs(modelTrough - dataTrough) <= 1, "the model's lowest year after INEGI's peak within a year of INEGI's") { IsYear = true };
    }

    private static ValidationCheck Flow(string name, double model, double aggregate) =>
        new(name, model, aggregate, Math.Abs((model / aggregate) - 1) <= 0.20, "within 20% of the aggregate model");

    private static double StatePopulation(EngineInputs inputs, int state, int year) =>
        Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == state).Sum(m => inputs.PopulationIn(m, year));
}
