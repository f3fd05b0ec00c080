using System.CommandLine;
using Paz.Data;
using Paz.Planning.Deployment;
using Spectre.Console;
using static Paz.Cli.Commands.Plan.PlanCommand;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan allocate</c>: a personnel budget placed three ways, side by side.</summary>
internal static class PlanAllocateCommand
{
    public static Command Create(CommandConsole console)
    {
        var options = new PartitionOptions();
        var budget = new Option<int>("--budget") { Description = "Personnel to place (the first contingent was 50,000).", DefaultValueFactory = _ => 50_000 };
        var share = new Option<double>("--share") { Description = "For the priority method: share of the year's homicides the priority regions must hold.", DefaultValueFactory = _ => 0.35 };
        var contingents = new Option<string>("--contingents") { Description = "Personnel for LOW,MEDIUM,HIGH regions under the rule.", DefaultValueFactory = _ => "300,450,600" };
        var maxReduction = new Option<double>("--max-reduction") { Description = "Response curve: largest fall in a region's homicides (assumed 0.4).", DefaultValueFactory = _ => 0.4 };
        var halfDensity = new Option<double>("--half-effect-density") { Description = "Response curve: personnel per 100,000 for half of that fall (assumed 150).", DefaultValueFactory = _ => 150 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write allocation.csv (region, personnel by method) into this folder." };
        var command = new Command("allocate", "Place a personnel budget three ways — the plan's 300/450/600 rule, priority regions, and an optimizer of expected homicides averted — and compare coverage, density and the objective.");
        options.AddTo(command);
        foreach (var o in new Option[] { budget, share, contingents, maxReduction, halfDensity, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parsed =>
        {
            if (parsed.GetValue(budget) < Allocator.Block)
            {
                throw new UsageException($"--budget must be at least {Allocator.Block}");
            }

            var curve = new ResponseCurve(parsed.GetValue(maxReduction), parsed.GetValue(halfDensity));
            if (!ResponseCurve.Specs[0].Admits(curve.MaximumReduction) || !ResponseCurve.Specs[1].Admits(curve.HalfEffectDensity))
            {
                throw new UsageException("--max-reduction must be 0.05-0.9 and --half-effect-density 10-1000");
            }

            var sizes = PlanClassifyCommand.ParseContingents(parsed.GetValue(contingents)!);
            var r = options.Build(parsed);
            var classes = Classifier.ByCounts(r.Partition.Count).Classify(r.Regions);
            var b = parsed.GetValue(budget);
            var rule = Allocator.Rule(r.Regions, classes, sizes, b, curve);
            var priority = Allocator.Priority(r.Regions, parsed.GetValue(share), sizes.High, curve);
            var optimized = Allocator.Optimized(r.Regions, b, curve);
            var allocations = new[] { rule, priority, optimized };
            var underServed = Allocator.UnderServed(rule, optimized);
            if (parsed.GetValue(output) is { } folder)
            {
                folder.Create();
                AtomicFile.Write(Path.Combine(folder.FullName, "allocation.csv"), w =>
                {
                    w.WriteLine("region,states,population,homicides,class,rule,priority,optimized");
                    for (var i = 0; i < r.Regions.Count; i++)
                    {
                        var x = r.Regions[i];
                        w.WriteLine(string.Create(Invariant, $"{x.Region},\"{x.States}\",{x.Population:0},{x.Homicides:0},{classes[i].ToString().ToLowerInvariant()},{rule.Personnel[i]:0},{priority.Personnel[i]:0},{optimized.Personnel[i]:0}"));
                    }
                });
            }

            var rows = allocations.Select(a => new
            {
                method = a.Method,
                personnel = a.Total,
                regions_served = a.RegionsServed,
                homicides_covered = a.HomicidesCovered,
                covered_share = a.CoveredShare,
                personnel_per_100k = a.PerHundredThousand,
                personnel_per_homicide = a.PerHomicide,
                homicides_averted = a.Averted,
            }).ToList();
            if (parsed.GetValue(options.Json))
            {
                WriteJson(console, new
                {
                    budget = b,
                    year = r.Year,
                    response_curve = new { maximum_reduction = curve.MaximumReduction, half_effect_density = curve.HalfEffectDensity, source = "assumed" },
                    allocations = rows,
                    under_served = underServed.Select(u => new { region = u.Region.Region, states = u.Region.States, rule = u.Rule, optimized = u.Optimized }),
                });
                return PazApp.Ok;
            }

            var table = new Table().Title($"Budget of {b:N0} personnel over {r.Partition.Count} regions ({r.Year})")
                .AddColumns("Method", "Personnel", "Regions served", "Homicides covered", "Share", "Per 100k served", "Per homicide", "Averted /yr (objective)");
            foreach (var a in rows)
            {
                table.AddRow(a.method, a.personnel.ToString("N0", Invariant), a.regions_served.ToString(Invariant), a.homicides_covered.ToString("N0", Invariant),
                    a.covered_share.ToString("0.0%", Invariant), a.personnel_per_100k.ToString("0.0", Invariant), a.personnel_per_homicide.ToString("0.00", Invariant), a.homicides_averted.ToString("N0", Invariant));
            }

            console.Tables.Write(table);
            console.Output.WriteLine(string.Create(Invariant,
                $"Objective (expected homicides averted per year, response curve m = {curve.MaximumReduction}, d½ = {curve.HalfEffectDensity}/100k, assumed): rule {rule.Averted:N0}, optimized {optimized.Averted:N0} ({(optimized.Averted / rule.Averted) - 1:+0.0%;-0.0%})."));
            var under = new Table().Title($"Regions the rule under-serves (less than half the optimizer's personnel): {underServed.Count}").AddColumns("Region", "States", "Homicides", "Rate /100k", "Rule", "Optimized");
            foreach (var u in underServed.Take(15))
            {
                under.AddRow(u.Region.Region.ToString(Invariant), Markup.Escape(u.Region.States), u.Region.Homicides.ToString("N0", Invariant), u.Region.Rate.ToString("0.0", Invariant), u.Rule.ToString("N0", Invariant), u.Optimized.ToString("N0", Invariant));
            }

            console.Tables.Write(under);
            return PazApp.Ok;
        });
        return command;
    }
}
