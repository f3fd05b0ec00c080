using System.CommandLine;
using Paz.Core.Peacebuilding;
using Paz.Data;
using Paz.Data.Peacebuilding;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz councils check FILE</c>: a council file checked against the plan's composition rules.</summary>
public static class CouncilsCommand
{
    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<FileInfo>("file") { Description = "Council file (CSV: council, composition, scope, place, role, member; scenarios/councils/README.md)." };
        var check = new Command("check", "Read a council file and check every council against its composition (plan-2018: 3 government, 3 civil society, a human-rights guest, a UN observer; recommended: the human-rights commission a member); a problem is refused with its file and line.")
        {
            file,
        };
        check.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"no council file at {path.FullName}");
            }

            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var councils = CouncilFileLoader.Read(path.FullName, data.Atlas);
            var table = new Table().AddColumns("Council", "Composition", "Scope", "Place", "Seats");
            foreach (var c in councils)
            {
                var seats = string.Join(", ", c.Members.GroupBy(r => r).Select(g => $"{g.Count()} {g.Key.Word()}"));
                table.AddRow(Markup.Escape(c.Id), c.Composition.Name, c.Scope == CouncilScope.Region ? "region" : "municipality", Markup.Escape($"{c.Place.Value} {data.Atlas[c.Place].Name}"), Markup.Escape(seats));
            }

            console.Tables.Write(table);
            console.Output.WriteLine($"{councils.Count} council(s), each meeting its composition.");
            return 0;
        });
        return new Command("councils", "Peacebuilding Councils as data: check a council file against the plan's composition rules.") { check };
    }
}
