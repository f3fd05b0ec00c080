using Paz.Core.Territory;

namespace Paz.Data.Tests;

/// <summary>The shipped data loads whole and matches the checks that data/PROVENANCE.md states.</summary>
public class ShippedDataTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    [Fact]
    public void TheAtlasHasEveryStateMunicipalityAndAdjacency()
    {
        var atlas = Data.Value.Atlas;
        Assert.Equal(32, atlas.States.Count);
        Assert.Equal(2469, atlas.Municipalities.Count);
        Assert.Equal(7226, atlas.Adjacencies.Count);
        Assert.Equal(938, atlas.Adjacencies.Count(a => a.CrossesStateLine));
        Assert.All(atlas.Municipalities, m => Assert.NotEmpty(atlas.Neighbours(m.Code)));
        Assert.Equal(2469, atlas.MunicipalShapes.Count);
        Assert.Equal(32, atlas.StateShapes.Count);
    }

    [Fact]
    public void NoShippedFileRecordsAYearAfterTheCalibrationWindow()
    {
        // The window ends in December 2018, the plan's start: a row of 2019 or later would be an outcome the engine must not see.
        var root = DataDirectory.Locate().Root;
        var checkedFiles = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories))
        {
            var file = Csv.CsvFile.Open(path);
            foreach (var name in new[] { "year", "anio", "YEAR", "year_last_seen" }.Where(file.HasColumn))
            {
                var column = file.Column(name);
                checkedFiles++;
                file.ForEachRow(row =>
                {
                    var text = row.OptionalText(column) ?? string.Empty;
                    Assert.False(int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var year) && year > 2018, $"{Path.GetRelativePath(root, path)}: {name} {text}");
                });
            }
        }

        Assert.True(checkedFiles >= 15, $"only {checkedFiles} files with a year column were found under {root}");
    }

    [Theory]
    [InlineData(2020, 126_014_024)]
    [InlineData(2015, 119_530_753)]
    [InlineData(2010, 112_336_538)]
    public void CensusTotalsMatchProvenance(int year, double total)
    {
        Assert.Equal(total, Data.Value.Atlas.Municipalities.Sum(m => m.Population.CountIn(year) ?? 0));
        Assert.Equal(total, Data.Value.Atlas.Population(year), 3);
    }

    [Theory]
    [InlineData(2015, 20_263)]
    [InlineData(2016, 24_613)]
    [InlineData(2017, 31_737)]
    [InlineData(2018, 34_426)]
    public void StateSeriesNationalSumsMatchProvenance(int year, long total)
    {
        Assert.Equal(total, Data.Value.Homicides.StateMonthly.YearTotal(year));
        Assert.Equal(total, Data.Value.Homicides.StateYearly.YearTotal(year));
    }

    [Fact]
    public void MunicipalMonthsAddUpToTheYearlyTable()
    {
        var h = Data.Value.Homicides;
        foreach (var code in h.MunicipalMonthly.Places)
        {
            foreach (var year in h.MunicipalMonthly.Years)
            {
                Assert.Equal(h.MunicipalYearly[code, year], h.MunicipalMonthly.YearTotal(code, year));
            }
        }
    }

    [Fact]
    public void KnownQuirksAreReportedNotDropped()
    {
        var quirks = Data.Value.Quirks;
        Assert.Contains(quirks, q => q is { Kind: "counts-outside-atlas", Code: "02007" });
        Assert.Equal(["04012", "07125", "17036"], quirks.Where(q => q.Kind == "no-homicide-rows").Select(q => q.Code));
        Assert.Contains(quirks, q => q is { Kind: "counts-without-population", Code: "23011" });
        Assert.True(Data.Value.Homicides.MunicipalMonthly.Contains(new MunicipalityCode("02007")));
    }

    [Fact]
    public void TheNationalRegistrationSeriesRunsFrom1990To2018()
    {
        var national = Data.Value.Homicides.National;
        Assert.Equal(Enumerable.Range(1990, 29), national.Select(n => n.Year));
        var y2018 = national.Single(n => n.Year == 2018);
        Assert.Equal(36_685, y2018.Count);
        Assert.Equal(29.3, y2018.Rate);
        Assert.True(national.Single(n => n.Year == 2017).IsPreliminary);
    }
}

public class GroupPresenceTests
{
    [Theory]
    [InlineData("Cártel Jalisco Nueva Generación (CJNG)", "jalisco nueva generacion")]
    [InlineData("  LOS VIAGRA ", "viagra")]
    [InlineData("Cartel de Santa Rosa de Lima", "santa rosa lima")]
    public void NamesAreNormalizedForMatching(string raw, string expected) =>
        Assert.Equal(expected, Groups.GroupPresenceLoader.Normalize(raw));

    [Fact]
    public void EveryGroupIsPresentSomewhereAndTheLargestAreWidespread()
    {
        var data = DataDirectory.Locate();
        var atlas = PazDataSet.Load(data).Atlas;
        var network = Groups.GroupNetworkLoader.Load(data);
        var presence = Groups.GroupPresenceLoader.Load(data, network, atlas);
        Assert.Equal(150, presence.Count);
        Assert.All(presence, states => Assert.NotEmpty(states));
        var cjng = network.Groups.Select((g, i) => (g, i)).Single(x => x.g.ShortName == "CJNG").i;
        Assert.True(presence[cjng].Length >= 15, $"CJNG in {presence[cjng].Length} states in 2015 (MCO)");
    }
}
