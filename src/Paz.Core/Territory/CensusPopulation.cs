using Paz.Core.Common;

namespace Paz.Core.Territory;

/// <summary>
/// A place's population as counted by INEGI's censuses and counts (2000, 2010, 2015, 2020),
/// with the rule that gives a population for any year.
/// </summary>
/// <remarks>
/// Between two counts the population is interpolated geometrically (constant growth rate), which
/// is how demographers bridge census years and which never produces a negative or a kink at a
/// census year that a linear rule would not also have. Each count is taken as the population of
/// its calendar year (the counts were taken in February-June). Before the first and after the
/// last count the growth rate of the nearest interval is extended. A place that did not exist at a
/// count (a municipality created later) has no population for the years before its first count:
/// its inhabitants were counted in the municipality it was carved from, so national and state sums
/// stay consistent. See docs/population.md.
/// </remarks>
public sealed class CensusPopulation
{
    private readonly (int Year, double Count)[] _counts;

    /// <summary>Creates the population from its census counts; years must be distinct.</summary>
    public CensusPopulation(IEnumerable<(int Year, double Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _counts = counts.OrderBy(c => c.Year).ToArray();
        for (var i = 0; i < _counts.Length; i++)
        {
            Check.Require(_counts[i].Count > 0 && double.IsFinite(_counts[i].Count), $"census count for {_counts[i].Year} must be positive");
            Check.Require(i == 0 || _counts[i].Year > _counts[i - 1].Year, $"census year {_counts[i].Year} given twice");
        }
    }

    /// <summary>The census counts, earliest first.</summary>
    public IReadOnlyList<(int Year, double Count)> Counts => _counts;

    /// <summary>The first census year with a count, or null when there is none.</summary>
    public int? FirstCountYear => _counts.Length == 0 ? null : _counts[0].Year;

    /// <summary>The count of a census year, or null when that census has none.</summary>
    public double? CountIn(int censusYear)
    {
        foreach (var (year, count) in _counts)
        {
            if (year == censusYear)
            {
                return count;
            }
        }

        return null;
    }

    /// <summary>
    /// The population in <paramref name="year"/> (see the class remarks for the rule), or null when
    /// the place has no count at or before that year.
    /// </summary>
    public double? In(int year)
    {
        if (_counts.Length == 0 || year < _counts[0].Year)
        {
            return null;
        }

        if (_counts.Length == 1)
        {
            return _counts[0].Count;
        }

        // Pick the interval that holds the year, or the nearest one for extrapolation.
        var i = 0;
        while (i < _counts.Length - 2 && year > _counts[i + 1].Year)
        {
            i++;
        }

        var (y0, c0) = _counts[i];
        var (y1, c1) = _counts[i + 1];
        var growth = Math.Log(c1 / c0) / (y1 - y0);
        return c0 * Math.Exp(growth * (year - y0));
    }
}
