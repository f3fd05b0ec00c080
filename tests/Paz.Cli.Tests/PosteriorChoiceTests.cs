using System.Text.Json;
using Paz.Cli.Commands;
using Paz.Runs.Posteriors;
using Paz.Core.Parameters;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Inference;

namespace Paz.Cli.Tests;

/// <summary>Which posterior paz run and paz compare draw from: beside the scenario or its base, --posterior, or none with --point.</summary>
public class PosteriorChoiceTests
{
    // A base scenario of three months, a child building on it, and a posterior beside the base whose two particles put
    // the baseline rate of homicides not tied to organizations at its prior's 5th and 95th percentiles (0.6 and 11.4
    // per 100,000) and draw every other parameter from its prior. Synthetic posterior, real data.
    private static (string Folder, string Base, string Child) Scenarios()
    {
        var folder = Directory.CreateTempSubdirectory("paz-posterior-").FullName;
        var basePath = Path.Combine(folder, "short.yaml");
        File.WriteAllText(basePath, "name: short\ndescription: \"a short test run\"\nengine: agent\nstart: 2015-01\nend: 2015-03\nreplicates: 6\nseed: 3\n");
        var child = Path.Combine(folder, "child.yaml");
        File.WriteAllText(child, "name: child\nbase: short.yaml\n");
        var posterior = new PosteriorSample("short", [new FreeParameter("baseline_rate", Prior.Uniform(0, 12))], 4, 2, 0.5, 10,
            new AbcGeneration(2, 1, [new AbcParticle([0.05], 0.5, 0.5, 1), new AbcParticle([0.95], 0.5, 0.5, 2)], 10))
        {
            // Every other parameter with a prior is drawn from it, as paz infer's screen leaves them (a posterior must cover them all).
            FromPrior = [.. Declarations.All.Where(p => p.Prior is not null && p.Name != "baseline_rate").Select(p => new FreeParameter(p.Name, p.Prior!))],
        };
        PosteriorFile.Write(Path.Combine(folder, "short.posterior.json"), posterior);
        return (folder, basePath, child);
    }

    private static double MeanHomicides(PazRun run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("years")[0].GetProperty("homicides").GetProperty("mean").GetDouble();
    }

