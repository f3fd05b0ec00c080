using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Paz.Data.Engine;
using Paz.Data.Groups;
using Paz.Data.Scenarios;
using Paz.Simulation.Aggregate;
using Paz.Data;
using Paz.Simulation.Agents;
using Paz.Runs.Catalogue;
using Paz.Runs.Execution;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz run</c>: an ensemble of the agent-based engine for one scenario.</summary>
public static class RunCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML): engine: agent (e.g. scenarios/baseline.yaml) or engine: aggregate (e.g. scenarios/peer/prieto-curiel-no-recruitment.yaml)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of tables." };
        var csv = new Option<bool>("--csv") { Description = "Also write monthly homicides per municipality as CSV (Parquet is always written)." };
        var modelErrorOut = new Option<FileInfo?>("--model-error-out") { Description = "Measure the engine's structural error on this run (a replay starting in 2015 or earlier): the yearly steps of the gap between INEGI and the ensemble, 2008-2018 or the run's years after its first, written to this file for paz compare (docs/validity.md)." };
        var modelError = ModelErrorComparison.Option();
        var validate = new Option<bool>("--validate") { Description = "Check the run against INEGI homicides 2015-2018 and the aggregate model's flows; exit 1 if a check fails." };
        var replicates = new Option<int?>("--replicates") { Description = "Override the scenario's ensemble size." };
        var threads = new Option<int>("--threads") { Description = "Replicates run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default runs/<scenario name>)." };
        var posterior = PosteriorOptions.File();
        var point = PosteriorOptions.Point();
        var cluster = ClusterCommand.Option();
        var command = new Command("run", "Run a scenario's ensemble of the agent-based engine in parallel and write monthly homicides per municipality (Parquet), weekly national flows (CSV) and a summary of national homicides per year with the 5th-95th percentile band.")
        {
            scenario, json, csv, validate, modelErrorOut, modelError, replicates, threads, output, posterior, point, cluster, CatalogueOptions.File, CatalogueOptions.Postgres, CatalogueOptions.Rerun,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(scenario)!;
            if (File.Exists(file.FullName) && AgentScenarioReader.EngineOf(file.FullName) == "aggregate")
            {
                return RunAggregate(console, parsed, file, parsed.GetValue(output));
            }

            var spec = ScenarioLoader.Agent(file.FullName, parsed.GetValue(replicates));
            var errorSteps = parsed.GetValue(validate) ? ModelErrorComparison.Find(spec.Files, parsed.GetValue(modelError)) : null;
            if (parsed.GetValue(modelErrorOut) is not null)
            {
                ModelErrorRun.Window(spec); // refused before the run, not after it
            }

            var clusterAt = ClusterCommand.Location(parsed, cluster); // refused before the run, not after it
            var posteriorPath = PosteriorChoice.PathFor(spec, parsed.GetValue(posterior)?.FullName, parsed.GetValue(point));
            var drawn = PosteriorChoice.Usable(spec, PosteriorChoice.Read(posteriorPath), posteriorPath);
            var folder = parsed.GetValue(output)?.FullName ?? Path.Combine("runs", spec.Name);
            var catalogue = CatalogueOptions.Open(parsed, folder);
            // --validate and --model-error-out need the replicates themselves, and --csv files an earlier run may not have written: all run.
            var mustRun = parsed.GetValue(CatalogueOptions.Rerun) || parsed.GetValue(validate) || parsed.GetValue(csv) || parsed.GetValue(modelErrorOut) is not null;
            var key = RunKey.For(spec, posteriorPath);
            var (stored, claim) = catalogue.ClaimAsync(key, folder, "cli", mustRun).GetAwaiter().GetResult();
            if (claim == Claim.Busy)
            {
                console.Error.WriteLine($"paz: {spec.Name}: the catalogue has the same run ({stored.Id}) queued or running since {stored.Created}, perhaps in a process that ended; running it here");
                (stored, _) = catalogue.ClaimAsync(key, folder, "cli", rerun: true).GetAwaiter().GetResult();
            }
            else if (claim == Claim.Served)
            {
                return Served(console, stored, folder, parsed.GetValue(json));
            }

            EnsembleRun run;
            IReadOnlyList<string> files;
            PazDataSet data;
            try
            {
                data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
                run = clusterAt is null ? ScenarioRunner.Run(console, data, spec, parsed.GetValue(threads), drawn) : ClusterCommand.Run(console, data, spec, posteriorPath, clusterAt);
                files = EnsembleJob.WriteAsync(folder, run, parsed.GetValue(csv)).GetAwaiter().GetResult();
                catalogue.FinishAsync(stored.Id).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                catalogue.FailAsync(stored.Id, e.Message).GetAwaiter().GetResult();
                throw;
            }

            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(File.ReadAllText(Path.Combine(folder, "summary.json")));
            }
            else
            {
                WriteTable(console, spec, run.Summary);
                WriteMetrics(console, run.Replicates);
                foreach (var f in files)
                {
                    console.Output.WriteLine($"wrote {f}");
                }

                console.Output.WriteLine($"catalogued as run {stored.Id} in {catalogue.Database.Describe()}");
            }

            if (parsed.GetValue(modelErrorOut) is { } errorFile)
            {
                ModelErrorRun.Write(console, "paz " + string.Join(' ', parsed.Tokens.Select(t => t.Value)), errorFile.FullName, spec, data, run);
            }

            if (!parsed.GetValue(validate))
            {
                return PazApp.Ok;
            }

            var envelope = ValidationTargetsBuilder.Envelope(data);
            var targets = ValidationTargetsBuilder.Build(data, run.Inputs);
            var implausible = Plausibility.Flags(run.Replicates, envelope, targets.CheckedFrom);
            // Bands drawn from a posterior answer the predictive check; a point ensemble's bands are noise and are not checked.
            var observed = ValidationTargetsBuilder.Observed(data, run.Inputs);
            var predictive = drawn is null ? [] : PredictiveCheck.Of(run.Summary, observed, targets.CheckedFrom).Checks();
            if (drawn is not null && errorSteps is { } found)
            {
                predictive = predictive.Concat(ModelErrorRun.PredictiveCheck(found, run, observed, targets.CheckedFrom).Checks());
            }

            var checks = Validation.Check(run.Summary, run.Replicates, run.Inputs, targets)
                .Concat(predictive)
                .Append(new ValidationCheck(
                    string.Create(Invariant, $"one-year changes of national homicides inside INEGI's {envelope.FromYear}-{envelope.ToYear} range ({envelope.Low:+0.0%;-0.0%} to {envelope.High:+0.0%;-0.0%})"),
                    implausible.Count, 0, implausible.Count == 0, "no year outside (count of years outside)"))
                .ToList();
            var table = new Table().Title("Validation against the data and the aggregate model (computed, not typed in)").AddColumns("Check", "Model", "Target", "Rule", "Result");
            foreach (var c in checks)
            {
                var value = c.IsYear ? c.Value.ToString("0", Invariant) : Format(c.Value);
                table.AddRow(
                    Markup.Escape(c.Name),
                    c.StandardError is { } se ? $"{value} ± {se.ToString(Math.Abs(c.Value) >= 1000 ? "N0" : "0.###", Invariant)}" : value,
                    c.IsYear ? c.Target.ToString("0", Invariant) : Format(c.Target),
                    c.Rule,
                    (c.Passed ? "pass" : "FAIL") + (c.NearBound ? " (near)" : string.Empty));
            }

            console.Tables.Write(table);
            var near = checks.Count(c => c.NearBound);
            if (near > 0)
            {
                console.Output.WriteLine(
                    $"near: the bound lies within two standard errors of the ensemble's mean (± one standard error, over its {run.Replicates.Count} replicates); " +
                    "the same scenario at another seed may decide the check the other way, and more replicates (--replicates) narrow the error.");
            }

            PlausibilityNotes.Write(console, spec.Name, implausible, envelope);
            var failed = checks.Count(c => !c.Passed);
            console.Output.WriteLine($"{checks.Count - failed} passed, {failed} failed" + (near > 0 ? $" ({near} near their bound)" : string.Empty));
            return failed == 0 ? PazApp.Ok : 1;
        });
        return command;
    }

    // A rerun of the same scenario, seed, replicates, parameters and code: its stored summary, without running.
    private static int Served(CommandConsole console, StoredRun stored, string folder, bool json)
    {
        var summary = File.ReadAllText(stored.SummaryPath);
        console.Error.WriteLine($"paz: {stored.Scenario}: served from the run catalogue: run {stored.Id}, finished {stored.Finished}, had the same scenario files, seed, {stored.Replicates} replicates, parameters and code (--rerun runs it again)");
        if (Path.GetFullPath(folder) != stored.Outputs)
        {
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(stored.Outputs))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            }

            console.Error.WriteLine($"paz: {stored.Scenario}: copied its outputs from {stored.Outputs} to {Path.GetFullPath(folder)}");
        }

        if (json)
        {
            console.Output.WriteLine(summary);
            return PazApp.Ok;
        }

        using var document = JsonDocument.Parse(summary);
        var table = new Table().Title($"{Markup.Escape(stored.Scenario)}: {stored.Replicates} replicates, seed {stored.Seed} (from the catalogue)").AddColumns("Year", "Homicides (mean)", "5th-95th percentile", "Per 100,000 (mean)");
        foreach (var year in document.RootElement.GetProperty("years").EnumerateArray())
        {
            var homicides = year.GetProperty("homicides");
            table.AddRow(
                year.GetProperty("year").GetInt32().ToString(Invariant),
                homicides.GetProperty("mean").GetDouble().ToString("N0", Invariant),
                string.Create(Invariant, $"{homicides.GetProperty("p5").GetDouble():N0} - {homicides.GetProperty("p95").GetDouble():N0}"),
                year.GetProperty("rate_per_100k").GetProperty("mean").GetDouble().ToString("0.0", Invariant));
        }

        console.Tables.Write(table);
        console.Output.WriteLine($"outputs of run {stored.Id}: {Path.GetFullPath(folder)}");
        return PazApp.Ok;
    }

    // The aggregate model's scenarios (engine: aggregate) run here too: one deterministic run, its
    // summary, and the weekly series under runs/<scenario>/weekly.csv.
    private static int RunAggregate(CommandConsole console, ParseResult parsed, FileInfo file, DirectoryInfo? output)
    {
        var scenario = AggregateScenarioReader.Read(file.FullName);
        var data = DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName);
        var run = scenario.Run(new PrietoCurielModel(GroupNetworkLoader.Load(data)));
        PeerCommand.WriteSummary(console, scenario, run);
        var path = Path.Combine(output?.FullName ?? Path.Combine("runs", scenario.Name), "weekly.csv");
        AtomicFile.Write(path, w => PeerCommand.WriteCsv(w, run));
        console.Output.WriteLine($"wrote {Path.GetFullPath(path)}");
        return PazApp.Ok;
    }

    private static void WriteTable(CommandConsole console, AgentScenario scenario, IReadOnlyList<YearSummary> years)
    {
        var table = new Table().Title($"{Markup.Escape(scenario.Name)}: {scenario.Replicates} replicates, seed {scenario.Seed}")
            .AddColumns("Year", "Homicides (mean)", "5th-95th pct", "Rate /100k", "Members", "Recruits /wk", "Arrests /wk", "Leaders / middle arrested", "Impunity", "Member deaths /wk", "Prisoners", "Groups", "Splits");
        foreach (var y in years)
        {
            table.AddRow(y.Year.ToString(Invariant), y.Homicides.Mean.ToString("N0", Invariant), $"{y.Homicides.P5.ToString("N0", Invariant)} – {y.Homicides.P95.ToString("N0", Invariant)}",
                y.RatePer100k.Mean.ToString("0.0", Invariant), y.Members.Mean.ToString("N0", Invariant), y.Recruits.Mean.ToString("0", Invariant),
                y.Arrests.Mean.ToString("0", Invariant), $"{y.LeadersArrested?.Mean.ToString("0", Invariant)} / {y.MiddleArrested?.Mean.ToString("N0", Invariant)}",
                y.Impunity?.Mean.ToString("P1", Invariant) ?? "–", y.MemberDeaths.Mean.ToString("0", Invariant), y.Prisoners.Mean.ToString("N0", Invariant), y.Groups.Mean.ToString("0", Invariant),
                y.Splits?.Mean.ToString("0", Invariant) ?? "–");
        }

        console.Tables.Write(table);
    }

    // Every national metric the mechanisms recorded, by year, the mean over replicates: a new metric shows here without an edit.
    private static void WriteMetrics(CommandConsole console, IReadOnlyList<ReplicateResult> replicates)
    {
        var rows = replicates.SelectMany(r => r.Metrics?.NationalRows() ?? []).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var table = new Table().Title("Mechanisms' metrics, national (mean over replicates; all levels in metrics.parquet)").AddColumn("Metric");
        foreach (var year in years)
        {
            table.AddColumn(new TableColumn(year.ToString(Invariant)).RightAligned());
        }

        foreach (var metric in rows.GroupBy(r => r.Metric))
        {
            var byYear = metric.GroupBy(r => r.Year).ToDictionary(g => g.Key, g => g.Sum(r => r.Value) / replicates.Count);
            table.AddRow([Markup.Escape(metric.Key), .. years.Select(y => Format(byYear.GetValueOrDefault(y)))]);
        }

        console.Tables.Write(table);
    }

    private static string Format(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", Invariant) : v.ToString("0.###", Invariant);
}
