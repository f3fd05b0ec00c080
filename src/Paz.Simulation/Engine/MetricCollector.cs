namespace Paz.Simulation.Engine;

/// <summary>How a metric's weekly values make a period's value.</summary>
public enum MetricAggregation
{
    /// <summary>The sum over the period's weeks (events: arrests, sweeps).</summary>
    Sum,

    /// <summary>The mean over the period's weeks (stocks: officers deployed).</summary>
    Mean,

    /// <summary>The last week's value (cumulative counts).</summary>
    Last,
}

/// <summary>The level a metric is recorded at.</summary>
public enum MetricLevel
{
    /// <summary>The whole country.</summary>
    National,

    /// <summary>A state (place: the state's index in <see cref="Agents.EngineInputs"/>).</summary>
    State,

    /// <summary>A municipality (place: its index).</summary>
    Municipality,
}

/// <summary>A metric a mechanism records, declared beside it.</summary>
/// <param name="Name">Name in the output's long rows.</param>
/// <param name="Unit">Unit, in words.</param>
/// <param name="Aggregation">How weeks make a year.</param>
/// <param name="Description">What it counts.</param>
public sealed record MetricSpec(string Name, string Unit, MetricAggregation Aggregation, string Description);

/// <summary>One long row of output: a metric's value in a year at a level and place.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Level">National, state or municipality.</param>
/// <param name="Place">Index of the state or municipality (0 nationally).</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">Its value (aggregated over the year's weeks in the run).</param>
public readonly record struct MetricRow(int Year, MetricLevel Level, int Place, string Metric, double Value);

/// <summary>
/// Collects the metrics mechanisms record (Mesa's DataCollector): national values week by week, state and
/// municipal values by calendar year. A new metric is a <see cref="MetricSpec"/> and a call to
/// <see cref="Record(MetricSpec, double)"/>; the long rows, the Parquet and CSV files and <c>paz run</c>'s table read it
/// from here, so nothing else needs an edit.
/// </summary>
public sealed class MetricCollector
{
    private readonly int _weeks;
    private readonly int _firstYear;
    private readonly int[] _yearOfWeek;
    private readonly int[] _weeksInYear;
    private readonly Dictionary<MetricSpec, double[]> _national = [];
    private readonly Dictionary<(MetricSpec Metric, MetricLevel Level), double[]> _local = [];
    private readonly Dictionary<MetricLevel, int> _places;

    /// <summary>A collector for a run of <paramref name="weeks"/> weeks from <paramref name="start"/>.</summary>
    public MetricCollector(DateOnly start, int weeks, int states, int municipalities)
    {
        _weeks = weeks;
        _firstYear = start.Year;
        _yearOfWeek = [.. Enumerable.Range(0, weeks).Select(t => start.AddDays(7 * t).Year - _firstYear)];
        _weeksInYear = new int[weeks == 0 ? 1 : _yearOfWeek[^1] + 1];
        foreach (var y in _yearOfWeek)
        {
            _weeksInYear[y]++;
        }

        _places = new() { [MetricLevel.National] = 1, [MetricLevel.State] = states, [MetricLevel.Municipality] = municipalities };
    }

    /// <summary>The week being recorded.</summary>
    public int Week { get; internal set; }

    /// <summary>Records a national value for this week (added to what was recorded this week).</summary>
    public void Record(MetricSpec metric, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!_national.TryGetValue(metric, out var series))
        {
            _national[metric] = series = new double[_weeks];
        }

        if (metric.Aggregation == MetricAggregation.Last)
        {
            series[Week] = value;
        }
        else
        {
            series[Week] += value;
        }
    }

    /// <summary>Records a state or municipal value for this week.</summary>
    public void Record(MetricSpec metric, MetricLevel level, int place, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (level == MetricLevel.National)
        {
            Record(metric, value);
            return;
        }

        var places = _places[level];
        if (!_local.TryGetValue((metric, level), out var byYear))
        {
            _local[(metric, level)] = byYear = new double[_weeksInYear.Length * places];
        }

        var k = (_yearOfWeek[Week] * places) + place;
        if (metric.Aggregation == MetricAggregation.Last)
        {
            byYear[k] = value;
        }
        else
        {
            byYear[k] += value;
        }
    }

    /// <summary>The national weekly series of <paramref name="metric"/> (by name), or null if never recorded.</summary>
    public IReadOnlyList<double>? Weekly(string metric) => _national.FirstOrDefault(kv => kv.Key.Name == metric).Value;

    /// <summary>The metrics recorded, national first.</summary>
    public IEnumerable<MetricSpec> Recorded => _national.Keys.Concat(_local.Keys.Select(k => k.Metric)).Distinct();

    /// <summary>Every metric by year, level and place, as long rows (national, then states, then municipalities; zeros left out below the national level).</summary>
    public IReadOnlyList<MetricRow> Rows()
    {
        var rows = new List<MetricRow>();
        foreach (var (metric, series) in _national)
        {
            for (var y = 0; y < _weeksInYear.Length; y++)
            {
                double total = 0, last = 0;
                for (var t = 0; t < _weeks; t++)
                {
                    if (_yearOfWeek[t] == y)
                    {
                        total += series[t];
                        last = series[t];
                    }
                }

                rows.Add(new MetricRow(_firstYear + y, MetricLevel.National, 0, metric.Name, Aggregate(metric, total, last, y)));
            }
        }

        foreach (var ((metric, level), byYear) in _local.OrderBy(kv => kv.Key.Level))
        {
            var places = _places[level];
            for (var y = 0; y < _weeksInYear.Length; y++)
            {
                for (var p = 0; p < places; p++)
                {
                    var v = byYear[(y * places) + p];
                    if (v != 0)
                    {
                        rows.Add(new MetricRow(_firstYear + y, level, p, metric.Name, Aggregate(metric, v, v, y)));
                    }
                }
            }
        }

        return rows;
    }

    private double Aggregate(MetricSpec metric, double total, double last, int year) => metric.Aggregation switch
    {
        MetricAggregation.Mean => total / Math.Max(1, _weeksInYear[year]),
        MetricAggregation.Last => last,
        _ => total,
    };
}
