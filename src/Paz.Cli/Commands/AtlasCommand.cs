using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using Paz.Core.Territory;
using Paz.Data;
using Paz.Reports.Maps;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz atlas</c>: what the shipped data says about Mexico's territory and homicides.</summary>
public static class AtlasCommand
{
    /// <summary>JSON settings shared by every --json output: snake_case names, enums as text.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new CodeConverter<MunicipalityCode>(c => c.Value), new CodeConverter<StateCode>(c => c.Value) },
    };

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var year = new Option<int>("--year") { Description = "Year of the municipal ranking and the map (2000-2018).", DefaultValueFactory = _ => 2018 };
        var top = new Option<int>("--top") { Description = "How many municipalities to rank.", DefaultValueFactory = _ => 20 };
        var minimum = new Option<int>("--min-population") { Description = "Only rank municipalities with at least this many inhabitants in --year.", DefaultValueFactory = _ => 50_000 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of tables." };
        var map = new Option<string?>("--map") { Description = "Draw a municipal choropleth as SVG: 'homicides' (rate per 100,000) or 'population'. Needs --out." };
        map.AcceptOnlyFromAmong("homicides", "population");
        var output = new Option<FileInfo?>("--out") { Description = "File the --map is written to (SVG)." };

        var command = new Command("atlas", "Summarize the atlas and homicide series: states, municipalities, population, national homicides per year (by occurrence and by registration) and the municipalities with the highest rates; optionally draw a map.")
        {
            year, top, minimum, json, map, output,
        };
        command.SetAction(parsed =>
        {
            var y = parsed.GetValue(year);
            var n = parsed.GetValue(top);
            if (n < 1)
            {
                throw new UsageException($"--top must be at least 1, not {n}");
            }

            var mapKind = parsed.GetValue(map);
            var file = parsed.GetValue(output);
            if (mapKind is not null && file is null)
            {
                throw new UsageException("--map needs --out FILE.svg to say where the map goes");
            }

            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var series = data.Homicides.MunicipalMonthly;
            if (y < series.First.Year || y > series.Last.Year)
            {
                throw new UsageException($"--year must be within the municipal series, {series.First.Year}-{series.Last.Year}, not {y}");
            }

            var report = AtlasReport.Build(data, y, n, parsed.GetValue(minimum));
            if (mapKind is not null && file is not null)
            {
                var svg = mapKind == "population" ? AtlasMaps.Population(data.Atlas, y) : AtlasMaps.HomicideRate(data.Atlas, series, y);
                file.Directory?.Create();
                File.WriteAllText(file.FullName, svg);
                console.Error.WriteLine($"paz: wrote {mapKind} map for {y} to {file.FullName}");
            }

            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                WriteTables(console.Tables, report);
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static void WriteTables(IAnsiConsole console, AtlasReport report)
    {
        var overview = new Table().Title("Atlas").AddColumns("", "").HideHeaders();
        overview.AddRow("Data folder", Markup.Escape(report.Data));
        overview.AddRow("States", report.States.ToString(CultureInfo.InvariantCulture));
        overview.AddRow("Municipalities", report.Municipalities.ToString(CultureInfo.InvariantCulture));
        overview.AddRow("Adjacent pairs", report.Adjacencies.ToString(CultureInfo.InvariantCulture));
        foreach (var (year, population) in report.Population)
        {
            overview.AddRow($"Population {year}", population.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(overview);

        var national = new Table().Title("National homicides per year")
            .AddColumns("Year", "Occurred (INEGI, by occurrence)", "Population", "Rate /100k", "Registered (INEGI headline)", "Rate /100k");
        foreach (var c in national.Columns.Skip(1))
        {
            c.RightAligned();
        }

        foreach (var row in report.National)
        {
            national.AddRow(
                row.Year.ToString(CultureInfo.InvariantCulture),
                row.Occurred?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                row.Population?.ToString("N0", CultureInfo.InvariantCulture) ?? "–",
                row.OccurredRate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–",
                row.Registered is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) + (row.RegisteredIsPreliminary ? " (prelim.)" : string.Empty) : "–",
                row.RegisteredRate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–");
        }

        console.Write(national);

        var ranking = new Table()
            .Title($"Highest homicide rates {report.Year}, municipalities of at least {report.HighestRatesMinimumPopulation:N0} inhabitants")
            .AddColumns("#", "cve_mun", "Municipality", "State", "Population", "Homicides", "Rate /100k");
        var rank = 0;
        foreach (var m in report.HighestRates)
        {
            ranking.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture), m.Code.Value, Markup.Escape(m.Name), Markup.Escape(m.State),
                m.Population.ToString("N0", CultureInfo.InvariantCulture), m.Homicides.ToString("N0", CultureInfo.InvariantCulture),
                m.Rate.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(ranking);

        var quirks = new Table().Title("Known data quirks (data/PROVENANCE.md), each handled explicitly").AddColumns("Kind", "Code", "Handling");
        foreach (var q in report.Quirks)
        {
            quirks.AddRow(q.Kind, q.Code, Markup.Escape(q.Handling));
        }

        console.Write(quirks);
        console.WriteLine("Occurrence: deaths by month and municipality of occurrence (Gargiulo, Aburto & Floridi from INEGI); registration: INEGI's headline series by year of registration. Rates use census populations interpolated geometrically (docs/population.md).");
    }

    private sealed class CodeConverter<T>(Func<T, string> text) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException($"{typeof(T).Name} is written, never read, by paz atlas");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(text(value));
    }
}
