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
        var posterior = PosteriorOptions.File();
        var point = PosteriorOptions.Point();
        var modelError = ModelErrorComparison.Option();
        var command = new Command("compare", "Run several scenarios and write one HTML report: national homicide rate per year per scenario with 5th-95th percentile bands (ScottPlot SVG), next to the observed rate, and the table.")
        {
            scenarios, output, replicates, threads, posterior, point, modelError,
        };
        command.SetAction(parsed =>
        {
            var comparison = ScenarioComparison.Run(console, parsed.GetValue(scenarios)!, parsed.GetValue(PazApp.DataOption)?.FullName,
                parsed.GetValue(replicates), parsed.GetValue(threads), parsed.GetValue(posterior), parsed.GetValue(point), parsed.GetValue(modelError));
            var (drawn, outcomes, differences, observed, envelope) = (comparison.Drawn, comparison.Outcomes, comparison.Differences, comparison.Observed, comparison.Envelope);
            var report = parsed.GetValue(output)!;
            AtomicFile.Write(report.FullName, w => w.Write(ComparisonReport.Html(outcomes, observed,
                "Observed: INEGI deaths by municipality of occurrence to December 2018 (data/PROVENANCE.md); rates on census populations interpolated between counts. " + comparison.UncertaintyNote,
                differences, comparison.ModelError is { } error ? ModelErrorSection.Html(error.Outlooks, error.Source, PromiseYear) : null)));

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

            if (comparison.ModelError is { } withError)
            {
                WriteModelError(console, withError);
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

    // The promise's year with the engine's structural error: each scenario's rate band and chance of the promise, and the paired differences.
    private static void WriteModelError(CommandConsole console, ModelErrorComparison error)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var rows = ModelErrorSection.Rows(error.Outlooks, PromiseYear);
        if (rows.Count == 0)
        {
            return;
        }

        var table = new Table().Title(Markup.Escape(string.Create(invariant, $"National rate per 100,000 in {PromiseYear} with the engine's structural error. {error.Source}")))
            .AddColumns("Scenario", "Mean", "5th-95th percentile", "At most 4 per 100,000");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.Scenario), r.Rate.Mean.ToString("0.0", invariant), string.Create(invariant, $"{r.Rate.P5:0.0}–{r.Rate.P95:0.0}"), string.Create(invariant, $"{r.Meeting / (double)r.Draws:P1} ({r.Meeting} of {r.Draws})"));
        }

        foreach (var (scenario, against, d) in ModelErrorSection.Differences(error.Outlooks, PromiseYear))
        {
            table.AddRow(Markup.Escape($"{scenario} − {against} (homicides)"), d.Mean.ToString("N0", invariant), string.Create(invariant, $"{d.P5:N0} to {d.P95:N0}"), "–");
        }

        console.Tables.Write(table);
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
