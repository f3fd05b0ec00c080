using Parquet.Serialization;
using Paz.Core.Territory;
using Paz.Data.Engine;
using Paz.Simulation.Agents;

namespace Paz.Runs.Execution;

/// <summary>National rate band of one year, computed from a stored run's long rows.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Rate">Homicides per 100,000 over the replicates.</param>
public sealed record RateYear(int Year, Band Rate);

/// <summary>
/// A finished run's monthly homicides by municipality (homicides_monthly.parquet: one long row per replicate, municipality
/// and month), read back for the dashboard's charts, maps and downloads.
/// </summary>
public sealed class StoredRows
{
    private readonly IReadOnlyList<MonthlyHomicideRow> _rows;

    private StoredRows(IReadOnlyList<MonthlyHomicideRow> rows) => _rows = rows;

    /// <summary>The file's name in a run's output folder.</summary>
    public const string FileName = "homicides_monthly.parquet";

    /// <summary>Reads the rows of the run whose outputs are in <paramref name="folder"/>.</summary>
    public static async Task<StoredRows> ReadAsync(string folder)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, FileName));
        return new StoredRows([.. (await ParquetSerializer.DeserializeAsync<MonthlyHomicideRow>(stream).ConfigureAwait(false)).Data]);
    }

    /// <summary>The years the run covers.</summary>
    public IReadOnlyList<int> Years => [.. _rows.Select(r => r.Year).Distinct().Order()];

    /// <summary>The months of <paramref name="year"/> the run covers (12 for a whole year).</summary>
    public int MonthsIn(int year) => _rows.Where(r => r.Year == year).Select(r => r.Month).Distinct().Count();

    /// <summary>The national rate per year: each replicate's homicides over the atlas's population, banded over the replicates.</summary>
    public IReadOnlyList<RateYear> NationalRate(Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        return [.. _rows.GroupBy(r => r.Year).OrderBy(g => g.Key).Select(year =>
        {
            var population = atlas.Population(year.Key);
            return new RateYear(year.Key, Band.Of(year.GroupBy(r => r.Replicate).Select(replicate => replicate.Sum(r => (double)r.Homicides) / population * 100_000)));
        })];
    }

    /// <summary>Each municipality's mean homicides per 100,000 over the replicates in <paramref name="year"/> (municipalities without a population that year left out).</summary>
    public IReadOnlyDictionary<string, double> MunicipalRates(Atlas atlas, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var replicates = Math.Max(1, _rows.Select(r => r.Replicate).Distinct().Count());
        return _rows.Where(r => r.Year == year).GroupBy(r => r.CveMun)
            .Select(g => (Code: g.Key, Homicides: g.Sum(r => (double)r.Homicides) / replicates, Population: atlas[new MunicipalityCode(g.Key)].Population.In(year)))
            .Where(m => m.Population is > 0)
            .ToDictionary(m => m.Code, m => m.Homicides / m.Population!.Value * 100_000, StringComparer.Ordinal);
    }

    /// <summary>Writes the rows as CSV (the columns of <c>paz run --csv</c>).</summary>
    public Task WriteCsvAsync(Stream stream) => MonthlyHomicideRow.WriteCsvAsync(stream, _rows);
}
