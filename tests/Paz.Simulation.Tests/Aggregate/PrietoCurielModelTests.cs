using Paz.Simulation.Aggregate;

namespace Paz.Simulation.Tests.Aggregate;

public class PrietoCurielModelTests
{
    private static readonly PrietoCurielModel Model = new(PublishedNetwork.Instance);
    private static readonly Lazy<AggregateRun> Decade = new(() => Model.Run(PrietoCurielParameters.Published, 520));

    [Fact]
    public void TheConflictMatrixIsRivalryPlusOneOverAllianceStrengthPlusOne()
    {
        var network = PublishedNetwork.Instance;
        var order = Model.Order;
        for (var i = 0; i < network.Count; i += 7)
        {
            for (var j = 0; j < network.Count; j++)
            {
                var expected = i == j ? 0 : (network.Rivalry(order[i], order[j]) + 1) / (network.AllianceStrength[order[i]] + 1);
                Assert.Equal(expected, Model.Conflict[i, j], 12);
            }
        }
    }

    [Fact]
    public void InitialSizesFollowOneOverRankAndSumToC0()
    {
        var sizes = Model.ExpectedInitialSizes(115_000);
        Assert.Equal(115_000, sizes.Sum(), 6);
        Assert.Equal(sizes[0] / 2, sizes[1], 9);
        Assert.Equal(sizes[0] / 150, sizes[149], 9);
    }

    [Fact]
    public void MembersChangeByRecruitsMinusDeathsIncapacitationsAndSaturationEveryWeek()
    {
        var weeks = Decade.Value.Weeks;
        for (var w = 0; w < 520; w++)
        {
            var expected = weeks[w].Members + weeks[w].Recruits - weeks[w].Deaths - weeks[w].Incapacitations - weeks[w].Saturation;
            Assert.Equal(expected, weeks[w + 1].Members, 1e-6 * weeks[w].Members);
        }
    }

    [Fact]
    public void TheDecadeEndsWithThePublishedMembership()
    {
        // Published: about 175,000 members in January 2022 (range 160,000-185,000).
        Assert.InRange(Decade.Value.MembersAt(520), 160_000, 185_000);
    }

    [Fact]
    public void WeeklyConflictDeathsReachAboutThePublished125()
    {
        Assert.InRange(Decade.Value.Weeks[519].Deaths, 110, 140);
    }

    [Fact]
    public void IncapacitationsAreEtaEveryWeek()
    {
        Assert.All(Decade.Value.Weeks.Take(520), w => Assert.Equal(110, w.Incapacitations, 1e-6));
    }

    [Fact]
    public void ExperimentsMoveInThePublishedDirectionsFiveYearsAfterJanuary2022()
    {
        const int switchWeek = PolicyExperiment.PublishedSwitchWeek;
        const int fiveYears = switchWeek + 260;
        var runs = PolicyExperiment.Published.ToDictionary(e => e.Name, e => Model.Run(PrietoCurielParameters.Published, fiveYears + 1, e));
        var members2022 = runs["status-quo"].MembersAt(switchWeek);
        var deaths2022 = runs["status-quo"].Weeks[switchWeek].Deaths;
        double Members(string name) => runs[name].MembersAt(fiveYears);
        double Deaths(string name) => runs[name].Weeks[fiveYears].Deaths;

        Assert.True(Members("status-quo") > members2022 && Deaths("status-quo") > deaths2022, "status quo: more members and deaths");
        Assert.True(Members("double-incapacitation") < Members("status-quo") && Deaths("double-incapacitation") < Deaths("status-quo"), "double incapacitation: fewer than status quo");
        Assert.True(Deaths("double-incapacitation") >= deaths2022, "double incapacitation: still no fewer deaths than in January 2022");
        Assert.True(Members("half-recruitment") < members2022 && Deaths("half-recruitment") < deaths2022, "half recruitment: fewer than in January 2022");
        Assert.True(Members("no-recruitment") < Members("half-recruitment") && Deaths("no-recruitment") < Deaths("half-recruitment"), "no recruitment: fewest of all");
    }

    [Fact]
    public void PoissonInitialSizesAreWholeDeterministicPerSeedAndCloseToTheExpected()
    {
        var a = Model.PoissonInitialSizes(115_000, new Core.Randomness.Xoshiro256StarStar(7));
        var b = Model.PoissonInitialSizes(115_000, new Core.Randomness.Xoshiro256StarStar(7));
        var c = Model.PoissonInitialSizes(115_000, new Core.Randomness.Xoshiro256StarStar(8));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, s => Assert.Equal(Math.Round(s), s));
        Assert.InRange(a.Sum(), 115_000 - (5 * Math.Sqrt(115_000)), 115_000 + (5 * Math.Sqrt(115_000)));
    }
}
