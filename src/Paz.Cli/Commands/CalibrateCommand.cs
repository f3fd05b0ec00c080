using System.CommandLine;
using System.Globalization;
using System.Text;
using Paz.Cluster.Coordinator;
using Paz.Data.Engine;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Runs.Execution;
using Paz.Simulation.Agents;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz calibrate</c>: fit the engine's free parameters to 2015-2018 and write them into the scenario.</summary>
public static class CalibrateCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file to calibrate and update (engine: agent), e.g. scenarios/baseline.yaml." };
        var search = new Option<int>("--search") { Description = "Candidates drawn in the global phase.", DefaultValueFactory = _ => 24 };
        var refine = new Option<int>("--refine") { Description = "Most Nelder-Mead iterations (each one to a few candidates).", DefaultValueFactory = _ => 40 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the search and of the common random numbers.", DefaultValueFactory = _ => 2018 };
        var threads = new Option<int>("--threads") { Description = "Candidates evaluated in parallel in the global phase.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the fit without writing it into the scenario file." };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per candidate, with common seeds (more: less noise, slower).", DefaultValueFactory = _ => 2 };
        var cluster = ClusterCommand.Option();
        var command = new Command("calibrate", "Fit the engine's free parameters (the nine declared fitted and the scenario's 'fit' list, at most 15; none indexed by year or place) to national homicides from the scenario's start to 2018, the spatial pattern of 2018 and, from a 2015 start, the aggregate model's membership and member deaths, by a seeded global search and Nelder-Mead; write the fitted values and fit statistics into the scenario file.")
        {
            scenario, search, refine, seed, threads, dryRun, replicates, cluster,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(scenario)!;
            var perCandidate = parsed.GetValue(replicates);
            if (perCandidate is < 1 or > 16)
            {
                throw new UsageException(string.Create(Invariant, $"--replicates: expected 1 to 16, found {perCandidate}"));
            }

            var spec = ScenarioLoader.Agent(file.FullName);
            if (spec.Start > new DateOnly(2015, 1, 1))
            {
                throw new UsageException("calibration fits the years from the start to 2018: the scenario must start in 2015-01 or earlier");
            }

            var clusterAt = ClusterCommand.Location(parsed, cluster); // refused before the work, not after it
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            // The scenario as paz run and the silos run it (resolved against the data).
            var prepared = EnsembleJob.Prepare(data, spec);
            var targets = ValidationTargetsBuilder.Build(data, prepared.Inputs);
            var engine = new CriminalMarketEngine(prepared.Inputs);
            var free = spec.FreeParameters;
            // The search's candidates and the scenario's own values, Nelder-Mead's first simplex, and about two a step.
            var total = parsed.GetValue(search) + 1 + (free.Count + 1) + (2 * parsed.GetValue(refine));
            using var connection = clusterAt is null ? null : ClusterCommand.Connect(clusterAt);
            var run = connection is null ? null : ClusterCandidates.Runner(connection.Grains, spec, free);
            // On a cluster, as many candidates in flight as keep its silos busy.
            var parallel = connection?.InFlight ?? parsed.GetValue(threads);
            var result = LongWork.Run(console, $"calibrate {spec.Name}{(connection is null ? string.Empty : " on the cluster")}", "runs (about)", total, (Func<(int Done, double Best), int>)(p => p.Done), p => string.Create(Invariant, $"best objective {p.Best:0.0000}"),
                progress => Calibration.Fit(engine, prepared.Scenario.Timeline, targets, free, parsed.GetValue(seed), parsed.GetValue(search), parsed.GetValue(refine), parallel, progress, perCandidate, run));

            var table = new Table().Title($"Calibration of {Markup.Escape(spec.Name)}: objective {result.Objective.ToString("0.0000", Invariant)} after {result.Evaluations} runs").AddColumns("Parameter", "Before", "Fitted", "Range searched");
            foreach (var f in free)
            {
                table.AddRow(f.Name, spec.Settings.Get(f.Name).ToString("G4", Invariant), result.Parameters.Get(f.Name).ToString("G4", Invariant), $"{f.Range.Low.ToString("G3", Invariant)} .. {f.Range.High.ToString("G3", Invariant)}{(f.Range.Shape == Core.Parameters.PriorShape.LogUniform ? " (log)" : string.Empty)}");
            }

            console.Tables.Write(table);
            foreach (var (year, error) in result.YearErrors)
            {
                console.Output.WriteLine(string.Create(Invariant, $"national homicides {year}: {error:+0.0%;-0.0%} against INEGI (one replicate of the fit's common seeds)"));
            }

            if (!parsed.GetValue(dryRun))
            {
                AtomicFile.Write(file.FullName, w => w.Write(Rewrite(File.ReadAllLines(file.FullName), result, free, targets, parsed.GetValue(seed), perCandidate)));
                console.Output.WriteLine($"wrote the fitted parameters into {file.FullName}; check them with: paz run {file.Name} --validate");
            }

            return PazApp.Ok;
        });
        return command;
    }

    // Writes the fitted values into the scenario, keeping everything else it says (ScenarioFileEditor).
    private static string Rewrite(string[] lines, CalibrationResult result, IReadOnlyList<FreeParameter> free, ValidationTargets targets, ulong seed, int replicates)
    {
        var header = new[]
        {
            string.Create(Invariant, $"# Fitted by paz calibrate (seeded search + Nelder-Mead, seed {seed}) to INEGI homicides {targets.FirstYear}-{targets.LastYear},"),
            targets.Aggregate.Count > 0
                ? string.Create(Invariant, $"# the {targets.LastYear} spatial pattern and the aggregate model's membership and member deaths. Parameters not")
                : string.Create(Invariant, $"# and the {targets.LastYear} spatial pattern. Parameters not"),
            "# listed keep their defaults (paz params: default, unit, source, range).",
        };
        var values = free.Select(f => KeyValuePair.Create(f.Name, result.Parameters.Get(f.Name))).ToList();
        var calibration = new List<KeyValuePair<string, string>>
        {
            new("objective", result.Objective.ToString("G6", Invariant)),
            new("evaluations", result.Evaluations.ToString(Invariant)),
            new("replicates", replicates.ToString(Invariant)),
            new("seed", seed.ToString(Invariant)),
        };
        calibration.AddRange(result.YearErrors.Select(e => KeyValuePair.Create($"error_{e.Key}", e.Value.ToString("G4", Invariant))));
        return ScenarioFileEditor.WithParameters(lines, values, calibration, header);
    }
}
