using System.CommandLine;
using Paz.Core.Violence;
using Paz.Data;
using Paz.Reports.Compare;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz compare</c>: run several scenarios and write one HTML report with the chart and the table.</summary>
public static class CompareCommand
{
    private const int PromiseYear = Paz.Simulation.Agents.YearSummary.PromiseYear;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenarios = new Argument<FileInfo[]>("scenarios") { Description = "Scenario files (engine: agent).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo>("--out") { Description = "The HTML report.", DefaultValueFactory = _ => new FileInfo(Path.Combine("runs", "compare.html")) };
        var replicates = new Option<int?>("--replicates") { Description = "Override every scenario's ensemble size." };
        var threads = new Option<int>("--threads") { Description = "Replicates run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var posterior = PosteriorChoice.FileOption();
        var point = PosteriorChoice.PointOption();
        var command = new Command("compare", "Run several scenarios and write one HTML report: national homicide rate per year per scenario with 5th-95th percentile bands (ScottPlot SVG), next to the observed rate, and the table.")
        {
            scenarios, output, replicates, threads, posterior, point,
        };
        command.SetAction(parsed =>
        {
            var files = parsed.GetValue(scenarios)!;
            var specs = files.Select(f => ScenarioLoader.Agent(f.FullName, parsed.GetValue(replicates))).ToList();
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var envelope = Paz.Data.Engine.ValidationTargetsBuilder.Envelope(data);
            var paths = specs.Select(spec => PosteriorChoice.PathFor(spec, parsed.GetValue(posterior), parsed.GetValue(point))).ToList();
            if (paths.Distinct().Count() > 1)
            {
                throw new UsageException($"the scenarios would draw their parameters from different posteriors ({string.Join(", ", specs.Select((s, i) => $"{s.Name}: {paths[i] ?? "none"}"))}), so their differences would not be paired: pass one --posterior, or --point");
            }

            var drawn = PosteriorChoice.Read(paths[0]);
            specs.ForEach(spec => PosteriorChoice.Usable(spec, drawn, paths[0]));
            var runs = specs.Select(spec => ScenarioRunner.Run(console, data, spec, parsed.GetValue(threads), drawn)).ToList();
            var outcomes = runs.Select(run => new ScenarioOutcome(run.Scenario.Name, run.Scenario.Description, run.Scenario.Replicates, run.Summary)
            {
                Implausible = Paz.Simulation.Agents.Plausibility.Flags(run.Replicates, envelope),
            }).ToList();

            // Each pair's difference in the promise's year, replicate by replicate (same seeds; with --posterior, the same parameters).
            var differences = new List<Paz.Simulation.Agents.PairedDifference>();
            for (var i = 0; i < runs.Count; i++)
            {
                for (var j = i + 1; j < runs.Count; j++)
                {
                    if (runs[i].Summary.Any(y => y.Year == PromiseYear) && runs[j].Summary.Any(y => y.Year == PromiseYear))
                    {
                        differences.Add(Paz.Simulation.Agents.PairedDifference.Of(runs[j].Scenario.Name, runs[j].Replicates, runs[i].Scenario.Name, runs[i].Replicates, PromiseYear));
                    }
                }
            }
            var observed = HomicideOverview.NationalByYear(data.Atlas, data.Homicides)
                .Where(y => y.Year >= outcomes.Min(o => o.Years[0].Year) && y.OccurredRate is not null)
                .ToDictionary(y => y.Year, y => y.OccurredRate!.Value);
            var report = parsed.GetValue(output)!;
            AtomicFile.Write(report.FullName, w => w.Write(ComparisonReport.Html(outcomes, observed,
                "Observed: INEGI deaths by municipality of occurrence to December 2018 (data/PROVENANCE.md); rates on census populations interpolated between counts."
                + (drawn is null ? " Parameters at the scenarios' point values: the bands hold only the replicates' noise." : $" Each replicate drew its parameters from the posterior of {drawn.Scenario}: the bands hold parameter and stochastic uncertainty."),
                differences)));

            var table = new Table().Title(drawn is null
                ? "National homicide rate per 100,000 (mean, 5th-95th percentile; parameters at their point values: the bands hold only the replicates' noise)"
                : $"National homicide rate per 100,000 (mean, 5th-95th percentile; each replicate drew its parameters from the posterior of {Markup.Escape(drawn.Scenario)}: the bands hold parameter and stochastic uncertainty)").AddColumn("Year");
            foreach (var o in outcomes)
            {
                table.AddColumn(Markup.Escape(o.Name));
            }

            table.AddColumn("Observed");
            foreach (var year in outcomes[0].Years.Select(y => y.Year))
            {
                var cells = new List<string> { year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                cells.AddRange(outcomes.Select(o => o.Years.FirstOrDefault(y => y.Year == year) is { } y
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{y.RatePer100k.Mean:0.0} ({y.RatePer100k.P5:0.0}–{y.RatePer100k.P95:0.0})")
                    : "–"));
                cells.Add(observed.TryGetValue(year, out var r) ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–");
                table.AddRow([.. cells]);
            }

            console.Tables.Write(table);
            if (differences.Count > 0)
            {
                var paired = new Table().Title(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Paired differences of national homicides, {PromiseYear} (replicate by replicate)")).AddColumns("Difference", "Mean", "5th-95th percentile", "Below zero in");
                foreach (var d in differences)
                {
                    paired.AddRow(Markup.Escape($"{d.Scenario} − {d.Against}"), d.Difference.Mean.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Difference.P5:N0} to {d.Difference.P95:N0}"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.ShareBelowZero:P0} of {d.Pairs}"));
                }

                console.Tables.Write(paired);
            }

            WriteAmnesty(console, outcomes);
            foreach (var o in outcomes)
            {
                PlausibilityNotes.Write(console, o.Name, o.Implausible, envelope);
            }

            console.Output.WriteLine($"wrote {report.FullName}");
            return PazApp.Ok;
        });
        return command;
    }

    // The amnesty's flows and the prisons in the promise's year, for the scenarios that run one.
    private static void WriteAmnesty(CommandConsole console, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var rows = outcomes.Select(o => (o.Name, Year: o.Years.FirstOrDefault(y => y.Year == PromiseYear))).Where(x => x.Year?.Amnesty is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        string Cell(Paz.Simulation.Agents.Band b) => string.Create(invariant, $"{b.Mean:N0} ({b.P5:N0}–{b.P95:N0})");
        var table = new Table().Title(string.Create(invariant, $"Amnesty and prisons, {PromiseYear} (mean, 5th-95th percentile)")).AddColumns("Scenario", "Applications", "Granted", "Denied", "Revoked", "Prisoners at year's end");
        foreach (var (name, year) in rows)
        {
            var a = year!.Amnesty!;
            table.AddRow(Markup.Escape(name), Cell(a.Applications), Cell(a.Granted), Cell(a.Denied), Cell(a.Revoked), year.PrisonPopulation is { } p ? Cell(p) : "–");
        }

        console.Tables.Write(table);
    }
}
