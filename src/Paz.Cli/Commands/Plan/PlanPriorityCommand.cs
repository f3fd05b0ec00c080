using System.CommandLine;
using Paz.Planning.Deployment;
using static Paz.Cli.Commands.Plan.PlanCommand;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan priority</c>: how many regions hold a share of the year's homicides, next to the plan's 17.</summary>
internal static class PlanPriorityCommand
{
    private const int PlanRegions = 17;
    private const int PlanPersonnel = 10_200;

    public static Command Create(CommandConsole console)
    {
        var options = new PartitionOptions();
        var share = new Option<double>("--share") { Description = "Share of the year's homicides to cover.", DefaultValueFactory = _ => 0.35 };
        var perRegion = new Option<int>("--per-region") { Description = "Personnel per priority region (the plan: 10,200 over 17 = 600).", DefaultValueFactory = _ => 600 };
        var command = new Command("priority", "The smallest set of regions holding a share of the year's homicides (most first), next to the plan's 17 regions, 35% of 2018 homicides and 10,200 personnel.");
        options.AddTo(command);
        command.Options.Add(share);
        command.Options.Add(perRegion);
        command.SetAction(parsed =>
        {
            var s = parsed.GetValue(share);
            if (s is <= 0 or > 1)
            {
                throw new UsageException($"--share must be in (0, 1], not {s}");
            }

            var r = options.Build(parsed);
            var allocation = Allocator.Priority(r.Regions, s, parsed.GetValue(perRegion), new ResponseCurve());
            var served = r.Regions.Where((_, i) => allocation.Personnel[i] > 0).OrderByDescending(x => x.Homicides).ToList();
            if (parsed.GetValue(options.Json))
            {
                WriteJson(console, new
                {
                    share = s,
                    year = r.Year,
                    partition = new { regions = r.Partition.Count, weight = r.Weight.ToString(), seed = r.Settings.Seed },
                    priority_regions = served.Count,
                    homicides_covered = allocation.HomicidesCovered,
                    covered_share = allocation.CoveredShare,
                    personnel = allocation.Total,
                    plan = new { regions = PlanRegions, share = 0.35, personnel = PlanPersonnel },
                    regions = served.Select(x => new { region = x.Region, states = x.States, homicides = x.Homicides, rate_per_100k = x.Rate }),
                });
                return PazApp.Ok;
            }

            console.Output.WriteLine(string.Create(Invariant,
                $"{served.Count} of {r.Partition.Count} regions (weight {r.Weight}, seed {r.Settings.Seed}) hold {allocation.CoveredShare:0.0%} of {r.Year} homicides ({allocation.HomicidesCovered:N0}); target share {s:0%}."));
            console.Output.WriteLine(string.Create(Invariant,
                $"The plan: {PlanRegions} regions, 35% of 2018 homicides, {PlanPersonnel:N0} personnel. Here: {served.Count} regions, {allocation.Total:N0} personnel at {parsed.GetValue(perRegion)} each."));
            foreach (var x in served)
            {
                console.Output.WriteLine(string.Create(Invariant, $"  region {x.Region,3}  {x.Homicides,6:N0} homicides  {x.Rate,6:0.0}/100k  {x.States}"));
            }

            return PazApp.Ok;
        });
        return command;
    }
}
