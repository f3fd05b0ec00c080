using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using Paz.Core.Violence;
using Paz.Data.Csv;
using Paz.Data;
using Paz.Planning.Deployment;
using Paz.Planning.Transition;
using Paz.Reports.Plans;
using Spectre.Console;
using static Paz.Cli.Commands.Plan.PlanCommand;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan transition</c>: the military's exit from policing in concentric circles, specified in advance.</summary>
internal static class PlanTransitionCommand
{
    public static Command Create(CommandConsole console)
    {
        var options = new PartitionOptions();
        var start = new Option<string>("--start") { Description = "Month the first phase starts (YYYY-MM).", DefaultValueFactory = _ => "2019-06" };
        var maxRate = new Option<double>("--max-rate") { Description = "Entry: annualized monthly homicide rate per 100,000 below this ...", DefaultValueFactory = _ => 15 };
        var monthsBelow = new Option<int>("--months-below") { Description = "... for at least this many consecutive months up to December 2018.", DefaultValueFactory = _ => 6 };
        var minPolice = new Option<double>("--min-police") { Description = "Entry: municipal and state police per 100,000 inhabitants at least this (default: SESNSP's 1.8 per 1,000 benchmark).", DefaultValueFactory = _ => new TransitionSettings(default).MinimumPolice };
        var police = new Option<FileInfo?>("--police") { Description = "CSV of civilian police by state (cve_ent,police_per_100k) replacing the shipped figures. Default: municipal police from INEGI's 2011 census and state police from SESNSP's 2017 diagnosis, by municipality (data/police; gaps imputed from comparable places)." };
        var phaseMonths = new Option<int>("--phase-months") { Description = "Months between the starts of phases.", DefaultValueFactory = _ => 6 };
        var overlap = new Option<int>("--overlap-months") { Description = "Months of joint patrols before the military leaves a region.", DefaultValueFactory = _ => 6 };
        var reserve = new Option<double>("--reserve-share") { Description = "Share of a region's contingent kept in reserve to re-intervene.", DefaultValueFactory = _ => 0.2 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for transition.csv and transition.html (the plan with a map per phase)." };
        var command = new Command("transition", "Plan the handover from military to civilian policing in concentric circles from the safest core outward, with entry conditions, overlap, reserve and a map per phase.");
        options.AddTo(command);
        foreach (var o in new Option[] { start, maxRate, monthsBelow, minPolice, police, phaseMonths, overlap, reserve, output })
        {
            command.Options.Add(o);
        }

        command.SetAction(parsed =>
        {
            var folder = OutputFolder(parsed, output);
            var startMonth = ParseMonth(parsed.GetValue(start)!);
            var settings = new TransitionSettings(startMonth, parsed.GetValue(maxRate), parsed.GetValue(monthsBelow), parsed.GetValue(minPolice),
                parsed.GetValue(phaseMonths), parsed.GetValue(overlap), parsed.GetValue(reserve), 1.5 * parsed.GetValue(maxRate));
            if (settings.MonthsBelow < 1 || settings.PhaseMonths < 1 || settings.OverlapMonths < 0 || settings.ReserveShare is < 0 or > 1 || settings.MaximumRate <= 0)
            {
                throw new UsageException("--months-below and --phase-months must be at least 1, --overlap-months at least 0, --reserve-share 0-1, --max-rate above 0");
            }

            var r = options.Build(parsed);
            var atlas = r.Data.Atlas;
            var strength = parsed.GetValue(police) is { } file
                ? PoliceFromFile(file.FullName, r)
                : PoliceStrength.Of(r.Regions, atlas, r.Data.Police, r.Year);
            var plan = TransitionPlanner.Plan(r.Partition, r.Regions, atlas, r.Data.Homicides.MunicipalMonthly, strength, settings);
            var classes = Classifier.ByCounts(r.Partition.Count).Classify(r.Regions);
            var contingents = new Contingents();

            AtomicFile.Write(Path.Combine(folder.FullName, "transition.csv"), w =>
            {
                w.WriteLine("region,states,population,rate_last_month,months_below,police_per_100k,eligible,cluster,phase,joint_patrols_from,military_exit,class,contingent,reserve,reason");
                for (var i = 0; i < plan.Regions.Count; i++)
                {
                    var x = plan.Regions[i];
                    var reserveSize = x.Phase is null ? 0 : Math.Round(settings.ReserveShare * contingents.Of(classes[i]));
                    w.WriteLine(string.Create(Invariant,
                        $"{x.Region.Region},\"{x.Region.States}\",{x.Region.Population:0},{x.LastRate:0.##},{x.MonthsBelow},{x.Police:0.#},{(x.Eligible ? "yes" : "no")},{x.Cluster},{x.Phase},{x.Start},{x.MilitaryExit},{classes[i].ToString().ToLowerInvariant()},{contingents.Of(classes[i])},{reserveSize},\"{x.Reason.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
                }
            });
            var shapes = PlanMaps.RegionShapes(r.Partition, atlas);
            AtomicFile.Write(Path.Combine(folder.FullName, "transition.html"), w => w.Write(Html(plan, shapes, atlas, r.Year)));

            var phases = Enumerable.Range(1, plan.Phases).Select(p => new
            {
                phase = p,
                joint_patrols_from = settings.Start.AddMonths((p - 1) * settings.PhaseMonths).ToString(),
                military_exit = settings.Start.AddMonths(((p - 1) * settings.PhaseMonths) + settings.OverlapMonths).ToString(),
                regions = plan.Regions.Count(x => x.Phase == p),
                population = plan.Regions.Where(x => x.Phase == p).Sum(x => x.Region.Population),
            }).ToList();
            var held = plan.Regions.Count(x => x.Phase is null);
            var policeShort = plan.Regions.Where(x => x.Police < settings.MinimumPolice).ToList();
            if (parsed.GetValue(options.Json))
            {
                var short_of_police = policeShort.Select(x => new { region = x.Region.Region, states = x.Region.States, police_per_100k = Math.Round(x.Police, 1) });
                WriteJson(console, new { settings, police_source = strength.Source, phases, held_by_military = held, short_of_police, files = new[] { "transition.csv", "transition.html" } });
                return PazApp.Ok;
            }

            var table = new Table().Title($"Handover in {plan.Phases} phases, concentric from each safe cluster's core").AddColumns("Phase", "Joint patrols from", "Military leaves", "Regions", "Population");
            foreach (var p in phases)
            {
                table.AddRow(p.phase.ToString(Invariant), p.joint_patrols_from, p.military_exit, p.regions.ToString(Invariant), p.population.ToString("N0", Invariant));
            }

            table.AddRow("held", "–", "military stays", held.ToString(Invariant), plan.Regions.Where(x => x.Phase is null).Sum(x => x.Region.Population).ToString("N0", Invariant));
            console.Tables.Write(table);
            console.Output.WriteLine(string.Create(Invariant,
                $"Entry: rate below {settings.MaximumRate} per 100,000 for {settings.MonthsBelow}+ months to {r.Data.Homicides.MunicipalMonthly.Last}, police ≥ {settings.MinimumPolice} per 100,000 (police: {strength.Source}). Re-intervention: rate above {settings.ReentryRate} for two months, from a reserve of {settings.ReserveShare:0%} of each contingent."));
            console.Output.WriteLine(policeShort.Count == 0
                ? string.Create(Invariant, $"Every region has at least {settings.MinimumPolice} police per 100,000.")
                : string.Create(Invariant, $"Police below {settings.MinimumPolice} per 100,000 in {policeShort.Count} of {plan.Regions.Count} regions (they keep the military whatever their violence): ") +
                  string.Join(", ", policeShort.Select(x => string.Create(Invariant, $"{x.Region.Region} ({x.Region.States}, {x.Police:0})"))));
            console.Output.WriteLine($"wrote {Path.Combine(folder.FullName, "transition.csv")}");
            console.Output.WriteLine($"wrote {Path.Combine(folder.FullName, "transition.html")}");
            return PazApp.Ok;
        });
        return command;
    }

    private static YearMonth ParseMonth(string text) =>
        text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], NumberStyles.None, Invariant, out var y) && int.TryParse(text[5..], NumberStyles.None, Invariant, out var m) && m is >= 1 and <= 12
            ? new YearMonth(y, m)
            : throw new UsageException($"--start takes a month as YYYY-MM, not '{text}'");

    private static PoliceStrength PoliceFromFile(string path, Regionalization r)
    {
        var csv = CsvFile.Open(path);
        int state = csv.Column("cve_ent"), density = csv.Column("police_per_100k");
        var byState = new Dictionary<string, double>();
        var seen = new FirstSeen<string>("state");
        csv.ForEachRow(row =>
        {
            var code = row.Text(state);
            seen.Add(row, code);
            byState[code] = row.Number(density, 0, 100_000);
        });
        var atlas = r.Data.Atlas;
        var missing = atlas.States.Where(s => !byState.ContainsKey(s.Code.Value)).Select(s => s.Code.Value).ToList();
        if (missing.Count > 0)
        {
            throw new DataFormatException(path, 0, $"expected a row for every state; missing {string.Join(", ", missing)}");
        }

        // A region's density is its states' densities weighted by the region's population in each.
        var values = r.Regions.Select(region =>
        {
            var people = region.Places.Select(i => atlas.Municipalities[i]).Select(m => (m.State.Value, Population: m.Population.In(r.Year) ?? 0)).ToList();
            var total = people.Sum(p => p.Population);
            return total == 0 ? 0 : people.Sum(p => p.Population * byState[p.Value]) / total;
        }).ToList();
        return new PoliceStrength(values, $"{path} (by state, population-weighted per region)");
    }

    private static string Html(TransitionPlan plan, IReadOnlyList<Core.Territory.Shape> shapes, Core.Territory.Atlas atlas, int year)
    {
        var s = plan.Settings;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paz: transition from military to civilian policing</title>");
        html.Append("<style>body{font-family:sans-serif;max-width:1240px;margin:auto;padding:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}svg{max-width:100%;height:auto}</style></head><body>");
        html.Append("<h1>Transition from military to civilian policing</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Concentric circles (ink spots): in each cluster of neighbouring regions that meet the entry conditions, the safest region hands over first, then the ring around it, phase by phase. Regions are the {plan.Regions.Count} Guard regions drawn by <code>paz plan regions</code>; violence data to December {year}.</p>");
        html.Append("<h2>Conditions, specified in advance</h2><ul>");
        html.Append(CultureInfo.InvariantCulture, $"<li>Entry: annualized monthly homicide rate below {s.MaximumRate} per 100,000 for at least {s.MonthsBelow} consecutive months, and civilian police at least {s.MinimumPolice} per 100,000 ({WebUtility.HtmlEncode(plan.Police.Source)}).</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>Timing: phase 1 from {s.Start}; a new phase every {s.PhaseMonths} months; {s.OverlapMonths} months of joint patrols before the military leaves each region.</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>Reserve: {s.ReserveShare:0%} of each handed-over region's contingent stays ready; it re-intervenes when the rate exceeds {s.ReentryRate} per 100,000 for two consecutive months.</li></ul>");
        for (var phase = 1; phase <= plan.Phases; phase++)
        {
            var rows = plan.Regions.Where(x => x.Phase == phase).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<h2>Phase {phase}: joint patrols from {s.Start.AddMonths((phase - 1) * s.PhaseMonths)}, {rows.Count} regions</h2>");
            html.Append(PlanMaps.TransitionMap(shapes, plan, phase, atlas));
            html.Append("<table><tr><th>Region</th><th>States</th><th>Population</th><th>Rate last month</th><th>Months below</th><th>Military leaves</th></tr>");
            foreach (var x in rows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{x.Region.Region}</td><td>{WebUtility.HtmlEncode(x.Region.States)}</td><td>{x.Region.Population:N0}</td><td>{x.LastRate:0.0}</td><td>{x.MonthsBelow}</td><td>{x.MilitaryExit}</td></tr>");
            }

            html.Append("</table>");
        }

        var held = plan.Regions.Where(x => x.Phase is null).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h2>Held by the military: {held.Count} regions</h2><table><tr><th>Region</th><th>States</th><th>Population</th><th>Why</th></tr>");
        foreach (var x in held)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{x.Region.Region}</td><td>{WebUtility.HtmlEncode(x.Region.States)}</td><td>{x.Region.Population:N0}</td><td>{WebUtility.HtmlEncode(x.Reason)}</td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }
}
