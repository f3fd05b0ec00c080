using System.Globalization;
using System.Text.Json;
using Paz.Data;

namespace Paz.Cli.Tests;

public class AtlasCommandTests
{
    [Fact]
    public void NationalTotalsPrintedAsJsonEqualTheRawMunicipalFileSummedIndependently()
    {
        // Sum the raw file with nothing but string splitting: no Paz loader is involved.
        var raw = new SortedDictionary<int, long>();
        var path = DataDirectory.Locate().MunicipalMonthlyHomicides;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',');
            var year = int.Parse(fields[1], CultureInfo.InvariantCulture);
            raw[year] = raw.GetValueOrDefault(year) + long.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        var run = PazRun.Of("atlas", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var printed = json.RootElement.GetProperty("national").EnumerateArray()
            .Where(y => y.GetProperty("occurred").ValueKind == JsonValueKind.Number)
            .ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("occurred").GetInt64());

        Assert.Equal(raw.Count, printed.Count);
        Assert.Equal(19, raw.Count); // 2000-2018
        foreach (var (year, total) in raw)
        {
            Assert.Equal(total, printed[year]);
        }
    }

    [Fact]
    public void The2018NationalRateIsInThePublishedRange()
    {
        var run = PazRun.Of("atlas", "--json", "--year", "2018");
        using var json = JsonDocument.Parse(run.Output);
        var y2018 = json.RootElement.GetProperty("national").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2018);
        Assert.InRange(y2018.GetProperty("occurred_rate").GetDouble(), 25, 32);
        Assert.InRange(y2018.GetProperty("registered_rate").GetDouble(), 25, 32);
    }

    [Fact]
    public void TheRankingHasTwentyMunicipalitiesOfAtLeastFiftyThousandInDescendingRate()
    {
        var run = PazRun.Of("atlas", "--json");
        using var json = JsonDocument.Parse(run.Output);
        var ranking = json.RootElement.GetProperty("highest_rates").EnumerateArray().ToList();
        Assert.Equal(20, ranking.Count);
        Assert.All(ranking, m => Assert.True(m.GetProperty("population").GetDouble() >= 50_000));
        var rates = ranking.Select(m => m.GetProperty("rate").GetDouble()).ToList();
        Assert.Equal(rates.OrderDescending(), rates);
        Assert.Contains(ranking, m => m.GetProperty("code").GetString() == "02004"); // Tijuana, with leading zero kept
    }

    [Fact]
    public void TablesShowCountsPopulationsAndTheRanking()
    {
        var run = PazRun.Of("atlas");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2469", run.Output, StringComparison.Ordinal);
        Assert.Contains("126,014,024", run.Output, StringComparison.Ordinal);
        Assert.Contains("119,530,753", run.Output, StringComparison.Ordinal);
        Assert.Contains("Tijuana", run.Output, StringComparison.Ordinal);
        Assert.Contains("36,685", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("atlas", "--help")]
    public void HelpExplainsTheCommand(params string[] args)
    {
        var run = PazRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("atlas", run.Output, StringComparison.Ordinal);
        Assert.Contains("Usage", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AYearOutsideTheSeriesIsAUsageErrorNotACrash()
    {
        var run = PazRun.Of("atlas", "--year", "2021");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--year must be within the municipal series, 2000-2018", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMapWithoutAnOutputFileIsAUsageError()
    {
        var run = PazRun.Of("atlas", "--map", "homicides");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenDataFileEndsInAClearMessageAndExitCodeTwo()
    {
        var copy = Directory.CreateTempSubdirectory("paz-broken-data-");
        try
        {
            CopyDirectory(DataDirectory.Locate().Root, copy.FullName);
            var states = Path.Combine(copy.FullName, "atlas", "mx_states.csv");
            var lines = File.ReadAllLines(states);
            lines[5] = lines[5].Replace(",", ";", StringComparison.Ordinal);
            File.WriteAllLines(states, lines);

            var run = PazRun.Of("atlas", "--data", copy.FullName);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"paz: data error: {states}:6: expected 8 fields", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
