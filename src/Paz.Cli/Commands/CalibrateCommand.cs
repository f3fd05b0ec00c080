using System.CommandLine;
using System.Globalization;
using System.Text;
using Paz.Data.Engine;
using Paz.Data;
using Paz.Data.Scenarios;
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
        var command = new Command("calibrate", "Fit the engine's free parameters (the nine declared fitted and the scenario's 'fit' list, at most 14; none indexed by year or place) to national homicides from the scenario's start to 2018, the spatial pattern of 2018 and, from a 2015 start, the aggregate model's membership and member deaths, by a seeded global search and Nelder-Mead; write the fitted values and fit statistics into the scenario file.")
        {
            scenario, search, refine, seed, threads, dryRun, replicates,
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

            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var inputs = EngineInputsBuilder.Build(data, spec.Start);
            var targets = ValidationTargetsBuilder.Build(data, inputs);
            var engine = new CriminalMarketEngine(inputs);
            var total = parsed.GetValue(search) + (2 * parsed.GetValue(refine));
            var free = spec.FreeParameters;
            var result = LongWork.Run(console, $"calibrate {spec.Name}", "runs (about)", total, (Func<(int Done, double Best), int>)(p => p.Done), p => string.Create(Invariant, $"best objective {p.Best:0.0000}"),
                progress => Calibration.Fit(engine, spec.Timeline, targets, free, parsed.GetValue(seed), parsed.GetValue(search), parsed.GetValue(refine), parsed.GetValue(threads), progress, perCandidate));

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
