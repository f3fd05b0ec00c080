using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using Paz.Core.Violence;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Reports.Report;
using Paz.Simulation.Agents;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz report</c>: run scenarios as <c>paz compare</c> does and write the analyst's report, HTML and PDF.</summary>
public static class ReportCommand
{
    /// <summary>The scenario difference maps are drawn against, when it is among those run.</summary>
    public const string DefaultReference = "plan-2018";

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenarios = new Argument<FileInfo[]>("scenarios") { Description = "Scenario files (engine: agent).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for report.html and report.pdf.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("runs", "report")) };
        var year = new Option<int>("--year") { Description = "The year the summary, maps and tables read.", DefaultValueFactory = _ => YearSummary.PromiseYear };
        var reference = new Option<string?>("--against") { Description = $"The scenario the difference maps are drawn against (default: {DefaultReference} when run, else the first)." };
        var replicates = new Option<int?>("--replicates") { Description = "Override every scenario's ensemble size." };
        var threads = new Option<int>("--threads") { Description = "Replicates run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var posterior = PosteriorOptions.File();
        var point = PosteriorOptions.Point();
        var modelError = ModelErrorComparison.Option();
        var backtest = new Option<FileInfo?>("--backtest") { Description = $"The backtest (backtest.json of paz backtest) whose scores the report shows (default {ReportEvidence.DefaultBacktest} if it exists)." };
        var sensitivity = new Option<FileInfo[]>("--sensitivity") { Description = $"Sensitivity indices (paz sensitivity --out) whose tornadoes the report shows (default every JSON file in {ReportEvidence.DefaultSensitivityFolder}).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", "Run scenarios and write the analyst's report: a summary a minister can read (levers with the passages they encode, headline outcomes with intervals, paired differences and whether they survive the uncertainty), the national fan chart, maps by state and municipality of each scenario and of its difference from the plan as announced, a table by state, every pillar's outputs and the provenance; one self-contained HTML file and its PDF (Debian's chromium).")
        {
            scenarios, output, year, reference, replicates, threads, posterior, point, modelError, backtest, sensitivity,
        };
        command.SetAction(parsed =>
        {
            var files = parsed.GetValue(scenarios)!;
            var when = parsed.GetValue(year);
            // Read before hours of runs, so that a malformed file stops the command at once.
            var backtestEvidence = ReportEvidence.Backtest(parsed.GetValue(backtest));
            var sensitivityEvidence = ReportEvidence.Sensitivity(parsed.GetValue(sensitivity));
            var comparison = ScenarioComparison.Run(console, files, parsed.GetValue(PazApp.DataOption)?.FullName,
                parsed.GetValue(replicates), parsed.GetValue(threads), parsed.GetValue(posterior), parsed.GetValue(point), parsed.GetValue(modelError), when);
            if (comparison.Outcomes.Any(o => o.Years.All(y => y.Year != when)))
            {
                throw new UsageException($"--year {when}: not every scenario runs through it ({string.Join(", ", comparison.Outcomes.Select(o => $"{o.Name}: {o.Years[0].Year}-{o.Years[^1].Year}"))})");
            }

            var names = comparison.Outcomes.Select(o => o.Name).ToList();
            var against = parsed.GetValue(reference) ?? (names.Contains(DefaultReference) ? DefaultReference : names[0]);
            if (!names.Contains(against))
            {
                throw new UsageException($"--against {against}: not among the scenarios run ({string.Join(", ", names)})");
            }

            var data = comparison.Data;
            var observedYear = comparison.Observed.Keys.Max();
            var input = new ReportInput(
                data.Atlas,
                when,
                [.. comparison.Runs.Select((run, i) => Scenario(run, comparison.Outcomes[i], files[i], when))],
                against,
                comparison.Differences,
                comparison.Observed,
                ObservedStateRates(data, observedYear),
                observedYear,
                comparison.UncertaintyNote,
                typeof(ReportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
                comparison.Drawn is null ? "Parameters at the scenarios' point values (--point)." : $"Parameters drawn from the posterior of {comparison.Drawn.Scenario} ({comparison.Drawn.Simulations:N0} simulations; made by: {string.Join("; ", comparison.Drawn.MadeBy)}).")
            {
                Backtest = backtestEvidence,
                Sensitivity = sensitivityEvidence,
                ModelErrorSection = comparison.ModelError is { } error ? Paz.Reports.Compare.ModelErrorSection.Html(error.Outlooks, error.Source, when) : null,
            };

            WriteHeadline(console, comparison, when);
            foreach (var o in comparison.Outcomes)
            {
                PlausibilityNotes.Write(console, o.Name, o.Implausible, comparison.Envelope);
            }

            var folder = parsed.GetValue(output)!;
            var html = Path.Combine(folder.FullName, "report.html");
            AtomicFile.Write(html, w => w.Write(AnalystReport.Html(input)));
            console.Output.WriteLine($"wrote {html}");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            if (PdfPrinter.TryPrint(html, pdf, out var reason))
            {
                console.Output.WriteLine($"wrote {pdf}");
            }
            else
            {
                console.Error.WriteLine($"paz: report: no PDF: {reason}; the HTML report is complete");
            }

            return PazApp.Ok;
        });
        return command;
    }

    // The summary's first lines on the console: each scenario's rate in the year and the paired differences.
    private static void WriteHeadline(CommandConsole console, ScenarioComparison comparison, int year)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var table = new Table().Title(string.Create(invariant, $"Homicides per 100,000 in {year} (mean, 5th-95th percentile). {comparison.UncertaintyNote}"))
            .AddColumns("Scenario", "Rate", "Homicides", $"At most {YearSummary.PromisedRate:0} per 100,000");
        foreach (var o in comparison.Outcomes)
        {
            var y = o.Years.First(x => x.Year == year);
            table.AddRow(Markup.Escape(o.Name), string.Create(invariant, $"{y.RatePer100k.Mean:0.0} ({y.RatePer100k.P5:0.0}–{y.RatePer100k.P95:0.0})"),
                string.Create(invariant, $"{y.Homicides.Mean:N0} ({y.Homicides.P5:N0}–{y.Homicides.P95:N0})"), string.Create(invariant, $"{y.ShareMeetingPromise:P0} of {o.Replicates}"));
        }

        console.Tables.Write(table);
        foreach (var d in comparison.Differences)
        {
            console.Output.WriteLine(string.Create(invariant, $"{d.Scenario} − {d.Against}, {d.Year}: {d.Difference.Mean:N0} ({d.Difference.P5:N0} to {d.Difference.P95:N0}), below zero in {d.ShareBelowZero:P0} of {d.Pairs} pairs"));
        }
    }

    // A scenario's report inputs: its levers and passages, its mean rates by state and municipality in the year.
    private static ReportScenario Scenario(EnsembleRun run, Paz.Reports.Compare.ScenarioOutcome outcome, FileInfo file, int year)
    {
        var inputs = run.Inputs;
        var n = inputs.MunicipalityCount;
        var municipal = new Dictionary<string, double>(StringComparer.Ordinal);
        var homicides = new Dictionary<string, double>(StringComparer.Ordinal);
        var people = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var m = 0; m < n; m++)
        {
            var mean = run.Replicates.Average(r => (double)r.Homicides(m, year));
            var population = inputs.PopulationIn(m, year);
            var code = inputs.Municipalities[m];
            var state = code[..2];
            homicides[state] = homicides.GetValueOrDefault(state) + mean;
            people[state] = people.GetValueOrDefault(state) + population;
            if (population > 0)
            {
                municipal[code] = mean * 100_000 / population;
            }
        }

        var states = homicides.Where(kv => people[kv.Key] > 0).ToDictionary(kv => kv.Key, kv => kv.Value * 100_000 / people[kv.Key], StringComparer.Ordinal);
        return new ReportScenario(outcome, ScenarioPassages.Of(run.Scenario), states, municipal, file.FullName, Sha256(file.FullName), run.Scenario.Seed)
        {
            GuardDensity = GuardDensity(run, year),
            GuardRegionOf = run.RegionOf is { } regionOf ? Enumerable.Range(0, n).ToDictionary(m => inputs.Municipalities[m], m => regionOf[m], StringComparer.Ordinal) : new Dictionary<string, int>(),
        };
    }

