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
        var years = summary.Where(y => y.Year >= fromYear && observed.National.ContainsKey(y.Year)).ToList();
        var national = years.Select(y => (y.Year, y.Homicides, observed.National[y.Year], y.Homicides.Covers(observed.National[y.Year]))).ToList();
        var stateYears = years.SelectMany(y => y.States.Select((s, i) => s.Homicides.Covers(observed.States[y.Year][i]))).ToList();
        return new PredictiveCheck(national, stateYears.Count, stateYears.Count(c => c));
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
        var years = draws.Years.Where(y => y >= fromYear && observed.National.ContainsKey(y)).ToList();
        var national = years.Select(y =>
        {
            var band = Band.Of(draws.National[y]);
            return (y, band, observed.National[y], band.Covers(observed.National[y]));
        }).ToList();
        var stateYears = years.SelectMany(y => observed.States[y].Select((count, s) => Band.Of(draws.States[y].Select(d => d[s])).Covers(count))).ToList();
        return new PredictiveCheck(national, stateYears.Count, stateYears.Count(c => c));
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
