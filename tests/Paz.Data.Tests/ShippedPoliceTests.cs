using Paz.Core.Policing;
using Paz.Core.Territory;
using Paz.Data.Policing;

namespace Paz.Data.Tests;

/// <summary>The shipped police figures load whole, match data/police/PROVENANCE.md, and say where they were imputed.</summary>
public class ShippedPoliceTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    private static PoliceForces Police => Data.Value.Police;

    [Fact]
    public void ReportingMunicipalitiesFieldTheCensusOperationalPolice()
    {
        var atlas = Data.Value.Atlas;
        var reported = Enumerable.Range(0, atlas.Municipalities.Count).Where(m => Police.Municipal[m].Origin == PoliceFigureOrigin.Reported).ToList();
        Assert.Equal(2_461 - 305, reported.Count);

        // PROVENANCE: per-100k × census 2010 population sums to about 166,800 over reporting municipalities.
        var officers = reported.Sum(m => Police.Municipal[m].PerHundredThousand * atlas.Municipalities[m].Population.CountIn(2010)!.Value / 100_000);
        Assert.InRange(officers, 166_000, 167_500);
    }

    [Fact]
    public void EveryGapIsImputedExceptMexicoCitysWhichTheCityPolices()
    {
        var atlas = Data.Value.Atlas;
        var origin = Police.Municipal.Select(f => f.Origin).ToList();

        // 305 empty in the census, 16 of them Mexico City's, and 8 municipalities created after 2010.
        Assert.Equal(305 - 16 + 8, origin.Count(o => o == PoliceFigureOrigin.Imputed));
        Assert.All(atlas.Municipalities.Where(m => m.State.Value == "09"), m => Assert.Equal(PoliceFigureOrigin.PolicedByState, Police.Municipal[atlas.IndexOf(m.Code)].Origin));
        Assert.Equal(PoliceFigureOrigin.Imputed, Police.Municipal[atlas.IndexOf(new MunicipalityCode("23011"))].Origin); // Puerto Morelos, created 2015
        Assert.Contains("297 municipalities imputed", Police.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void StatePoliceKeepTheDiagnosissNationalTotalAndItsNamedStates()
    {
        var atlas = Data.Value.Atlas;
        var national = atlas.States.Sum(s => Police.State(s.Code).PerHundredThousand * atlas.Population(s.Code, PoliceLoader.StateYear) / 100_000);
        Assert.Equal(128_922, national, 0);
        Assert.Equal(new PoliceFigure(420, PoliceFigureOrigin.Reported), Police.State(new StateCode("09")));
        Assert.Equal(new PoliceFigure(30, PoliceFigureOrigin.Reported), Police.State(new StateCode("02")));
        Assert.Equal(15, atlas.States.Count(s => Police.State(s.Code).Origin == PoliceFigureOrigin.Imputed));
    }

    [Fact]
    public void PoliceDensityDiffersBetweenPlacesSoTheConditionCanBind()
    {
        var atlas = Data.Value.Atlas;
        var byState = atlas.States.Select(s => atlas.Municipalities.Select((m, i) => (m, i)).Where(x => x.m.State == s.Code)
            .Sum(x => Police.Officers(x.i, 2018)) * 100_000 / atlas.Population(s.Code, 2018)).ToList();

        // Baja California's 30 state officers per 100,000 against Mexico City's 420 (SESNSP 2017).
        Assert.True(byState.Max() > 2 * byState.Min(), $"state densities {byState.Min():0}-{byState.Max():0} per 100,000");
    }
}

/// <summary>Malformed police files stop the load with the file, the line and what was expected.</summary>
public class MalformedPoliceTests
{
    private const string Header = "cve_mun,cve_ent,state_name,mun_name,year,security_personnel_total,operational_police_per100k,operational_police_per1000,source\n";

    [Fact]
    public void AMunicipalityOutsideTheAtlasNamesItsLine()
    {
        using var file = new BrokenFile("police.csv", Header + "01001,01,A,A,2010,5,100,1,s\n01009,01,A,B,2010,5,100,1,s\n");
        var error = Assert.Throws<DataFormatException>(() => PoliceLoader.ReadMunicipal(file.Path, TinyAtlas.Instance));
        Assert.Equal(3, error.Line);
        Assert.Contains("a municipality code of the atlas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeDensityIsRefusedAndAnEmptyOneIsAGap()
    {
        using (var gap = new BrokenFile("police.csv", Header + "01001,01,A,A,2010,5,,,s\n01002,01,A,B,2010,5,80.5,0.8,s\n"))
        {
            var reported = PoliceLoader.ReadMunicipal(gap.Path, TinyAtlas.Instance);
            Assert.Equal([new MunicipalityCode("01002")], reported.Keys);
        }

        using var negative = new BrokenFile("police.csv", Header + "01001,01,A,A,2010,5,-3,,s\n");
        Assert.Equal(2, Assert.Throws<DataFormatException>(() => PoliceLoader.ReadMunicipal(negative.Path, TinyAtlas.Instance)).Line);
    }

    [Fact]
    public void StateFragmentsWithoutTheNationalTotalAreRefused()
    {
        using var file = new BrokenFile("fragments.csv", "cut_date,cve_ent,state_name,indicator,value,unit,scope,document,source_url,transcribed,source\n" +
            "2017-10-31,01,Aguascalientes,police_per_1000,0.4,x,\"state preventive police, operational\",d,u,yes,s\n");
        var error = Assert.Throws<DataFormatException>(() => PoliceLoader.ReadStates(file.Path, TinyAtlas.Instance));
        Assert.Contains("national operational state preventive police", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Vetting failures by state as the fragments give them.</summary>
public class ShippedVettingTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    [Fact]
    public void FiveStatesAreReportedAndTheRestShareTheNationalRemainder()
    {
        var police = Data.Value.Police;
        var atlas = Data.Value.Atlas;
        Assert.Equal(0.403, police.Vetting(new StateCode("25")).FailedShare, 12); // Sinaloa
        Assert.Equal(0.301, police.Vetting(new StateCode("03")).FailedShare, 12); // Baja California Sur
        Assert.Equal(5, atlas.States.Count(s => police.Vetting(s.Code).Origin == PoliceFigureOrigin.Reported));
        var imputed = police.Vetting(new StateCode("09")).FailedShare;
        Assert.InRange(imputed, 0.04, 0.069); // below the national 6.9%: the reported states carry more than their share
    }
}
