using System.CommandLine;
using System.Text.Json;
using Paz.Core.Amnesty;
using Paz.Rules.Amnesty;
using Spectre.Console;

namespace Paz.Cli.Commands.Amnesty;

/// <summary><c>paz amnesty</c>: screen an application under one rule set, or compare all of them.</summary>
public static class AmnestyCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var command = new Command("amnesty", "Screen amnesty applications with the executable rule sets under rules/amnesty/ (format and facts: docs/amnesty.md).");
        command.Subcommands.Add(Screen(console));
        command.Subcommands.Add(Compare(console));
        return command;
    }

    private static Command Screen(CommandConsole console)
    {
        var rules = new Option<FileInfo>("--rules") { Description = "Rule set file (YAML), e.g. rules/amnesty/enacted-2020.yaml.", Required = true };
        var file = new Argument<FileInfo>("case") { Description = "The application's facts (JSON, docs/amnesty.md)." };
        var json = new Option<bool>("--json") { Description = "Print the decision and its explanation as JSON." };
        var command = new Command("screen", "Decide Eligible, Ineligible or NeedsReview for one application, with every rule that fired, its text and the facts it used.") { rules, file, json };
        command.SetAction(parsed =>
        {
            var ruleSet = RuleSetReader.Read(parsed.GetValue(rules)!.FullName);
            var screening = Screener.Screen(ruleSet, CaseFileReader.Read(parsed.GetValue(file)!.FullName));
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(ScreeningJson.From(screening), AtlasCommand.Json));
            }
            else
            {
                Write(console, ruleSet, screening);
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static Command Compare(CommandConsole console)
    {
        var folder = new Option<DirectoryInfo?>("--rules-dir") { Description = "Folder of rule sets (default: the nearest rules/amnesty)." };
        var file = new Argument<FileInfo>("case") { Description = "The application's facts (JSON, docs/amnesty.md)." };
        var json = new Option<bool>("--json") { Description = "Print every rule set's decision as JSON." };
        var command = new Command("compare", "Screen one application under every rule set and show the decisions side by side.") { folder, file, json };
        command.SetAction(parsed =>
        {
            var sets = RuleLibrary.LoadAll(RuleLibrary.Locate(parsed.GetValue(folder)?.FullName));
            var @case = CaseFileReader.Read(parsed.GetValue(file)!.FullName);
            var screenings = sets.Select(s => (Set: s, Screening: Screener.Screen(s, @case))).ToList();
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(screenings.Select(s => ScreeningJson.From(s.Screening)), AtlasCommand.Json));
                return PazApp.Ok;
            }

            var table = new Table().Title($"Case {Markup.Escape(@case.Id)} under {sets.Count} rule sets")
                .AddColumn("Rule set").AddColumn("Decision").AddColumn("Rules that fired").AddColumn("Obligations if granted");
            foreach (var (set, screening) in screenings)
            {
                table.AddRow(
                    Markup.Escape($"{set.Name}\n{set.Title}"),
                    Colored(screening.Decision),
                    Markup.Escape(string.Join("\n", screening.FiredRules)),
                    Markup.Escape(string.Join("\n", screening.Obligations.Select(o => o.Id))));
            }

            console.Tables.Write(table);
            foreach (var (set, screening) in screenings)
            {
                console.Output.WriteLine();
                Write(console, set, screening);
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static void Write(CommandConsole console, RuleSet set, Screening screening)
    {
        console.Output.WriteLine($"{screening.CaseId} under {set.Name} ({set.Title}, version {set.Version}): {screening.Decision}");
        foreach (var reason in screening.Reasons)
        {
            console.Output.WriteLine($"  - {reason}");
        }

        if (screening.Obligations.Count > 0)
        {
            console.Output.WriteLine("  obligations if granted:");
            foreach (var o in screening.Obligations)
            {
                console.Output.WriteLine($"  - {o.Id}: {o.Text}{(o.Hours > 0 ? $" ({o.Hours} hours)" : string.Empty)} ({o.Source})");
            }
        }
    }

    private static string Colored(Decision decision) => decision switch
    {
        Decision.Eligible => "[green]Eligible[/]",
        Decision.Ineligible => "[red]Ineligible[/]",
        _ => "[yellow]NeedsReview[/]",
    };
}
