using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The engine's structural error carried into a forecast: estimated from the fitting window only, honest out of it.</summary>
public class ModelDiscrepancyTests
{
    // Synthetic series (not real data): one state, an engine that simulates a constant count, and an observed count
    // that wanders from it as a log random walk.
    private static (Forecast Window, Forecast Later, ObservedHomicides Seen, ObservedHomicides All) Wandering(ulong seed, double step, int windowYears, int laterYears)
    {
        var random = new Xoshiro256StarStar(seed);
        var years = Enumerable.Range(2000, windowYears + laterYears).ToArray();
        var log = Math.Log(1000.0);
        var observed = new Dictionary<int, double>();
        foreach (var y in years)
        {
            log += step * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (random.NextDouble() + Math.ScaleB(1, -54)) * (1 - Math.ScaleB(1, -53)));
            observed[y] = Math.Exp(log);
        }

        Forecast Flat(IEnumerable<int> span) => new(
            "engine",
            span.ToDictionary(y => y, _ => new[] { 990.0, 1010.0 }),
            span.ToDictionary(y => y, _ => new[] { new[] { 990.0 }, new[] { 1010.0 } }));
        var all = new ObservedHomicides(observed, observed.ToDictionary(x => x.Key, x => new[] { x.Value }), observed.ToDictionary(x => x.Key, x => new[] { x.Value }));
        var origin = years[windowYears - 1];
        return (Flat(years.Take(windowYears)), Flat(years.Skip(windowYears)), all.Through(origin), all);
    }

    [Fact]
    public void TheErrorStartsFromTheOriginsGapAndStepsAsTheWindowsGapDid()
    {
        // Simulated 100 every year; observed 100, 200, 100: gaps 0, ln 2, 0 (of count + 1, nearly).
        var window = new Forecast("engine", Enumerable.Range(2014, 3).ToDictionary(y => y, _ => new[] { 100.0 }), Enumerable.Range(2014, 3).ToDictionary(y => y, _ => new[] { new[] { 100.0 } }));
        var national = new Dictionary<int, double> { [2014] = 100, [2015] = 200, [2016] = 100 };
        var seen = new ObservedHomicides(national, national.ToDictionary(x => x.Key, x => new[] { x.Value }), national.ToDictionary(x => x.Key, x => new[] { x.Value }));
        var error = ModelDiscrepancy.Estimate(window, seen);

        var jump = Math.Log(201.0 / 101.0);
        Assert.Equal(0, error.NationalAtOrigin, 12);
        Assert.Equal(jump, error.NationalStep, 12); // two changes of ±ln(201/101): mean square jump²
        Assert.Equal(jump, error.StateSteps[0], 12); // one state: its own value and the pool agree
    }

    [Fact]
    public void TheBandWidensWithTheHorizonAroundTheAnchoredForecast()
    {
        var (window, later, seen, _) = Wandering(seed: 3, step: 0.2, windowYears: 8, laterYears: 4);
        var error = ModelDiscrepancy.Estimate(window, seen);
        var forecast = error.Apply(later, paths: 500, seed: 9);

        var widths = forecast.Years.Select(y => Band.Of(forecast.National[y])).Select(b => Math.Log(b.P95 / b.P5)).ToList();
        Assert.True(widths.Zip(widths.Skip(1)).All(w => w.Second > w.First), string.Join(", ", widths));
        // The median of the error's paths is the engine's forecast moved by the origin's gap: the anchored forecast.
        var origin = seen.LastYear;
        var anchored = (1000 + 1) * Math.Exp(Math.Log(seen.National[origin] + 1) - Math.Log(1000 + 1)) - 1;
        var first = forecast.National[origin + 1].Order().ToArray();
        Assert.InRange(first[first.Length / 2], anchored * 0.95, anchored * 1.05);
        Assert.Equal(later.National[origin + 1].Length * 500, first.Length);
    }

    [Fact]
    public void ABandWithTheModelErrorCoversAFutureThatWandersAsTheWindowDid()
    {
        // 200 synthetic histories: fitted on ten years, scored on the next four. The flat engine alone covers little;
        // with the error its 90% bands cover near 90% of the later years.
        int covered = 0, coveredRaw = 0, cases = 0;
        for (var trial = 0UL; trial < 200; trial++)
        {
            var (window, later, seen, all) = Wandering(trial, step: 0.15, windowYears: 10, laterYears: 4);
            var forecast = ModelDiscrepancy.Estimate(window, seen).Apply(later, paths: 50, seed: trial);
            foreach (var y in later.Years)
            {
                cases++;
                covered += Band.Of(forecast.National[y]).Covers(all.National[y]) ? 1 : 0;
                coveredRaw += Band.Of(later.National[y]).Covers(all.National[y]) ? 1 : 0;
            }
        }

        var share = covered / (double)cases;
        Assert.InRange(share, 0.80, 0.97);
        Assert.True(coveredRaw / (double)cases < 0.2, $"the engine alone covered {coveredRaw} of {cases}");
    }

    [Fact]
    public void TheSameSeedDrawsTheSamePaths()
    {
        var (window, later, seen, _) = Wandering(seed: 4, step: 0.2, windowYears: 5, laterYears: 3);
        var error = ModelDiscrepancy.Estimate(window, seen);
        var a = error.Apply(later, paths: 7, seed: 11);
        var b = error.Apply(later, paths: 7, seed: 11);
        var c = error.Apply(later, paths: 7, seed: 12);
        Assert.Equal(a.National[2007], b.National[2007]);
        Assert.NotEqual(a.National[2007], c.National[2007]);
    }
}
