using System.CommandLine;
using Paz.Data;
using Paz.Planning.Deployment;
using Paz.Reports.Plans;
using Spectre.Console;
using static Paz.Cli.Commands.Plan.PlanCommand;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan classify</c>: low, medium and high insecurity per region, and the personnel the 300/450/600 rule implies.</summary>
internal static class PlanClassifyCommand
{
    public static Command Create(CommandConsole console)
    {
        var options = new PartitionOptions();
        var thresholds = new Option<string?>("--thresholds") { Description = "Classify by rate: MEDIUM,HIGH homicides per 100,000 (e.g. 10,30). Default: the published 2019 split's counts." };
        var counts = new Option<string?>("--counts") { Description = "Classify by rank of rate: LOW,MEDIUM,HIGH region counts (published 2019: 59,54,153)." };
        var contingents = new Option<string>("--contingents") { Description = "Personnel for LOW,MEDIUM,HIGH regions.", DefaultValueFactory = _ => "300,450,600" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write classes.csv and classes.svg into this folder." };
        var command = new Command("classify", "Class each region low, medium or high insecurity from its homicide rate, and total the personnel the contingent rule implies, next to the 50,000 first contingent and the 150,000 goal.");
        options.AddTo(command);
        command.Options.Add(thresholds);
        command.Options.Add(counts);
        command.Options.Add(contingents);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var sizes = ParseContingents(parsed.GetValue(contingents)!);
            var r = options.Build(parsed);
            var classifier = ParseClassifier(parsed.GetValue(thresholds), parsed.GetValue(counts), r.Partition.Count);
            var classes = classifier.Classify(r.Regions);
            var total = classes.Sum(sizes.Of);
            if (parsed.GetValue(output) is { } folder)
            {
                folder.Create();
                AtomicFile.Write(Path.Combine(folder.FullName, "classes.csv"), w =>
                {
                    w.WriteLine("region,states,population,homicides,rate_per_100k,class,personnel");
                    for (var i = 0; i < classes.Count; i++)
                    {
                        var x = r.Regions[i];
                        w.WriteLine(string.Create(Invariant, $"{x.Region},\"{x.States}\",{x.Population:0},{x.Homicides:0},{x.Rate:0.##},{classes[i].ToString().ToLowerInvariant()},{sizes.Of(classes[i])}"));
                    }
                });
                var shapes = PlanMaps.RegionShapes(r.Partition, r.Data.Atlas);
                AtomicFile.Write(Path.Combine(folder.FullName, "classes.svg"), w => w.Write(PlanMaps.ClassesMap(shapes, r.Regions, classes, sizes, r.Data.Atlas, r.Year)));
            }

            var byClass = Enum.GetValues<InsecurityClass>().Select(c => new
            {
                @class = c.ToString().ToLowerInvariant(),
                regions = classes.Count(x => x == c),
                contingent = sizes.Of(c),
                personnel = classes.Count(x => x == c) * sizes.Of(c),
                rate_range = classes.Any(x => x == c) ? new[] { r.Regions.Where((_, i) => classes[i] == c).Min(x => x.Rate), r.Regions.Where((_, i) => classes[i] == c).Max(x => x.Rate) } : [],
            }).ToList();
            if (parsed.GetValue(options.Json))
            {
                WriteJson(console, new { regions = r.Partition.Count, year = r.Year, classes = byClass, total_personnel = total, first_contingent = 50_000, three_year_goal = 150_000, published_split = new { low = 59, medium = 54, high = 153 } });
                return PazApp.Ok;
            }

            var table = new Table().Title($"Insecurity classes of {r.Partition.Count} regions ({r.Year})").AddColumns("Class", "Regions", "Published 2019", "Rate range /100k", "Contingent", "Personnel");
            var published = new[] { 59, 54, 153 };
            foreach (var (c, i) in byClass.Select((c, i) => (c, i)))
            {
                table.AddRow(c.@class, c.regions.ToString(Invariant), published[i].ToString(Invariant),
                    c.rate_range.Length == 0 ? "–" : string.Create(Invariant, $"{c.rate_range[0]:0.0} – {c.rate_range[1]:0.0}"),
                    c.contingent.ToString(Invariant), c.personnel.ToString("N0", Invariant));
            }

            console.Tables.Write(table);
            console.Output.WriteLine(string.Create(Invariant, $"Personnel implied by the rule: {total:N0} — first contingent 50,000 ({total / 50_000.0:0.0}×), three-year goal 150,000 ({total / 150_000.0:0.00}×)."));
            return PazApp.Ok;
        });
        return command;
    }

    internal static Contingents ParseContingents(string text)
    {
        var parts = Numbers(text, "--contingents", 3);
        return new Contingents((int)parts[0], (int)parts[1], (int)parts[2]);
    }

    internal static Classifier ParseClassifier(string? thresholds, string? counts, int regions)
    {
        if (thresholds is not null && counts is not null)
        {
            throw new UsageException("give --thresholds or --counts, not both");
        }

        try
        {
            if (thresholds is not null)
            {
                var t = Numbers(thresholds, "--thresholds", 2);
                return Classifier.Thresholds(t[0], t[1]);
            }

            if (counts is not null)
            {
                var c = Numbers(counts, "--counts", 3);
                return Classifier.ByCounts(regions, ((int)c[0], (int)c[1], (int)c[2]));
            }

            return Classifier.ByCounts(regions);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static double[] Numbers(string text, string option, int count)
    {
        var parts = text.Split(',');
        var values = new double[parts.Length];
        if (parts.Length != count || !parts.Select((p, i) => double.TryParse(p, System.Globalization.NumberStyles.Float, Invariant, out values[i]) && values[i] >= 0).All(ok => ok))
        {
            throw new UsageException($"{option} takes {count} comma-separated numbers of at least 0, not '{text}'");
        }

        return values;
    }
}
