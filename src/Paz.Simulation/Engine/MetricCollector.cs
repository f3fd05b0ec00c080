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
    private readonly DateOnly _start;
    private readonly int _weeks;
    private readonly int _firstYear;
    private readonly int[] _yearOfWeek;
    private readonly int[] _weeksInYear;
    // Keyed by the declaration's identity: a record's hash would re-hash its strings on every call, and
    // mechanisms record thousands of values a week.
    private readonly Dictionary<MetricSpec, double[]> _national = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MetricSpec, double[]?[]> _local = new(ReferenceEqualityComparer.Instance);
    private readonly int[] _places;

    /// <summary>A collector for a run of <paramref name="weeks"/> weeks from <paramref name="start"/>.</summary>
    public MetricCollector(DateOnly start, int weeks, int states, int municipalities)
    {
        _start = start;
        _weeks = weeks;
        _firstYear = start.Year;
        _yearOfWeek = [.. Enumerable.Range(0, weeks).Select(t => start.AddDays(7 * t).Year - _firstYear)];
        _weeksInYear = new int[weeks == 0 ? 1 : _yearOfWeek[^1] + 1];
        foreach (var y in _yearOfWeek)
        {
            _weeksInYear[y]++;
        }

        _places = [1, states, municipalities];
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

        var byYear = Local(metric, level);
        var k = (_yearOfWeek[Week] * _places[(int)level]) + place;
        if (metric.Aggregation == MetricAggregation.Last)
        {
            byYear[k] = value;
        }
        else
        {
            byYear[k] += value;
        }
    }

    /// <summary>Records this week's value of every place of a level at once (<paramref name="values"/> indexed by place).</summary>
    public void RecordAll(MetricSpec metric, MetricLevel level, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (level == MetricLevel.National)
        {
            throw new ArgumentException("national values are recorded one at a time", nameof(level));
        }

        var byYear = Local(metric, level).AsSpan(_yearOfWeek[Week] * _places[(int)level], _places[(int)level]);
        for (var p = 0; p < values.Length; p++)
        {
            byYear[p] = metric.Aggregation == MetricAggregation.Last ? values[p] : byYear[p] + values[p];
        }
    }

    private double[] Local(MetricSpec metric, MetricLevel level)
    {
        if (!_local.TryGetValue(metric, out var levels))
        {
            _local[metric] = levels = new double[]?[3];
        }

        return levels[(int)level] ??= new double[_weeksInYear.Length * _places[(int)level]];
    }

    /// <summary>The national weekly series of <paramref name="metric"/> (by name), or null if never recorded.</summary>
    public IReadOnlyList<double>? Weekly(string metric) => _national.FirstOrDefault(kv => kv.Key.Name == metric).Value;

    /// <summary>Every metric by year, level and place, as long rows (national, then states, then municipalities; zeros left out below the national level).</summary>
    public IReadOnlyList<MetricRow> Rows()
    {
        var rows = NationalRows();
        rows.AddRange(LocalRows(MetricLevel.State));
        rows.AddRange(LocalRows(MetricLevel.Municipality));
        return rows;
    }

    /// <summary>The metrics recorded at <paramref name="level"/> (state or municipality) by year and place, as long rows (zeros left out).</summary>
    public List<MetricRow> LocalRows(MetricLevel level)
    {
        var rows = new List<MetricRow>();
        foreach (var (metric, levels) in _local.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
        {
            if (levels[(int)level] is { } byYear)
            {
                AddRows(rows, metric, level, byYear);
            }
        }

        return rows;
    }

    /// <summary>The national metrics by year, as long rows (what <see cref="Rows"/> begins with).</summary>
    public List<MetricRow> NationalRows()
    {
        var rows = new List<MetricRow>();
        foreach (var (metric, series) in _national.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
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

        return rows;
    }

    private void AddRows(List<MetricRow> rows, MetricSpec metric, MetricLevel level, double[] byYear)
    {
        var places = _places[(int)level];
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

    private double Aggregate(MetricSpec metric, double total, double last, int year) => metric.Aggregation switch
    {
        MetricAggregation.Mean => total / Math.Max(1, _weeksInYear[year]),
        MetricAggregation.Last => last,
        _ => total,
    };

    /// <summary>
    /// Everything recorded, exactly, in recording order: what carries a replicate computed elsewhere (another process,
    /// a cluster's silo) back to where it is summarized. <see cref="Restore"/> rebuilds an identical collector.
    /// </summary>
    public MetricSnapshot Snapshot() => new(
        _start, _weeks, _places[1], _places[2],
        [.. _national.Select(kv => (kv.Key, (double[])kv.Value.Clone()))],
        [.. _local.Select(kv => (kv.Key, kv.Value.Select(v => (double[]?)v?.Clone()).ToArray()))]);

    /// <summary>A collector holding exactly what <paramref name="snapshot"/> holds.</summary>
    public static MetricCollector Restore(MetricSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var collector = new MetricCollector(snapshot.Start, snapshot.Weeks, snapshot.States, snapshot.Municipalities);
        foreach (var (metric, series) in snapshot.National)
        {
            collector._national[metric] = (double[])series.Clone();
        }

        foreach (var (metric, levels) in snapshot.Local)
        {
            collector._local[metric] = [.. levels.Select(v => (double[]?)v?.Clone())];
        }

        return collector;
    }
}

/// <summary>What a <see cref="MetricCollector"/> recorded (see <see cref="MetricCollector.Snapshot"/>).</summary>
/// <param name="Start">The run's first week.</param>
/// <param name="Weeks">The run's length in weeks.</param>
/// <param name="States">States in the world.</param>
/// <param name="Municipalities">Municipalities in the world.</param>
/// <param name="National">Each national metric's weekly series, in recording order.</param>
/// <param name="Local">Each local metric's values by level (national, state, municipality; null where never recorded) and year × place.</param>
public sealed record MetricSnapshot(
    DateOnly Start, int Weeks, int States, int Municipalities,
    IReadOnlyList<(MetricSpec Metric, double[] Series)> National,
    IReadOnlyList<(MetricSpec Metric, double[]?[] Levels)> Local);
