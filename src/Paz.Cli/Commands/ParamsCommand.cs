using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Paz.Core.Parameters;
using Paz.Simulation.Engine;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz params</c>: every parameter and lever of the engine, from their one declaration.</summary>
public static class ParamsCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var json = new Option<bool>("--json") { Description = "Print the declarations as JSON." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the Markdown table of docs/parameters.md." };
        var command = new Command("params", "List every parameter and policy lever of the agent-based engine: who declares it, its kind, default, unit, valid range, prior, source, and whether a scenario's timeline may change it on a date.")
        {
            json, markdown,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(Json());
            }
            else if (parsed.GetValue(markdown))
            {
                console.Output.Write(Markdown());
            }
            else
            {
                var table = new Table().Title("Parameters and levers (paz params --markdown for the full sources)").AddColumns("Name", "Declared by", "Kind", "Default", "Unit", "Range", "Prior", "Source");
                foreach (var spec in Declarations.All)
                {
                    table.AddRow(Markup.Escape(spec.Name), Declarations.Owner[spec.Name], Kind(spec), Markup.Escape(DefaultOf(spec)), Markup.Escape(spec.Unit), Markup.Escape(Range(spec)), Markup.Escape(spec.Prior?.ToString() ?? "—"), Markup.Escape(Shorten(spec.Source, 60)));
                }

                console.Tables.Write(table);
            }

            return PazApp.Ok;
        });
        return command;
    }

    /// <summary>The declarations as a Markdown table (the one in docs/parameters.md).</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| name | declared by | kind | default | unit | valid range | prior | source | meaning |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var spec in Declarations.All)
        {
            text.Append(Invariant, $"| `{spec.Name}` | {Declarations.Owner[spec.Name]} | {Kind(spec)} | {Cell(DefaultOf(spec))} | {Cell(spec.Unit)} | {Cell(Range(spec))} | {Cell(spec.Prior?.ToString() ?? "—")}{(spec.Fitted ? " (fitted)" : string.Empty)} | {Cell(spec.Source)} | {Cell(spec.Description)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The declarations as JSON.</summary>
    public static string Json() => JsonSerializer.Serialize(
        Declarations.All.Select(s => new
        {
            name = s.Name,
            declared_by = Declarations.Owner[s.Name],
            role = s.IsLever ? "lever" : "parameter",
            kind = s.Kind.ToString().ToLowerInvariant(),
            words = s.Words.Count > 0 ? s.Words : null,
            @default = DefaultOf(s),
            unit = s.Unit,
            minimum = s.Minimum,
            maximum = s.Maximum,
            prior = s.Prior is { } p ? new { shape = p.Shape == PriorShape.LogUniform ? "log-uniform" : "uniform", low = p.Low, high = p.High } : null,
            fitted = s.Fitted,
            switchable = s.Switchable,
            recorded = s.Recorded,
            source = s.Source,
            description = s.Description,
        }),
        JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static string Kind(ParameterSpec spec) =>
        (spec.IsLever ? "lever" : spec.Recorded ? "record of outcomes, switchable" : spec.Switchable ? "parameter, switchable" : "parameter") + (spec.Kind == ValueKind.Number ? string.Empty : $", {spec.Kind.ToString().ToLowerInvariant()}");

    private static string DefaultOf(ParameterSpec spec) => spec.Kind switch
    {
        ValueKind.Flag => spec.Default != 0 ? "true" : "false",
        ValueKind.Choice => spec.Words[(int)spec.Default],
        ValueKind.Choices => spec.Default == 0 ? "[none]" : $"[{string.Join(", ", spec.Words.Where((_, i) => ((int)spec.Default & (1 << i)) != 0))}]",
        ValueKind.Names => "[]",
        ValueKind.Month => spec.Default == 0 ? "none" : spec.Default.ToString(Invariant),
        _ => spec.Default.ToString("G6", Invariant),
    };

    private static string Range(ParameterSpec spec) => spec.Kind switch
    {
        ValueKind.Flag => "true, false",
        ValueKind.Choice or ValueKind.Choices => string.Join(", ", spec.Words),
        ValueKind.Names => spec.Unit,
        ValueKind.Month => "YYYY-MM",
        _ => string.Create(Invariant, $"{spec.Minimum:G6} .. {spec.Maximum:G6}"),
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
