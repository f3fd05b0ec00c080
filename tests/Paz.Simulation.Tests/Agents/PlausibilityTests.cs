using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Plausibility built in: a one-year change outside the record is flagged with the mechanisms that moved it (synthetic runs).</summary>
public class PlausibilityTests
{
    private static readonly ChangeEnvelope Record = ChangeEnvelope.Of(new Dictionary<int, double> { [2005] = 100, [2006] = 85, [2007] = 134 });

    // One municipality, three years of weekly flows; homicides per year as given, split between two mechanisms.
    private static ReplicateResult Run(long[] conflict, long[] predation)
    {
        var first = 2015 * 12;
        var monthly = new int[36];
        for (var y = 0; y < 3; y++)
        {
            monthly[y * 12] = (int)(conflict[y] + predation[y]);
        }

        var weeks = Enumerable.Range(0, 157).Select(t => new WeekFlows(t, new DateOnly(2015, 1, 1).AddDays(7 * t), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).ToList();
        return new ReplicateResult(1, first, 36, monthly, weeks)
        {
            HomicidesByMechanism = new Dictionary<string, YearCounts>
            {
                ["territorial_conflict"] = new(2015, conflict),
                ["predation"] = new(2015, predation),
            },
        };
    }

    [Fact]
    public void TheEnvelopeIsTheLargestFallAndRiseOfTheRecord()
    {
        Assert.Equal(-0.15, Record.Low, 12);
        Assert.Equal(134.0 / 85 - 1, Record.High, 12);
    }

    [Fact]
    public void AFallLargerThanAnyOnRecordIsFlaggedNamingTheMechanismThatMovedMost()
    {
        // 2016: −10% (inside); 2017: −40% (outside), conflict falling by 3,500 and predation by 100.
        var run = Run([8000, 7200, 3700], [2000, 1800, 1700]);
        var flags = Plausibility.Flags([run], Record);
        var flag = Assert.Single(flags);
        Assert.Equal(2017, flag.Year);
        Assert.Equal(5400.0 / 9000 - 1, flag.Change, 12);
        Assert.Equal(("territorial_conflict", -3500.0), flag.Movers[0]);
    }

    [Fact]
    public void ChangesInsideTheRecordAreNotFlagged()
    {
        Assert.Empty(Plausibility.Flags([Run([8000, 7200, 8000], [2000, 1800, 2000])], Record));
    }

    [Fact]
    public void AChangeOutOfTheStartsTransientIsNotFlaggedWhenTheCheckStartsAfterIt()
    {
        // 2016: −40% out of the first year (a replay's transient), 2017: −10%.
        var run = Run([8000, 3700, 3330], [2000, 1700, 1530]);
        Assert.Equal(2016, Assert.Single(Plausibility.Flags([run], Record)).Year);
        Assert.Empty(Plausibility.Flags([run], Record, fromYear: 2016));
    }
}
