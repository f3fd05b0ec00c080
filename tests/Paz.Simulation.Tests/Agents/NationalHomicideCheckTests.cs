using Paz.Simulation.Agents;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// A year's national homicides are checked at the ensemble's mean, with the mean's standard error, and a check decided by
/// less than two standard errors says so (synthetic ensembles of one year's national homicides).
/// </summary>
public class NationalHomicideCheckTests
{
    private const int Year = 2010;
    private const double Inegi = 1000;

    // Replicates alternating mean − spread and mean + spread: their mean is mean, their standard deviation spread·√(n/(n−1)).
    private static List<double> Ensemble(int replicates, double mean, double spread) =>
        [.. Enumerable.Range(0, replicates).Select(r => Math.Round(mean + (r % 2 == 0 ? -spread : spread)))];

    private static ValidationCheck Check(IReadOnlyList<double> ensemble)
    {
        var none = new Band(0, 0, 0);
        var byYear = new Dictionary<int, YearSummary> { [Year] = new(Year, Band.Of(ensemble), none, none, none, none, none, none, none, []) };
        var targets = new ValidationTargets(new Dictionary<int, double> { [Year] = Inegi }, [], [], new Dictionary<int, (double, double, double, double)>())
        {
            Tolerance = 0.15,
            CheckedFrom = Year,
        };
        return Assert.Single(Validation.NationalHomicides(byYear, targets));
    }

    [Fact]
    public void TheStandardErrorIsTheReplicatesSpreadOverTheRootOfTheirNumber()
    {
        var check = Check(Ensemble(100, 1000, 100));
        Assert.Equal(100 * Math.Sqrt(100.0 / 99) / 10, check.StandardError!.Value, 6);
    }

    [Fact]
    public void APassByLessThanTwoStandardErrorsIsMarkedNearItsBound()
    {
        // 1,140 against a bound of 1,150: 10 inside, the standard error about 10.
        var check = Check(Ensemble(100, 1140, 100));
        Assert.True(check.Passed);
        Assert.True(check.NearBound);
    }

    [Fact]
    public void TheSamePassWithTenTimesTheReplicatesSpreadSmallerIsNotNear()
    {
        // The same mean, its standard error a tenth: 10 inside is now five standard errors.
        var check = Check(Ensemble(100, 1140, 10));
        Assert.True(check.Passed);
        Assert.False(check.NearBound);
    }

    [Fact]
    public void AFailureByLessThanTwoStandardErrorsIsMarkedNearToo()
    {
        var check = Check(Ensemble(100, 1160, 100));
        Assert.False(check.Passed);
        Assert.True(check.NearBound);
    }

    [Fact]
    public void AMeanBelowINEGIIsMeasuredAgainstTheLowerBound()
    {
        // 855 against the lower bound 850: 5 inside, the standard error about 10.
        var near = Check(Ensemble(100, 855, 100));
        var inside = Check(Ensemble(100, 1000, 100));
        Assert.True(near.Passed && near.NearBound);
        Assert.True(inside.Passed);
        Assert.False(inside.NearBound);
    }

    [Fact]
    public void OneReplicateHasNoStandardErrorAndIsNeverNear()
    {
        var check = Check(Ensemble(1, 1140, 100));
        Assert.Null(check.StandardError);
        Assert.False(check.NearBound);
    }
}
