namespace Paz.Simulation.Agents;

/// <summary>
/// Homicides as observed (INEGI, by occurrence), nationally, by state and by municipality, year by year.
/// The engine is held against these; a backtest sees only the years before its origin (<see cref="Through"/>).
/// </summary>
/// <param name="National">National homicides by year.</param>
/// <param name="States">Homicides by state index (the inputs' order), by year.</param>
/// <param name="Municipal">Homicides by municipality index (the inputs' order), by year.</param>
public sealed record ObservedHomicides(
    IReadOnlyDictionary<int, double> National,
    IReadOnlyDictionary<int, double[]> States,
    IReadOnlyDictionary<int, double[]> Municipal)
{
    /// <summary>The last year observed.</summary>
    public int LastYear => National.Keys.Max();

    /// <summary>The same series up to <paramref name="lastYear"/> only: nothing after it can be read from the result.</summary>
    public ObservedHomicides Through(int lastYear) => new(
        National.Where(x => x.Key <= lastYear).ToDictionary(),
        States.Where(x => x.Key <= lastYear).ToDictionary(),
        Municipal.Where(x => x.Key <= lastYear).ToDictionary());
}
