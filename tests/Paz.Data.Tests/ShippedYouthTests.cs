using Paz.Data.Socioeconomic;

namespace Paz.Data.Tests;

/// <summary>CONAPO's young men and CONEVAL's poverty load whole and match data/socioeconomic/PROVENANCE.md.</summary>
public class ShippedYouthTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    [Theory]
    [InlineData(2010, 14_875_815)]
    [InlineData(2018, 15_916_092)]
    public void CONAPOsMunicipalitiesSumToTheNationalYoungMenPROVENANCEStates(int year, double national)
    {
        var youth = YouthLoader.Load(Data.Value.Source, Data.Value.Atlas, year);
        Assert.Equal(year, youth.Year);

        // The 12 municipalities created after 2010 are imputed on top of their parents' counts: at most a few thousand more.
        Assert.Equal(12, youth.Imputed);
        Assert.InRange(youth.YoungMen.Sum() - national, 0, 0.005 * national);

        // Every projected year is read in the same pass, the year asked for among them.
        Assert.Equal(YouthLoader.LastYear - YouthLoader.FirstYear + 1, youth.ByYear.Count);
        Assert.Equal(youth.YoungMen, youth.ByYear[year - YouthLoader.FirstYear]);
    }

    [Fact]
    public void AYearOutsideTheProjectionsReadsTheNearest()
    {
        Assert.Equal(2010, YouthLoader.Load(Data.Value.Source, Data.Value.Atlas, 2007).Year);
        Assert.Equal(2018, YouthLoader.Load(Data.Value.Source, Data.Value.Atlas, 2021).Year);
    }

    [Fact]
    public void PovertyWeightedByPopulationIsCONEVALs46Percent()
    {
        var atlas = Data.Value.Atlas;
        var youth = YouthLoader.Load(Data.Value.Source, atlas, 2010);
        Assert.All(youth.Poverty, p => Assert.InRange(p, 0, 1));
        var people = atlas.Municipalities.Select(m => m.Population.In(2010) ?? 0).ToList();
        var share = youth.Poverty.Select((p, i) => p * people[i]).Sum() / people.Sum();
        Assert.InRange(share, 0.44, 0.48); // PROVENANCE: 52.1 million poor of 112.6 million (46.3%)
    }

    [Fact]
    public void AMalformedRowIsRefusedWithItsFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("paz-youth-").FullName;
        foreach (var file in Directory.EnumerateFiles(Data.Value.Source.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Data.Value.Source.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var young = Path.Combine(folder, "socioeconomic", "conapo_mun_men_15_29_2010_2018.csv");
        var lines = File.ReadAllLines(young);
        lines[3] = lines[3].Replace(",2012,", ",2031,", StringComparison.Ordinal);
        File.WriteAllLines(young, lines);
        var error = Assert.Throws<DataFormatException>(() => YouthLoader.Load(new DataDirectory(folder), Data.Value.Atlas, 2015));
        Assert.Contains("conapo_mun_men_15_29_2010_2018.csv:4", error.Message, StringComparison.Ordinal);
    }
}
