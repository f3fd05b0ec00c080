using System.CommandLine;
using Paz.Data;
using Paz.Reports.Plans;
using Spectre.Console;
using static Paz.Cli.Commands.Plan.PlanCommand;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan regions</c>: partition the municipalities into contiguous, balanced Guard regions.</summary>
internal static class PlanRegionsCommand
{
    public static Command Create(CommandConsole console)
    {
        var options = new PartitionOptions();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for regions.csv (cve_mun,region), regions.geojson and regions.svg." };
        var command = new Command("regions", "Partition the municipalities into k contiguous regions within states, balancing population, homicides or a mix; write CSV, GeoJSON and an SVG map; print the objective and balance.");
        options.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var folder = OutputFolder(parsed, output);
            var r = options.Build(parsed);
            var atlas = r.Data.Atlas;
            AtomicFile.Write(Path.Combine(folder.FullName, "regions.csv"), w =>
            {
                w.WriteLine("cve_mun,region");
                for (var i = 0; i < atlas.Municipalities.Count; i++)
                {
                    w.WriteLine($"{atlas.Municipalities[i].Code.Value},{r.Partition.RegionOf[i]}");
                }
            });
            var shapes = PlanMaps.RegionShapes(r.Partition, atlas);
            AtomicFile.Write(Path.Combine(folder.FullName, "regions.geojson"), w => w.Write(PlanMaps.RegionsGeoJson(shapes, r.Regions)));
            AtomicFile.Write(Path.Combine(folder.FullName, "regions.svg"), w => w.Write(PlanMaps.RegionsMap(r.Partition, atlas, shapes, r.Regions, r.Weight.ToString())));

            var balance = r.Partition.Balance;
            var summary = new
            {
                regions = r.Partition.Count,
                weight = r.Weight.ToString(),
                year = r.Year,
                seed = r.Settings.Seed,
                cross_state_lines = r.Settings.CrossStateLines,
                objective = r.Partition.Objective,
                objective_definition = "sum over regions of (region weight / mean region weight - 1)^2",
                balance = new { minimum = balance.Minimum, median = balance.Median, maximum = balance.Maximum, mean = balance.Mean },
                files = new[] { "regions.csv", "regions.geojson", "regions.svg" }.Select(f => Path.Combine(folder.FullName, f)),
            };
            if (parsed.GetValue(options.Json))
            {
                WriteJson(console, summary);
                return PazApp.Ok;
            }

            var table = new Table().Title($"{r.Partition.Count} regions balancing {r.Weight} ({r.Year}), seed {r.Settings.Seed}").AddColumns("", "").HideHeaders();
            table.AddRow("Objective Σ(W/W̄ − 1)²", summary.objective.ToString("0.###", Invariant));
            table.AddRow("Weight per region: minimum", Format(balance.Minimum));
            table.AddRow("median", Format(balance.Median));
            table.AddRow("maximum", Format(balance.Maximum));
            table.AddRow("mean (target)", Format(balance.Mean));
            table.AddRow("Crossing state lines", r.Settings.CrossStateLines ? "allowed" : "never");
            console.Tables.Write(table);
            foreach (var file in summary.files)
            {
                console.Output.WriteLine($"wrote {file}");
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static string Format(double value) => value >= 100 ? value.ToString("N0", Invariant) : value.ToString("0.#####", Invariant);
}
