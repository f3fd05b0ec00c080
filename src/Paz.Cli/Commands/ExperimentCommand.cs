using System.CommandLine;
using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Data.Engine;
using Paz.Simulation.Agents;
using Paz.Simulation.Experiments;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz experiment</c>: scripted experiments on the calibrated engine, next to published estimates.</summary>
public static class ExperimentCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario to run (default: scenarios/baseline.yaml).", DefaultValueFactory = _ => new FileInfo(Path.Combine("scenarios", "baseline.yaml")) };
        var group = new Option<string>("--group") { Description = "Group whose leaders are removed (name, or the abbreviation in parentheses); 'auto': the largest group with its leaders and no succession crisis on that week.", DefaultValueFactory = _ => "auto" };
        var week = new Option<int>("--week") { Description = "Week of the removal, counted from the scenario's start.", DefaultValueFactory = _ => 104 };
        var seeds = new Option<int>("--seeds") { Description = "Pairs of runs (with and without the removal), one per seed.", DefaultValueFactory = _ => 8 };
        var kingpin = new Command("kingpin", "Remove every leader of one group on one week and compare homicides over the next 6 and 12 months, where its leaders were and in neighbouring municipalities where it operates, against the same runs without the removal; next to the published estimates.")
        {
            scenario, group, week, seeds,
        };
        kingpin.SetAction(parsed =>
        {
            var s = ScenarioLoader.Agent(parsed.GetValue(scenario)!.FullName);
            var n = parsed.GetValue(seeds);
            var w = parsed.GetValue(week);
            if (n < 2 || w < 1 || w + 53 > s.Weeks + 260)
            {
                throw new UsageException("--seeds must be at least 2 and --week within the scenario's weeks");
            }

            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var engine = new CriminalMarketEngine(EngineInputsBuilder.Build(data, s.Start));
            s = ScenarioResolver.Resolve(s, data, engine.Inputs);
            var index = parsed.GetValue(group) == "auto" ? -1 : engine.Inputs.Network.IndexOf(parsed.GetValue(group)!);
            if (index < 0 && parsed.GetValue(group) != "auto")
            {
                throw new UsageException($"no group named '{parsed.GetValue(group)}' in the network");
            }

            console.Error.WriteLine($"paz: kingpin experiment: {n} pairs of runs of {w + 53} weeks...");
            var result = KingpinExperiment.Run(engine, s.Timeline, index, w, [.. Enumerable.Range(0, n).Select(k => s.ReplicateSeed(k))]);
            var date = s.Start.AddDays(7 * w);
            var table = new Table().Title($"All leaders of {Markup.Escape(result.Group)} removed in week {w} ({date:yyyy-MM-dd}); {n} seeds; change = Σ with / Σ without − 1")
                .AddColumn("Where").AddColumn("Months after").AddColumn(new TableColumn("Homicides with (mean)").RightAligned()).AddColumn(new TableColumn("without (mean)").RightAligned())
                .AddColumn(new TableColumn("Change").RightAligned()).AddColumn("Published estimate");
            void Row(string where, int months, Func<KingpinPair, (int With, int Without)> pick, string published)
            {
                var pairs = result.Pairs.Select(pick).ToList();
                table.AddRow(where, months.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{pairs.Average(p => p.With):F1}", $"{pairs.Average(p => p.Without):F1}",
                    $"{KingpinResult.Change(pairs):+0.0%;-0.0%;0.0%}", published);
            }

            Row($"where the leaders were ({result.HomePlaces.Count} municipalities)", 6, p => p.Home6, "+36.5% in 6 months (Calderón et al. 2015)");
            Row($"where the leaders were", 12, p => p.Home12, "about +80% for at least 12 months (Lindo & Padilla-Romo 2018)");
            Row($"neighbours where it operates ({result.NeighbourPlaces.Count})", 6, p => p.Neighbours6, "about +30% for 6 months (Lindo & Padilla-Romo, Cato brief 2015)");
            Row("neighbours where it operates", 12, p => p.Neighbours12, "");
            console.Tables.Write(table);
            return PazApp.Ok;
        });
        return new Command("experiment", "Scripted experiments on the engine.") { kingpin };
    }
}
