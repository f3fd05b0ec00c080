using Paz.Core.Randomness;

namespace Paz.Simulation.Sensitivity;

/// <summary>One factor's elementary effects (in the unit cube: the output's change per full range of the factor).</summary>
/// <param name="Factor">The factor's name.</param>
/// <param name="MuStar">Mean absolute elementary effect (Campolongo et al. 2007): overall influence.</param>
/// <param name="Mu">Mean elementary effect: its sign says the direction when effects agree.</param>
/// <param name="Sigma">Standard deviation of the effects: interaction or non-linearity.</param>
public sealed record MorrisIndex(string Factor, double MuStar, double Mu, double Sigma);

/// <summary>
/// Morris's elementary-effects screening (Morris 1991, with Campolongo, Cariboni and Saltelli's μ*, 2007): from
/// <c>r</c> random one-at-a-time trajectories through a <c>p</c>-level grid of the unit cube, each factor's effects
/// when it alone moves by Δ = p / (2(p − 1)). Costs r × (k + 1) model runs for k factors, which is why it comes
/// first: it ranks dozens of parameters cheaply, and the variance-based indices (<see cref="SobolIndices"/>) are
/// then spent on the leaders. Written here because no maintained .NET package implements it (MathNet has none).
/// </summary>
public static class MorrisScreening
{
    /// <summary>The points to run: <paramref name="trajectories"/> trajectories of k + 1 points each, in the unit cube.</summary>
    public static IReadOnlyList<double[]> Design(int factors, int trajectories, int levels, Xoshiro256StarStar random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        ArgumentNullException.ThrowIfNull(random);
        if (levels < 2 || levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), "an even number of levels (4 is usual)");
        }

        var delta = Delta(levels);
        var points = new List<double[]>(trajectories * (factors + 1));
        for (var t = 0; t < trajectories; t++)
        {
            // A start on the grid from which each factor's step (up from the lower half, down from the upper) stays inside.
            var x = new double[factors];
            var up = new bool[factors];
            for (var i = 0; i < factors; i++)
            {
                var level = random.NextInt(levels);
                x[i] = level / (double)(levels - 1);
                up[i] = level < levels / 2;
            }

            points.Add((double[])x.Clone());
            foreach (var i in Enumerable.Range(0, factors).OrderBy(_ => random.NextUInt64()))
            {
                x[i] += up[i] ? delta : -delta;
                points.Add((double[])x.Clone());
            }
        }

        return points;
    }

    /// <summary>Each factor's indices from the design and the model's outputs at its points (in order).</summary>
    public static IReadOnlyList<MorrisIndex> Indices(IReadOnlyList<string> factors, IReadOnlyList<double[]> design, IReadOnlyList<double> outputs, int levels)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        var k = factors.Count;
        if (design.Count != outputs.Count || design.Count % (k + 1) != 0)
        {
            throw new ArgumentException("one output per design point, trajectories of k + 1 points", nameof(outputs));
        }

        var effects = Enumerable.Range(0, k).Select(_ => new List<double>()).ToArray();
        for (var start = 0; start < design.Count; start += k + 1)
        {
            for (var step = 1; step <= k; step++)
            {
                var before = design[start + step - 1];
                var after = design[start + step];
                var moved = Enumerable.Range(0, k).Single(i => after[i] != before[i]);
                effects[moved].Add((outputs[start + step] - outputs[start + step - 1]) / (after[moved] - before[moved]));
            }
        }

        return [.. Enumerable.Range(0, k).Select(i =>
        {
            var e = effects[i];
            var mean = e.Average();
            var sigma = e.Count > 1 ? Math.Sqrt(e.Sum(v => (v - mean) * (v - mean)) / (e.Count - 1)) : 0;
            return new MorrisIndex(factors[i], e.Average(Math.Abs), mean, sigma);
        })];
    }

    /// <summary>The step on a grid of <paramref name="levels"/> levels.</summary>
    public static double Delta(int levels) => levels / (2.0 * (levels - 1));
}
