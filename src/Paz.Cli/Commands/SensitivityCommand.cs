using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Paz.Cluster.Coordinator;
using Paz.Core.Common;
using Paz.Core.Randomness;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Data.Scenarios;
using Paz.Reports.Sensitivity;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Sensitivity;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary>
/// <c>paz sensitivity</c>: which parameters move a scenario's national homicides, by Morris screening over every
/// parameter with a prior (or Sobol' indices over a chosen few), each ranked with whether its value is assumed.
/// </summary>
public static class SensitivityCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (engine: agent), e.g. scenarios/baseline.yaml." };
        var method = new Option<string>("--method") { Description = "morris (screening, r (k + 1) runs) or sobol (first-order and total indices, N (k + 2) runs).", DefaultValueFactory = _ => "morris" };
        var year = new Option<int>("--year") { Description = "The output: national homicides in this year.", DefaultValueFactory = _ => 2018 };
        var parameters = new Option<string?>("--parameters") { Description = "Comma-separated parameters to vary (default: every parameter with a prior; see paz params)." };
        var trajectories = new Option<int>("--trajectories") { Description = "Morris trajectories r.", DefaultValueFactory = _ => 6 };
        var samples = new Option<int>("--samples") { Description = "Sobol' base samples N.", DefaultValueFactory = _ => 64 };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per point, with common seeds.", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the design and of the common random numbers.", DefaultValueFactory = _ => 2019 };
        var threads = new Option<int>("--threads") { Description = "Points run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the indices as JSON." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Write the tornado chart (SVG) here." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the indices as JSON here (what --json prints, with the chart's bars), for paz report (default folder it reads: runs/sensitivity/)." };
        var measure = new Option<string>("--output") { Description = "homicides (national homicides in --year) or promise (the probability that the national rate in --year is at most 4 per 100,000, the plan's promise: use --replicates 4 or more, each point's share of replicates meeting it).", DefaultValueFactory = _ => "homicides" };
        var cluster = ClusterCommand.Option();
        var versus = new Option<FileInfo?>("--versus") { Description = "A second scenario: the output becomes the paired difference scenario − versus (same parameters, same seeds)." };
        var command = new Command("sensitivity", "Rank the parameters by their effect on a scenario's national homicides in a year: Morris screening over every parameter with a prior, or Sobol' indices over a few; assumed parameters are marked, and a tornado chart can be written.")
        {
            scenario, method, year, parameters, trajectories, samples, replicates, seed, threads, json, chart, output, versus, measure, cluster,
        };
        command.SetAction(parsed =>
        {
            var spec = ScenarioLoader.Agent(parsed.GetValue(scenario)!.FullName);
            var factors = Factors(parsed.GetValue(parameters));
            var names = factors.Select(f => f.Name).ToList();
            var random = new Xoshiro256StarStar(parsed.GetValue(seed));
            var sobol = parsed.GetValue(method) switch
            {
                "morris" => false,
                "sobol" => true,
                var other => throw new UsageException($"--method: expected morris or sobol, found '{other}'"),
            };
            var design = sobol
                ? SobolIndices.Design(factors.Count, Positive(parsed.GetValue(samples), "--samples", 2), random)
                : MorrisScreening.Design(factors.Count, Positive(parsed.GetValue(trajectories), "--trajectories", 2), Levels, random);
            var clusterAt = ClusterCommand.Location(parsed, cluster); // refused before the work, not after it
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            using var connection = clusterAt is null ? null : ClusterCommand.Connect(clusterAt);
            // Each scenario resolved from the data as `paz run` does (regions, exit dates of a pullback...); on a cluster its
            // points run on the silos, which resolve it the same way.
            SensitivityTerm Term(AgentScenario scenario, double weight)
            {
                var inputs = EngineInputsBuilder.Build(data, scenario.Start);
                return new SensitivityTerm(new CriminalMarketEngine(inputs), ScenarioResolver.Resolve(scenario, data, inputs).Timeline, weight)
                {
                    Run = connection is null ? null : ClusterCandidates.Runner(connection.Grains, scenario, factors),
                };
            }

            var terms = new List<SensitivityTerm> { Term(spec, 1) };
            var subject = spec.Name;
            if (parsed.GetValue(versus) is { } against)
            {
                var second = ScenarioLoader.Agent(against.FullName);
                terms.Add(Term(second, -1));
                subject = $"{spec.Name} − {second.Name}";
            }

            var outputYear = parsed.GetValue(year);
            console.Error.WriteLine(string.Create(Invariant, $"paz: sensitivity of {subject}: {factors.Count} parameters, {design.Count} points × {parsed.GetValue(replicates)} replicates × {terms.Count} scenarios to {outputYear}"));
            var kind = parsed.GetValue(measure) switch
            {
                "homicides" => SensitivityOutput.Homicides,
                "promise" => SensitivityOutput.MeetsPromise,
                var other => throw new UsageException($"--output: expected homicides or promise, found '{other}'"),
            };
            var promise = kind == SensitivityOutput.MeetsPromise;
            var outputs = LongWork.Run(console, "sensitivity", "runs", design.Count,
                progress => EngineSensitivity.Evaluate(terms, factors, design, outputYear, Positive(parsed.GetValue(replicates), "--replicates", 1), parsed.GetValue(seed), connection?.InFlight ?? parsed.GetValue(threads), progress, kind));

            // How far the output itself ranges over the design: whether a conclusion (a sign, a threshold) holds across the priors.
            var sorted = outputs.Order().ToArray();
            var spread = new
            {
                mean = outputs.Average(),
                p5 = sorted[(int)Math.Floor(0.05 * (sorted.Length - 1))],
                p95 = sorted[(int)Math.Ceiling(0.95 * (sorted.Length - 1))],
                below_zero = outputs.Count(o => o < 0) / (double)outputs.Length,
            };
            console.Error.WriteLine(promise
                ? string.Create(Invariant, $"paz: over the design's {outputs.Length} points (spread across the priors, not a posterior): the probability of at most {YearSummary.PromisedRate} per 100,000 in {outputYear} averages {spread.mean:0.000} (5th-95th {spread.p5:0.000} to {spread.p95:0.000}); it is above zero at {outputs.Count(o => o > 0) / (double)outputs.Length:P0} of them")
                : string.Create(Invariant, $"paz: over the design's {outputs.Length} points (spread across the priors, not a posterior): mean {spread.mean:N0}, 5th-95th {spread.p5:N0} to {spread.p95:N0}, below zero at {spread.below_zero:P0} of them"));

            var assumed = factors.ToDictionary(f => f.Name, f => Declarations.All.Single(s => s.Name == f.Name).Source.StartsWith("assumed", StringComparison.OrdinalIgnoreCase));
            IReadOnlyList<TornadoBar> bars;
            object rows;
            var title = promise
                ? string.Create(Invariant, $"{subject}: probability of at most {YearSummary.PromisedRate} per 100,000 in {outputYear}")
                : string.Create(Invariant, $"{subject}: national homicides {outputYear}");
            if (sobol)
            {
                var indices = SobolIndices.Indices(names, outputs, random).OrderByDescending(i => i.Total).ToList();
                var table = new Table().Title($"Sobol' indices, {Markup.Escape(title)}").AddColumns("Parameter", "Total ST (90%)", "First S (90%)", "Value");
                foreach (var i in indices)
                {
                    table.AddRow(i.Factor, string.Create(Invariant, $"{i.Total:0.000} ({i.TotalLow:0.000}-{i.TotalHigh:0.000})"), string.Create(Invariant, $"{i.First:0.000} ({i.FirstLow:0.000}-{i.FirstHigh:0.000})"), assumed[i.Factor] ? "assumed" : "sourced");
                }

                if (!parsed.GetValue(json))
                {
                    console.Tables.Write(table);
                }

                bars = [.. indices.Select(i => new TornadoBar(i.Factor, i.Total, i.First, assumed[i.Factor]))];
                rows = indices.Select(i => new { parameter = i.Factor, total = i.Total, total_low = i.TotalLow, total_high = i.TotalHigh, first = i.First, first_low = i.FirstLow, first_high = i.FirstHigh, assumed = assumed[i.Factor] });
            }
            else
            {
                var indices = MorrisScreening.Indices(names, design, outputs, Levels).OrderByDescending(i => i.MuStar).ToList();
                var table = new Table().Title($"Morris screening, {Markup.Escape(title)} ({(promise ? "probability" : "homicides")} per full prior range)").AddColumns("Parameter", "mu*", "mu", "sigma", "Prior", "Value");
                var format = promise ? "0.000" : "N0";
                foreach (var i in indices)
                {
                    table.AddRow(i.Factor, i.MuStar.ToString(format, Invariant), i.Mu.ToString(format, Invariant), i.Sigma.ToString(format, Invariant), factors.Single(f => f.Name == i.Factor).Range.ToString(), assumed[i.Factor] ? "assumed" : "sourced");
                }

                if (!parsed.GetValue(json))
                {
                    console.Tables.Write(table);
                }

                bars = [.. indices.Select(i => new TornadoBar(i.Factor, i.MuStar, i.Sigma, assumed[i.Factor]))];
                rows = indices.Select(i => new { parameter = i.Factor, mu_star = i.MuStar, mu = i.Mu, sigma = i.Sigma, prior = factors.Single(f => f.Name == i.Factor).Range.ToString(), assumed = assumed[i.Factor] });
            }

            var valueLabel = sobol ? "total index ST" : promise ? "mu* (probability)" : "mu* (homicides)";
            var spreadLabel = sobol ? "first-order S" : "sigma";
            var document = JsonSerializer.Serialize(new
            {
                scenario = subject, method = sobol ? "sobol" : "morris", output_kind = promise ? "promise" : "homicides", year = outputYear, runs = design.Count * parsed.GetValue(replicates) * terms.Count, seed = parsed.GetValue(seed), output = spread, indices = rows,
                chart = new { title, value_label = valueLabel, spread_label = spreadLabel, bars = bars.Select(b => new { parameter = b.Name, value = b.Value, spread = b.Spread, assumed = b.Assumed }) },
            });
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(document);
            }

            if (parsed.GetValue(output) is { } stored)
            {
                AtomicFile.Write(stored.FullName, w => w.Write(document));
                console.Error.WriteLine($"paz: indices written to {stored.FullName}");
            }

            if (parsed.GetValue(chart) is { } file)
            {
                File.WriteAllText(file.FullName, TornadoChart.Svg(bars, title, valueLabel, spreadLabel));
                console.Error.WriteLine($"paz: tornado chart written to {file.FullName}");
            }

            return PazApp.Ok;
        });
        return command;
    }

    private const int Levels = 4;

    private static int Positive(int value, string option, int least) =>
        value >= least ? value : throw new UsageException(string.Create(Invariant, $"{option}: expected at least {least}, found {value}"));

    private static List<FreeParameter> Factors(string? list) =>
        string.IsNullOrWhiteSpace(list) ? UncertainParameters.All() : UncertainParameters.Named(list);
}
