using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Paz.Data.Engine;
using Paz.Data.Groups;
using Paz.Data.Scenarios;
using Paz.Simulation.Aggregate;
using Paz.Data;
using Paz.Simulation.Agents;
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
        var validate = new Option<bool>("--validate") { Description = "Check the run against INEGI homicides 2015-2018 and the aggregate model's flows; exit 1 if a check fails." };
        var replicates = new Option<int?>("--replicates") { Description = "Override the scenario's ensemble size." };
        var threads = new Option<int>("--threads") { Description = "Replicates run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default runs/<scenario name>)." };
        var posterior = PosteriorChoice.FileOption();
        var point = PosteriorChoice.PointOption();
        var command = new Command("run", "Run a scenario's ensemble of the agent-based engine in parallel and write monthly homicides per municipality (Parquet), weekly national flows (CSV) and a summary of national homicides per year with the 5th-95th percentile band.")
        {
            scenario, json, csv, validate, replicates, threads, output, posterior, point,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(scenario)!;
            if (File.Exists(file.FullName) && AgentScenarioReader.EngineOf(file.FullName) == "aggregate")
            {
                return RunAggregate(console, parsed, file, parsed.GetValue(output));
            }

            var spec = ScenarioLoader.Agent(file.FullName, parsed.GetValue(replicates));
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var drawn = PosteriorChoice.For(spec, parsed.GetValue(posterior), parsed.GetValue(point));
            var run = ScenarioRunner.Run(console, data, spec, parsed.GetValue(threads), drawn);
            var folder = parsed.GetValue(output)?.FullName ?? Path.Combine("runs", spec.Name);
            var files = RunWriter.WriteAsync(folder, run.Scenario.Name, run.Inputs, run.Replicates, parsed.GetValue(csv), run.RegionOf).GetAwaiter().GetResult().ToList();
            var summaryJson = JsonSerializer.Serialize(Summary(spec, run.Summary), AtlasCommand.Json);
            var summaryPath = Path.Combine(folder, "summary.json");
            AtomicFile.Write(summaryPath, w => w.Write(summaryJson));
            files.Add(summaryPath);
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(summaryJson);
            }
            else
            {
                WriteTable(console, spec, run.Summary);
                WriteMetrics(console, run.Replicates);
                foreach (var f in files)
                {
                    console.Output.WriteLine($"wrote {f}");
                }
            }

            if (!parsed.GetValue(validate))
            {
                return PazApp.Ok;
            }

            var envelope = ValidationTargetsBuilder.Envelope(data);
            var implausible = Plausibility.Flags(run.Replicates, envelope);
            var targets = ValidationTargetsBuilder.Build(data, run.Inputs);
            // Bands drawn from a posterior answer the predictive check; a point ensemble's bands are noise and are not checked.
            var predictive = drawn is null ? [] : PredictiveCheck.Of(run.Summary, ValidationTargetsBuilder.Observed(data, run.Inputs), targets.CheckedFrom).Checks();
            var checks = Validation.Check(run.Summary, run.Replicates, run.Inputs, targets)
                .Concat(predictive)
                .Append(new ValidationCheck(
                    string.Create(Invariant, $"one-year changes of national homicides inside INEGI's {envelope.FromYear}-{envelope.ToYear} range ({envelope.Low:+0.0%;-0.0%} to {envelope.High:+0.0%;-0.0%})"),
                    implausible.Count, 0, implausible.Count == 0, "no year outside (count of years outside)"))
                .ToList();
            var table = new Table().Title("Validation against the data and the aggregate model (computed, not typed in)").AddColumns("Check", "Model", "Target", "Rule", "Result");
            foreach (var c in checks)
            {
                table.AddRow(Markup.Escape(c.Name), c.IsYear ? c.Value.ToString("0", Invariant) : Format(c.Value), c.IsYear ? c.Target.ToString("0", Invariant) : Format(c.Target), c.Rule, c.Passed ? "pass" : "FAIL");
            }

            console.Tables.Write(table);
            PlausibilityNotes.Write(console, spec.Name, implausible, envelope);
            var failed = checks.Count(c => !c.Passed);
            console.Output.WriteLine($"{checks.Count - failed} passed, {failed} failed");
            return failed == 0 ? PazApp.Ok : 1;
        });
        return command;
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

    internal static object Summary(AgentScenario scenario, IReadOnlyList<YearSummary> years) => new
    {
        scenario = scenario.Name,
        replicates = scenario.Replicates,
        seed = scenario.Seed,
        years = years.Select(y => new
        {
            year = y.Year,
            homicides = Band(y.Homicides),
            rate_per_100k = Band(y.RatePer100k),
            members = Band(y.Members),
            weekly_recruits = Band(y.Recruits),
            weekly_arrests = Band(y.Arrests),
            weekly_member_deaths = Band(y.MemberDeaths),
            prisoners = Band(y.PrisonPopulation),
            prisoners_pretrial = Band(y.PrisonPretrial),
            member_prisoners = Band(y.Prisoners),
            prison_recruits = Band(y.PrisonRecruits),
            amnesty = y.Amnesty is { } a ? new { applications = Band(a.Applications), granted = Band(a.Granted), denied = Band(a.Denied), released = Band(a.Released), revoked = Band(a.Revoked), reoffended = Band(a.Reoffended) } : null,
            groups = Band(y.Groups),
            share_at_most_4_per_100k = y.ShareMeetingPromise,
            leaders_arrested = Band(y.LeadersArrested),
            middle_layer_arrested = Band(y.MiddleArrested),
            foot_soldiers_and_lookouts_arrested = Band(y.LowerArrested),
            convictions = Band(y.Convictions),
            impunity = Band(y.Impunity),
            splits = Band(y.Splits),
            sweeps_done = Band(y.SweepsDone),
            sweeps_failed = Band(y.SweepsFailed),
            police = Band(y.Police),
            states = y.States.Select(s => new { cve_ent = s.State, homicides = Band(s.Homicides) }),
        }),
    };

    private static object? Band(Band? b) => b is null ? null : new { mean = b.Mean, p5 = b.P5, p95 = b.P95 };

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
