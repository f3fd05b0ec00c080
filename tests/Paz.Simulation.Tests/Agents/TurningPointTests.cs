using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>A replay is held to the years of INEGI's peak and of the trough after it (synthetic series).</summary>
public class TurningPointTests
{
    private static readonly double[] Observed = [100, 150, 200, 240, 230, 200, 180, 190, 220, 260]; // peak in the fourth year, trough three years later

    private static Dictionary<int, YearSummary> Model(params double[] homicides)
    {
        var none = new Band(0, 0, 0);
        return homicides.Select((h, i) => new YearSummary(2007 + i, new Band(h, h, h), none, none, none, none, none, none, none, []))
            .ToDictionary(y => y.Year);
    }

    private static ValidationTargets Targets() =>
        new(Observed.Select((h, i) => (2007 + i, h)).ToDictionary(x => x.Item1, x => x.h), [], [], new Dictionary<int, (double, double, double, double)>());

    [Fact]
    public void APeakAndTroughWithinAYearOfINEGIsPass()
    {
        var checks = Validation.TurningPoints(Model(90, 140, 210, 220, 250, 190, 170, 175, 230, 280), Targets()).ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Value} against {c.Target}"));
    }

    [Fact]
    public void ASeriesThatKeepsRisingHasNoPeakWhereINEGIsIsAndFails()
    {
        var checks = Validation.TurningPoints(Model(100, 120, 140, 160, 180, 200, 220, 240, 260, 280), Targets()).ToList();
        Assert.False(checks[0].Passed);
        Assert.Equal(2013, checks[0].Value); // the model's highest year before the last three
    }
}
