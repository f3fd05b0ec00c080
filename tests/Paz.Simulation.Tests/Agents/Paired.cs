namespace Paz.Simulation.Tests.Agents;

/// <summary>Comparisons of runs paired by seed: a direction with a margin computed from the runs themselves.</summary>
internal static class Paired
{
    /// <summary>The mean of larger − smaller over the pairs must exceed twice its standard error.</summary>
    public static void AssertLessWithMargin(IReadOnlyList<double> smaller, IReadOnlyList<double> larger, string what)
    {
        var differences = larger.Zip(smaller, (a, b) => a - b).ToList();
        var mean = differences.Average();
        var standardError = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1) / differences.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: smaller {smaller.Average():G4}, larger {larger.Average():G4}, mean difference {mean:G4} ± {standardError:G4} (SE)");
        Assert.True(mean > 2 * standardError,
            $"{what}: mean paired difference {mean:G4} is not above twice its standard error {standardError:G4} (smaller: {string.Join(", ", smaller.Select(x => x.ToString("G4")))}; larger: {string.Join(", ", larger.Select(x => x.ToString("G4")))})");
    }
}