    [Fact]
    public void AScenarioDrawsFromThePosteriorBesideItsBaseAndPointRunsItsOwnValues()
    {
        var (folder, _, child) = Scenarios();
        var drawn = PazRun.Of("run", child, "--json", "--out", Path.Combine(folder, "drawn"));
        Assert.True(drawn.ExitCode == 0, drawn.Error);
        Assert.Contains("draws 1 parameter from the posterior of short (generation 2, 2 particles: baseline_rate)", drawn.Error, StringComparison.Ordinal);
        Assert.Matches("and [0-9]+ that the data to 2018 do not inform from their priors", drawn.Error);
        var point = PazRun.Of("run", child, "--json", "--point", "--out", Path.Combine(folder, "point"));
        Assert.True(point.ExitCode == 0, point.Error);
        Assert.DoesNotContain("posterior", point.Error, StringComparison.Ordinal);
        Assert.NotEqual(MeanHomicides(point), MeanHomicides(drawn));

        var both = PazRun.Of("run", child, "--point", "--posterior", Path.Combine(folder, "short.posterior.json"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("contradict", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void APosteriorThatPredatesADeclaredParameterIsRefusedNamingIt()
    {
        var (folder, basePath, _) = Scenarios();
        var path = Path.Combine(folder, "short.posterior.json");
        var full = PosteriorFile.Read(path);
        PosteriorFile.Write(path, full with { FromPrior = [.. full.FromPrior.Where(p => p.Name != "police_presence_weight")] });

        var run = PazRun.Of("run", basePath, "--json", "--out", Path.Combine(folder, "old"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("predates the parameters police_presence_weight", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, PazRun.Of("run", basePath, "--json", "--point", "--out", Path.Combine(folder, "point")).ExitCode);
    }

    [Fact]
    public void APosteriorWithoutTheParameterOfAnExplanationTheScenarioDoesNotHoldStillServesIt()
    {
        // The scenario holds fragmentation only: the market's elasticity is read by none of its runs.
        var (folder, basePath, _) = Scenarios();
        var path = Path.Combine(folder, "short.posterior.json");
        var full = PosteriorFile.Read(path);
        Assert.Contains(full.Parameters.Concat(full.FromPrior), p => p.Name == "market_elasticity");
        PosteriorFile.Write(path, full with { FromPrior = [.. full.FromPrior.Where(p => p.Name != "market_elasticity")], Parameters = [.. full.Parameters.Where(p => p.Name != "market_elasticity")] });

        Assert.Equal(0, PazRun.Of("run", basePath, "--json", "--out", Path.Combine(folder, "without-market")).ExitCode);
    }

    [Fact]
    public void APosteriorWithoutAParameterOfAnEarlierStartStillServesALaterStart()
    {
        // home_pull lays out the replay's world before 2015; a 2015 start never reads it. A posterior of a 2007 start
        // without it is still refused (the test above shows the refusal).
        var (folder, basePath, _) = Scenarios();
        var path = Path.Combine(folder, "short.posterior.json");
        var full = PosteriorFile.Read(path);
        PosteriorFile.Write(path, full with { FromPrior = [.. full.FromPrior.Where(p => p.Name != "home_pull")] });
        Assert.Equal(0, PazRun.Of("run", basePath, "--json", "--out", Path.Combine(folder, "without-home")).ExitCode);

        File.WriteAllText(basePath, File.ReadAllText(basePath).Replace("start: 2015-01\nend: 2015-03", "start: 2007-01\nend: 2007-03", StringComparison.Ordinal));
        var early = PazRun.Of("run", basePath, "--json", "--out", Path.Combine(folder, "early"));
        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("predates the parameters home_pull", early.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRefusesScenariosThatWouldDrawFromDifferentPosteriors()
    {
        var (folder, _, child) = Scenarios();
        var alone = Path.Combine(Directory.CreateTempSubdirectory("paz-alone-").FullName, "alone.yaml");
        File.WriteAllText(alone, File.ReadAllText(Path.Combine(folder, "short.yaml")).Replace("name: short", "name: alone", StringComparison.Ordinal));
        var run = PazRun.Of("compare", child, alone, "--out", Path.Combine(folder, "compare.html"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("would not be paired", run.Error, StringComparison.Ordinal);
        Assert.Contains("alone: none", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatingADrawnRunChecksItsBandsAgainstTheObservedYears()
    {
        var (folder, _, child) = Scenarios();
        var run = PazRun.Of("run", child, "--validate", "--out", Path.Combine(folder, "validated"));
        Assert.Contains("posterior predictive", run.Output, StringComparison.Ordinal);
        Assert.Contains("state-years covered by their 90% band", run.Output, StringComparison.Ordinal);
        var point = PazRun.Of("run", child, "--validate", "--point", "--out", Path.Combine(folder, "validated-point"));
        Assert.DoesNotContain("posterior predictive", point.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedScenariosDrawFromBaselinesPosteriorWhichCoversEveryUncertainParameterAndSaysHowItWasMade()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Paz.Data.DataDirectory.Locate().Root)!, "scenarios");
        var expected = Path.Combine(folder, "baseline.posterior.json");
        foreach (var name in new[] { "baseline", "plan-2018", "recommended", "recommended-sequenced" })
        {
            var scenario = Paz.Data.Scenarios.AgentScenarioReader.Read(Path.Combine(folder, $"{name}.yaml"));
            Assert.Equal(expected, PosteriorChoice.Beside(scenario));
            Assert.NotNull(PosteriorChoice.For(scenario, null, point: false)); // no scenario changes a drawn parameter on a date
        }

        // Every parameter with a prior a baseline run reads (a rival explanation it does not hold reads its own none, a
        // 2015 start none of an earlier start's world).
        var posterior = PosteriorFile.Read(expected);
        var baseline = Paz.Data.Scenarios.AgentScenarioReader.Read(Path.Combine(folder, "baseline.yaml"));
        var held = baseline.Timeline.First;
        var withPrior = Declarations.All.Where(s => s.Prior is not null && s.ReadByAStartIn(baseline.Start.Year)).Select(s => s.Name).ToList();
        var covered = posterior.Parameters.Concat(posterior.FromPrior).Select(p => p.Name).ToList();
        Assert.Empty(withPrior.Where(name => !held.BelongsToAnExplanationNotHeld(name)).Except(covered));
        Assert.Empty(covered.Except(withPrior));
        Assert.Equal(posterior.ParticleCount, posterior.Particles.Count);
        Assert.Equal(1, posterior.Particles.Sum(p => p.Weight), 9);
        Assert.Contains(posterior.MadeBy, m => m.StartsWith("paz infer scenarios/baseline.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void AParameterDrawnFromItsPriorTakesThePriorDeclaredNowNotTheOneStoredWithThePosterior()
    {
        var folder = Directory.CreateTempSubdirectory("paz-posterior-").FullName;
        var path = Path.Combine(folder, "old.posterior.json");
        var declared = Paz.Simulation.Mechanisms.GuardOperations.ProactiveArrests.Prior!;
        var stale = Prior.Uniform(0, declared.High * 4);
        PosteriorFile.Write(path, new PosteriorSample("old", [new FreeParameter("baseline_rate", Prior.Uniform(0, 12))], 4, 2, 0.5, 10,
            new AbcGeneration(2, 1, [new AbcParticle([0.5], 1, 0.5, 1)], 10))
        {
            FromPrior = [new FreeParameter("proactive_arrests", stale), new FreeParameter("no_longer_declared", Prior.Uniform(1, 2))],
        });

        var read = PosteriorFile.Read(path);
        Assert.Equal(declared, read.FromPrior[0].Range);
        Assert.Equal(Prior.Uniform(1, 2), read.FromPrior[1].Range);
        Assert.Equal(Prior.Uniform(0, 12), read.Parameters[0].Range); // an inferred parameter keeps the prior it was inferred under
        Directory.Delete(folder, recursive: true);
    }
}
