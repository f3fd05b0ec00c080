using Paz.Core.Policing;
using Paz.Core.Territory;

namespace Paz.Core.Tests.Policing;

// The atlases here are synthetic: a few invented places, labelled as such, to pin the imputation rules.
public class PoliceImputationTests
{
    private static readonly Atlas Synthetic = new(
        [State("01"), State("02"), State("03")],
        [Place("01001", 3_000), Place("01002", 3_000), Place("01003", 3_000), Place("01004", 3_000), Place("01005", 200_000),
         Place("02001", 3_000), Place("02002", 3_000), Place("02003", 300_000),
         Place("03001", 50_000)],
        []);

    private static readonly Dictionary<MunicipalityCode, double> Reported = new()
    {
        [new("01001")] = 100, [new("01002")] = 200, [new("01003")] = 300,
        [new("02001")] = 50, [new("02003")] = 400,
    };

    [Fact]
    public void AMissingTownTakesTheMedianOfItsStatesTownsOfItsSize()
    {
        var figures = PoliceImputation.Municipal(Synthetic, Reported, new HashSet<StateCode>(), 2010);
        Assert.Equal(new PoliceFigure(200, PoliceFigureOrigin.Imputed), figures[Synthetic.IndexOf(new("01004"))]);
        Assert.Equal(new PoliceFigure(100, PoliceFigureOrigin.Reported), figures[Synthetic.IndexOf(new("01001"))]);
    }

    [Fact]
    public void WithTooFewComparablePlacesInItsStateTheNationalMedianOfItsSizeIsUsed()
    {
        var figures = PoliceImputation.Municipal(Synthetic, Reported, new HashSet<StateCode>(), 2010);

        // 02002 has one small neighbour reporting in its state: the national small towns (50, 100, 200, 300) decide.
        Assert.Equal(150, figures[Synthetic.IndexOf(new("02002"))].PerHundredThousand);

        // 01005 is a city; the only reporting city is in state 02.
        Assert.Equal(400, figures[Synthetic.IndexOf(new("01005"))].PerHundredThousand);
    }

    [Fact]
    public void PlacesPolicedByTheirStateHaveNoMunicipalPolice()
    {
        var figures = PoliceImputation.Municipal(Synthetic, Reported, new HashSet<StateCode> { new("03") }, 2010);
        Assert.Equal(new PoliceFigure(0, PoliceFigureOrigin.PolicedByState), figures[Synthetic.IndexOf(new("03001"))]);
    }

    [Fact]
    public void StatesWithoutAFigureShareWhatTheNationalTotalLeavesByPopulation()
    {
        var states = PoliceImputation.States(Synthetic, new Dictionary<StateCode, double> { [new("01")] = 100 }, 2_000, 2010);

        // State 01 holds 212,000 × 100 / 100,000 = 212 officers; 1,788 remain for the 356,000 people of states 02 and 03.
        Assert.Equal(PoliceFigureOrigin.Reported, states[new("01")].Origin);
        Assert.Equal(1_788.0 * 100_000 / 356_000, states[new("02")].PerHundredThousand, 9);
        Assert.Equal(states[new("02")], states[new("03")]);
        var forces = new PoliceForces(Synthetic, PoliceImputation.Municipal(Synthetic, Reported, new HashSet<StateCode>(), 2010), states, "synthetic");
        var stateOfficers = Synthetic.Municipalities.Select((m, i) => forces.State(m.State).PerHundredThousand * m.Population.In(2010)!.Value / 100_000).Sum();
        Assert.Equal(2_000, stateOfficers, 6);
    }

    [Fact]
    public void StatesWithAFigureHoldingMoreThanTheNationalTotalAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => PoliceImputation.States(Synthetic, new Dictionary<StateCode, double> { [new("01")] = 10_000 }, 2_000, 2010));
        Assert.Contains("nothing is left", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMunicipalitysPoliceAreItsOwnAndItsStatesPerInhabitant()
    {
        var municipal = PoliceImputation.Municipal(Synthetic, Reported, new HashSet<StateCode>(), 2010);
        var states = Synthetic.States.ToDictionary(s => s.Code, _ => new PoliceFigure(50, PoliceFigureOrigin.Reported));
        var forces = new PoliceForces(Synthetic, municipal, states, "synthetic");
        var city = Synthetic.IndexOf(new("02003"));
        Assert.Equal(450, forces.PerHundredThousand(city));
        Assert.Equal(450.0 * 300_000 / 100_000, forces.Officers(city, 2010), 6);
    }

    [Theory]
    [InlineData(4_999, 0)]
    [InlineData(5_000, 1)]
    [InlineData(99_999, 2)]
    [InlineData(1_500_000, 4)]
    public void SizeClassesSplitAtFiveTwentyHundredAndFiveHundredThousand(double population, int expected) =>
        Assert.Equal(expected, PoliceImputation.SizeClass(population));

    private static State State(string code) => new(new StateCode(code), code, code, code);

    private static Municipality Place(string code, double population) =>
        new(new MunicipalityCode(code), code, new CensusPopulation([(2010, population)]), default, 1, null);
}

// Vetting failures: reported where given, the national remainder elsewhere (synthetic atlas as above).
public class VettingImputationTests
{
    private static readonly Atlas Synthetic = new(
        [new State(new StateCode("01"), "01", "01", "01"), new State(new StateCode("02"), "02", "02", "02"), new State(new StateCode("03"), "03", "03", "03")],
        [], []);

    [Fact]
    public void StatesWithoutAFigureShareTheNationalFailuresTheReportedStatesLeave()
    {
        var officers = new Dictionary<StateCode, double> { [new("01")] = 1_000, [new("02")] = 3_000, [new("03")] = 6_000 };
        var vetting = PoliceImputation.Vetting(Synthetic, new Dictionary<StateCode, double> { [new("01")] = 0.4 }, 1_300, 10_000, officers);

        // 400 of 1,000 failed in state 01; the other 900 failures fall on 9,000 evaluations: 10%.
        Assert.Equal(new VettingFigure(0.4, PoliceFigureOrigin.Reported), vetting[new("01")]);
        Assert.Equal(0.1, vetting[new("02")].FailedShare, 12);
        Assert.Equal(PoliceFigureOrigin.Imputed, vetting[new("03")].Origin);
        Assert.Equal(1_300, vetting.Sum(v => v.Value.FailedShare * officers[v.Key]), 9);
    }
}
