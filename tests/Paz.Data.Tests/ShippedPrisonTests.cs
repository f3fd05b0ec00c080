using Paz.Core.Territory;
using Paz.Data.Justice;

namespace Paz.Data.Tests;

/// <summary>The prison census loads whole, counts people to 2013 and derives them after, as data/PROVENANCE.md says.</summary>
public class ShippedPrisonTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    private static PrisonCensus Census => Data.Value.Prisons;

    [Theory]
    [InlineData(2010, 183_247)]
    [InlineData(2013, 214_694)]
    [InlineData(2018, 176_895)]
    public void NationalPeopleAreTheCountsTo2013AndTheEnd2018Total(int year, double people) =>
        Assert.Equal(people, Census.National(year), 6);

    [Theory]
    [InlineData(2014)]
    [InlineData(2016)]
    [InlineData(2018)]
    public void StatesShareTheNationalPeopleByTheirRecords(int year) =>
        Assert.Equal(Census.National(year), Data.Value.Atlas.States.Sum(s => Census.People(s.Code, year).Total), 6);

    [Theory]
    [InlineData(2010, 0.342)]
    [InlineData(2015, 0.337)]
    [InlineData(2018, 0.383)]
    public void PretrialSharesMatchProvenance(int year, double share) =>
        Assert.Equal(share, Census.PretrialShare(year), 3);

    [Fact]
    public void TheInterpolatedYearsFallFromThe2013CountToThe2018Total()
    {
        Assert.True(Census.National(2014) < 214_694 && Census.National(2017) > 176_895);
        Assert.Equal(Census.National(2015) / Census.National(2014), Census.National(2018) / Census.National(2017), 9);
        Assert.True(PrisonCensus.Suspect(2016) && !PrisonCensus.Suspect(2017));
        Assert.Equal(0, Census.People(new StateCode("18"), 2017).Total); // Nayarit reported no records in 2017
    }

    [Fact]
    public void AMissingStateYearIsRefused()
    {
        using var file = new BrokenFile("legal_status.csv", "cve_ent,state_name,year,total,sentenced,unsentenced,unspecified,share_unsentenced,source\n01,A,2010,3,2,1,0,0.33,s\n");
        var error = Assert.Throws<DataFormatException>(() => PrisonCensus.Read(file.Path, TinyAtlas.Instance));
        Assert.Contains("expected every state in every year 2010-2018; missing 01 2011", error.Message, StringComparison.Ordinal);
    }
}