    // Guard officers per 1,000 inhabitants by municipality in the year (the first replicate: where the Guard goes is the plan's, not chance's).
    private static Dictionary<string, double> GuardDensity(EnsembleRun run, int year)
    {
        var inputs = run.Inputs;
        return run.Replicates[0].Metrics?.Rows()
            .Where(r => r.Metric == Paz.Simulation.Mechanisms.UniformedPresence.GuardOfficers.Name && r.Level == Paz.Simulation.Engine.MetricLevel.Municipality && r.Year == year && r.Value > 0)
            .Where(r => inputs.PopulationIn(r.Place, year) > 0)
            .ToDictionary(r => inputs.Municipalities[r.Place], r => r.Value * 1000 / inputs.PopulationIn(r.Place, year), StringComparer.Ordinal) ?? [];
    }

    private static Dictionary<string, double> ObservedStateRates(Paz.Data.PazDataSet data, int year) =>
        HomicideOverview.MunicipalRates(data.Atlas, data.Homicides.MunicipalMonthly, year)
            .GroupBy(r => r.Code.Value[..2])
            .Where(g => g.Sum(r => r.Population) > 0)
            .ToDictionary(g => g.Key, g => g.Sum(r => (double)r.Homicides) * 100_000 / g.Sum(r => r.Population), StringComparer.Ordinal);

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
