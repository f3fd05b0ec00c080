namespace Paz.Simulation.Agents;

/// <summary>
/// The posterior predictive check of an ensemble whose replicates drew their parameters from a posterior: does each
/// year's 90% band (5th-95th percentile over replicates) cover INEGI's national homicides, and what share of
/// state-years does each state's band cover? An honest band covers the national count every year and at least
/// <see cref="StateYearShare"/> of state-years; a band of noise around one parameter point covers neither.
/// </summary>
/// <param name="National">Each checked year's national band, INEGI's count and whether the band covers it.</param>
/// <param name="StateYears">State-years checked (every state in every checked year).</param>
/// <param name="StateYearsCovered">Those whose band covers INEGI's count.</param>
public sealed record PredictiveCheck(IReadOnlyList<(int Year, Band Band, double Observed, bool Covered)> National, int StateYears, int StateYearsCovered)
{
    /// <summary>The share of state-years the acceptance asks the bands to cover.</summary>
    public const double StateYearShare = 0.80;

    /// <summary>Share of state-years covered.</summary>
    public double StateCoverage => StateYears == 0 ? double.NaN : StateYearsCovered / (double)StateYears;

    /// <summary>The check of <paramref name="summary"/> against <paramref name="observed"/> over the years both hold from <paramref name="fromYear"/>.</summary>
    public static PredictiveCheck Of(IReadOnlyList<YearSummary> summary, ObservedHomicides observed, int fromYear)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(observed);
        var years = summary.ToDictionary(y => y.Year);
        return Of(years.Keys, y => years[y].Homicides, y => [.. years[y].States.Select(s => s.Homicides)], observed, fromYear);
    }

    /// <summary>What the bands hold beyond the posterior's draws and the noise, for the check's lines (empty: nothing).</summary>
    public string Carrying { get; init; } = string.Empty;

    /// <summary>
    /// The check of an ensemble's draws (<see cref="Backtesting.Forecast"/>, e.g. with the engine's structural error added)
    /// against <paramref name="observed"/> over the years both hold from <paramref name="fromYear"/>.
    /// </summary>
    public static PredictiveCheck Of(Backtesting.Forecast draws, ObservedHomicides observed, int fromYear)
    {
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(observed);
        return Of(draws.Years, y => Band.Of(draws.National[y]), y => [.. Enumerable.Range(0, observed.States[y].Length).Select(s => Band.Of(draws.States[y].Select(d => d[s])))], observed, fromYear);
    }

    // The check of each year's national band and state bands (in the observations' order) from fromYear on.
    private static PredictiveCheck Of(IEnumerable<int> years, Func<int, Band> national, Func<int, Band[]> states, ObservedHomicides observed, int fromYear)
    {
        var checkedYears = years.Where(y => y >= fromYear && observed.National.ContainsKey(y)).Order().ToList();
        var nationalChecks = checkedYears.Select(y =>
        {
            var band = national(y);
            return (y, band, observed.National[y], band.Covers(observed.National[y]));
        }).ToList();
        var stateYears = checkedYears.SelectMany(y => states(y).Select((band, s) => band.Covers(observed.States[y][s]))).ToList();
        return new PredictiveCheck(nationalChecks, stateYears.Count, stateYears.Count(c => c));
    }

    /// <summary>The check as validation lines: one per year, then the state-years' share.</summary>
    public IEnumerable<ValidationCheck> Checks()
    {
        var rule = Carrying.Length == 0 ? "posterior predictive" : "posterior predictive " + Carrying;
        foreach (var (year, band, data, covered) in National)
        {
            yield return new ValidationCheck($"90% band of national homicides {year} ({band.P5:N0} to {band.P95:N0})", band.Mean, data, covered, $"covers INEGI ({rule})");
        }

        yield return new ValidationCheck($"state-years covered by their 90% band ({StateYearsCovered} of {StateYears})", StateCoverage, StateYearShare, StateCoverage >= StateYearShare, $"at least {StateYearShare:0%} ({rule})");
    }
}
