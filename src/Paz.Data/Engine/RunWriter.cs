using System.Globalization;
using Parquet.Serialization;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Data.Engine;

/// <summary>One row of the monthly homicides output: long format, tagged with replicate and seed.</summary>
public sealed class MonthlyHomicideRow
{
    /// <summary>Replicate index.</summary>
    public int Replicate { get; set; }

    /// <summary>The replicate's seed.</summary>
    public long Seed { get; set; }

    /// <summary>Municipality code.</summary>
    public string CveMun { get; set; } = string.Empty;

    /// <summary>Calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Month 1-12.</summary>
    public int Month { get; set; }

    /// <summary>Homicides in the month.</summary>
    public int Homicides { get; set; }

    /// <summary>Writes <paramref name="rows"/> as CSV with a header (replicate,seed,cve_mun,year,month,homicides).</summary>
    public static async Task WriteCsvAsync(Stream stream, IEnumerable<MonthlyHomicideRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(stream, leaveOpen: true);
        await writer.WriteLineAsync("replicate,seed,cve_mun,year,month,homicides").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.Replicate},{row.Seed},{row.CveMun},{row.Year},{row.Month},{row.Homicides}")).ConfigureAwait(false);
        }
    }
}

/// <summary>One long row of the mechanisms' metrics: a metric's value in a year at a level and place, tagged with scenario, replicate and seed.</summary>
public sealed class MetricOutputRow
{
    /// <summary>Scenario name.</summary>
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Replicate index.</summary>
    public int Replicate { get; set; }

    /// <summary>The replicate's seed.</summary>
    public long Seed { get; set; }

    /// <summary>Calendar year.</summary>
    public int Period { get; set; }

    /// <summary>national, state or municipality.</summary>
    public string Level { get; set; } = string.Empty;

    /// <summary>The place's code: MX nationally, the state's two digits, the municipality's five.</summary>
    public string Place { get; set; } = string.Empty;

    /// <summary>The metric's name.</summary>
    public string Metric { get; set; } = string.Empty;

    /// <summary>Its value.</summary>
    public double Value { get; set; }
}

/// <summary>Writes an ensemble's outputs under runs/&lt;scenario&gt;/; each file appears only once complete.</summary>
public static class RunWriter
{
    /// <summary>Writes homicides_monthly.parquet and metrics.parquet (and .csv of both on request), weekly_flows.csv and, when a Guard was deployed, guard_personnel.csv; returns the files written.</summary>
    /// <param name="folder">Output folder.</param>
    /// <param name="scenario">The scenario's name (a column of the long rows).</param>
    /// <param name="inputs">The inputs the ensemble ran on.</param>
    /// <param name="replicates">The ensemble.</param>
    /// <param name="csv">Also write the monthly homicides as CSV.</param>
    /// <param name="regionOf">The Guard's planning region of each municipality (from <c>paz plan</c>), if it was deployed by plan: guard_personnel.csv then reports regions, else states.</param>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string scenario, EngineInputs inputs, IReadOnlyList<ReplicateResult> replicates, bool csv, IReadOnlyList<int>? regionOf = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(replicates);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        IEnumerable<MonthlyHomicideRow> Rows() =>
            replicates.SelectMany((r, k) => Enumerable.Range(0, inputs.MunicipalityCount).SelectMany(m => Enumerable.Range(0, r.Months).Select(t => new MonthlyHomicideRow
            {
                Replicate = k,
                Seed = unchecked((long)r.Seed),
                CveMun = inputs.Municipalities[m],
                Year = (r.FirstMonth + t) / 12,
                Month = ((r.FirstMonth + t) % 12) + 1,
                Homicides = r.MonthlyHomicides[(m * r.Months) + t],
            })));

        var parquet = Path.Combine(folder, "homicides_monthly.parquet");
        await AtomicFile.WriteAsync(parquet, async stream => await ParquetSerializer.SerializeAsync(Rows(), stream).ConfigureAwait(false)).ConfigureAwait(false);
        files.Add(parquet);
        if (csv)
        {
            var path = Path.Combine(folder, "homicides_monthly.csv");
            await AtomicFile.WriteAsync(path, stream => MonthlyHomicideRow.WriteCsvAsync(stream, Rows())).ConfigureAwait(false);
            files.Add(path);
        }

        var flows = Path.Combine(folder, "weekly_flows.csv");
        await AtomicFile.WriteAsync(flows, async stream =>
        {
            await using var writer = new StreamWriter(stream);
            await writer.WriteLineAsync("replicate,seed,week,date,members,recruits,arrests,member_deaths,desisted,homicides,prisoners,groups,splits,leaders_removed,middle_arrested,lower_arrested,convictions,releases").ConfigureAwait(false);
            for (var k = 0; k < replicates.Count; k++)
            {
                foreach (var w in replicates[k].Weeks)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{k},{unchecked((long)replicates[k].Seed)},{w.Week},{w.Date:yyyy-MM-dd},{w.Members},{w.Recruits},{w.Arrests},{w.MemberDeaths},{w.Desisted},{w.Homicides},{w.Prisoners},{w.Groups},{w.Splits},{w.LeadersRemoved},{w.MiddleArrested},{w.LowerArrested},{w.Convictions},{w.Releases}")).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
        files.Add(flows);
        var metrics = replicates.Select(r => r.Metrics?.Rows() ?? []).ToList();
        files.AddRange(await WriteMetricsAsync(folder, scenario, inputs, replicates, metrics, csv).ConfigureAwait(false));
        if (metrics.Any(rows => rows.Any(x => x.Metric == GuardMetric)))
        {
            var guard = Path.Combine(folder, "guard_personnel.csv");
            AtomicFile.Write(guard, w => WriteGuard(w, inputs, replicates, metrics, regionOf));
            files.Add(guard);
        }

        return files;
    }

    private const string GuardMetric = "guard_officers";

    // The metrics' long rows, to Parquet (and CSV): the collector's rows of every replicate.
    private static async Task<IReadOnlyList<string>> WriteMetricsAsync(string folder, string scenario, EngineInputs inputs, IReadOnlyList<ReplicateResult> replicates, List<IReadOnlyList<MetricRow>> metrics, bool csv)
    {
        var states = Enumerable.Range(0, inputs.States).Select(s => inputs.Municipalities[Array.IndexOf(inputs.StateOf, s)][..2]).ToArray();
        IEnumerable<MetricOutputRow> Rows() => metrics.SelectMany((rows, k) => rows.Select(row => new MetricOutputRow
        {
            Scenario = scenario,
            Replicate = k,
            Seed = unchecked((long)replicates[k].Seed),
            Period = row.Year,
            Level = row.Level.ToString().ToLowerInvariant(),
            Place = row.Level switch { MetricLevel.State => states[row.Place], MetricLevel.Municipality => inputs.Municipalities[row.Place], _ => "MX" },
            Metric = row.Metric,
            Value = row.Value,
        }));
        var files = new List<string>();
        var parquet = Path.Combine(folder, "metrics.parquet");
        await AtomicFile.WriteAsync(parquet, async stream => await ParquetSerializer.SerializeAsync(Rows(), stream).ConfigureAwait(false)).ConfigureAwait(false);
        files.Add(parquet);
        if (csv)
        {
            var path = Path.Combine(folder, "metrics.csv");
            AtomicFile.Write(path, writer =>
            {
                writer.WriteLine("scenario,replicate,seed,period,level,place,metric,value");
                foreach (var row in Rows())
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Scenario},{row.Replicate},{row.Seed},{row.Period},{row.Level},{row.Place},{row.Metric},{row.Value:R}"));
                }
            });
            files.Add(path);
        }

        return files;
    }

    // Guard personnel per year and region (or state), the mean over replicates of each year's weekly average.
    private static void WriteGuard(TextWriter writer, EngineInputs inputs, IReadOnlyList<ReplicateResult> replicates, List<IReadOnlyList<MetricRow>> metrics, IReadOnlyList<int>? regionOf)
    {
        var m = inputs.MunicipalityCount;
        var firstYear = replicates[0].FirstMonth / 12;
        var years = ((replicates[0].FirstMonth + replicates[0].Months - 1) / 12) - firstYear + 1;
        var officers = metrics.Select(rows =>
        {
            var byYear = new double[years * m];
            foreach (var row in rows.Where(x => x.Metric == GuardMetric && x.Level == MetricLevel.Municipality))
            {
                byYear[((row.Year - firstYear) * m) + row.Place] = row.Value;
            }

            return byYear;
        }).ToList();
        writer.WriteLine(regionOf is null ? "year,cve_ent,personnel" : "year,region,cve_ent,personnel");
        for (var y = 0; y < years; y++)
        {
            var areas = new SortedDictionary<(int Region, string State), double>();
            for (var i = 0; i < m; i++)
            {
                var key = (regionOf is null ? 0 : regionOf[i] + 1, inputs.Municipalities[i][..2]);
                areas[key] = areas.GetValueOrDefault(key) + officers.Average(r => r[(y * m) + i]);
            }

            foreach (var ((region, state), personnel) in areas)
            {
                writer.WriteLine(regionOf is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{firstYear + y},{state},{personnel:0.#}")
                    : string.Create(CultureInfo.InvariantCulture, $"{firstYear + y},{region},{state},{personnel:0.#}"));
            }
        }
    }
}
