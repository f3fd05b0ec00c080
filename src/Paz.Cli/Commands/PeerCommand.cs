using System.CommandLine;
using System.Globalization;
using Paz.Data.Groups;
using Paz.Data.Homicides;
using Paz.Data.Scenarios;
using Paz.Data;
using Paz.Simulation.Aggregate;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz peer</c>: published models that Paz hosts as calibration anchors.</summary>
public static class PeerCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var peer = new Command("peer", "Run published models that Paz hosts as calibration anchors.");
        peer.Subcommands.Add(PrietoCuriel(console));
        return peer;
    }

    private static Command PrietoCuriel(CommandConsole console)
    {
        var weeks = new Option<int?>("--weeks") { Description = "Weeks to run from January 2012 (default 520, or 1040 with an experiment, or the scenario's)." };
        var experiment = new Option<string?>("--experiment") { Description = "Policy experiment from week 520 (January 2022)." };
        experiment.AcceptOnlyFromAmong([.. PolicyExperiment.Published.Select(e => e.Name)]);
        var scenario = new Option<FileInfo?>("--scenario") { Description = "Run an aggregate scenario file (e.g. scenarios/peer/prieto-curiel-no-recruitment.yaml)." };
        var seed = new Option<ulong?>("--poisson-seed") { Description = "Draw initial group sizes from Poisson distributions with this seed (default: the expected sizes)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the weekly series as CSV: week,date,members,recruits,deaths,incapacitations,saturation." };
        var fit = new Option<bool>("--fit") { Description = "Refit rho, eta, theta, omega and C0 to homicides plus missing persons 2012-2018 within the published bounds, and compare with the published fit." };

        var command = new Command("prieto-curiel",
            "The national cartel model of Prieto-Curiel, Campedelli & Hope, Science 381 (2023): 150 groups of the 2020 conflict network, weekly recruitment, incapacitation, conflict deaths and saturation. Prints members at the start of each year and weekly flows averaged per year.")
        {
            weeks, experiment, scenario, seed, csv, fit,
        };
        command.SetAction(parsed =>
        {
            var data = DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName);
            var model = new PrietoCurielModel(GroupNetworkLoader.Load(data));
            if (parsed.GetValue(fit))
            {
                Fit(console, data, model);
                return PazApp.Ok;
            }

            var run = BuildScenario(parsed.GetValue(scenario), parsed.GetValue(experiment), parsed.GetValue(weeks), parsed.GetValue(seed));
            var result = run.Run(model);
            WriteSummary(console, run, result);
            if (parsed.GetValue(csv) is { } file)
            {
                AtomicFile.Write(file.FullName, w => WriteCsv(w, result));
                console.Error.WriteLine($"paz: wrote {result.Weeks.Count - 1} weeks to {file.FullName}");
            }

            return PazApp.Ok;
        });
        return command;
    }

    private static AggregateScenario BuildScenario(FileInfo? file, string? experimentName, int? weeks, ulong? seed)
    {
        if (file is not null && experimentName is not null)
        {
            throw new UsageException("--scenario and --experiment cannot be combined: the scenario file names its own experiment");
        }

        if (weeks is < 1)
        {
            throw new UsageException($"--weeks must be at least 1, not {weeks}");
        }

        var scenario = file is not null
            ? AggregateScenarioReader.Read(file.FullName)
            : new AggregateScenario("prieto-curiel", "published parameters", 520, PrietoCurielParameters.Published, InitialSizes.Expected, 0,
                experimentName is null ? null : PolicyExperiment.Published.Single(e => e.Name == experimentName));
        if (file is null && experimentName is not null)
        {
            scenario = scenario with { Weeks = 1040 };
        }

        if (weeks is { } w)
        {
            scenario = scenario with { Weeks = w };
        }

        if (seed is { } s)
        {
            scenario = scenario with { Initial = InitialSizes.Poisson, Seed = s };
        }

        return scenario;
    }

    internal static void WriteSummary(CommandConsole console, AggregateScenario scenario, AggregateRun run)
    {
        var table = new Table()
            .Title($"{Markup.Escape(scenario.Name)}: {(scenario.Experiment is { } e ? $"{Markup.Escape(e.Name)} from week {e.FromWeek}" : "no policy change")}")
            .AddColumns("Year", "Members at start", "Recruits /wk", "Deaths /wk", "Incapacitations /wk", "Saturation /wk");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var y in run.ByYear())
        {
            table.AddRow(y.Year.ToString(Invariant), y.MembersAtStart.ToString("N0", Invariant), y.Recruits.ToString("0.0", Invariant),
                y.Deaths.ToString("0.0", Invariant), y.Incapacitations.ToString("0.0", Invariant), y.Saturation.ToString("0.0", Invariant));
        }

        console.Tables.Write(table);
        var end = run.Weeks[^1];
        if (end.Week != 520)
        {
            console.Output.WriteLine(string.Create(Invariant, $"Members at week {end.Week} ({end.Date:yyyy-MM-dd}): {end.Members:N0}"));
        }

        if (run.Weeks.Count > 520)
        {
            var lastWeek = run.Weeks[Math.Min(520, run.Weeks.Count - 2)];
            console.Output.WriteLine(string.Create(Invariant,
                $"Members at week 520 ({run.Weeks[520].Date:yyyy-MM-dd}): {run.MembersAt(520):N0} (published: about 175,000 in January 2022, range 160,000-185,000); conflict deaths in week {lastWeek.Week}: {lastWeek.Deaths:0.0} (published: about 125)"));
        }

        if (scenario.Experiment is { } experiment && run.Weeks.Count > experiment.FromWeek + 261)
        {
            var at = run.Weeks[experiment.FromWeek];
            var later = run.Weeks[experiment.FromWeek + 260];
            console.Output.WriteLine(string.Create(Invariant,
                $"Five years after the switch (week {later.Week}): members {Change(later.Members, at.Members)}, weekly conflict deaths {Change(later.Deaths, at.Deaths)} against week {at.Week} (published for the status quo by 2027: about +26% members, +40% deaths)"));
        }

        console.Output.WriteLine($"Initial sizes: {scenario.Initial.ToString().ToLowerInvariant()}{(scenario.Initial == InitialSizes.Poisson ? $" (seed {scenario.Seed})" : string.Empty)}. Integrator: Dormand-Prince 5(4), {run.Steps} accepted steps, {run.RejectedSteps} rejected, {run.Evaluations} evaluations (outputs every week).");
    }

    private static string Change(double now, double before) => ((now / before) - 1).ToString("+0.0%;-0.0%", Invariant);

    internal static void WriteCsv(TextWriter writer, AggregateRun run)
    {
        writer.WriteLine("week,date,members,recruits,deaths,incapacitations,saturation");
        foreach (var w in run.Weeks)
        {
            writer.WriteLine(string.Join(',',
                w.Week.ToString(Invariant), w.Date.ToString("yyyy-MM-dd", Invariant), Number(w.Members), Number(w.Recruits),
                Number(w.Deaths), Number(w.Incapacitations), Number(w.Saturation)));
        }
    }

    private static string Number(double value) => double.IsNaN(value) ? string.Empty : value.ToString("0.######", Invariant);

    private static void Fit(CommandConsole console, DataDirectory data, PrietoCurielModel model)
    {
        var flows = HomicideLoader.ReadNationalFlows(data.NationalFlows);
        var casualties = flows.Where(f => f.Year <= PrietoCurielFit.CalibrationWindowEnd).Select(f => (f.Year, (double)(f.Homicides + f.MissingPersons))).ToList();
        console.Error.WriteLine($"paz: fitting to {casualties.Count} years ({casualties.Min(c => c.Year)}-{casualties.Max(c => c.Year)}) of homicides plus missing persons ...");
        var result = PrietoCurielFit.Fit(model, casualties);

        var parameters = new Table().Title("Refit within the published bounds").AddColumns("Parameter", "Unit", "Published", "Refit", "Change", "Bounds");
        var published = PrietoCurielParameters.Published.ToArray();
        var refit = result.Parameters.ToArray();
        for (var i = 0; i < published.Length; i++)
        {
            var spec = PrietoCurielParameters.Specs[i];
            parameters.AddRow(spec.Name, spec.Unit, published[i].ToString("G6", Invariant), refit[i].ToString("G6", Invariant),
                Change(refit[i], published[i]), $"{spec.Minimum.ToString("G3", Invariant)} .. {spec.Maximum.ToString("G3", Invariant)}");
        }

        console.Tables.Write(parameters);
        var years = new Table().Title($"Weekly conflict deaths: target is {PrietoCurielFit.DefaultDeathShare:0%} of homicides plus missing persons per week (the authors' share)")
            .AddColumns("Year", "Target", "Published parameters", "Refit");
        foreach (var y in result.Years)
        {
            years.AddRow(y.Year.ToString(Invariant), y.Target.ToString("0.0", Invariant), y.Published.ToString("0.0", Invariant), y.Fitted.ToString("0.0", Invariant));
        }

        console.Tables.Write(years);
        console.Output.WriteLine(string.Create(Invariant,
            $"Sum of squares (deaths/week)²: published {result.PublishedSumOfSquares:0.0}, refit {result.SumOfSquares:0.0}; RMSE {Math.Sqrt(result.PublishedSumOfSquares / result.Years.Count):0.0} → {Math.Sqrt(result.SumOfSquares / result.Years.Count):0.0} deaths/week; {result.Evaluations} model runs; {(result.Converged ? "converged" : "stopped at the iteration limit")}."));
        console.Output.WriteLine(string.Create(Invariant,
            $"Members at week 520 (January 2022, outside the fitted years): refit {model.Run(result.Parameters, 520).MembersAt(520):N0}, published parameters {model.Run(PrietoCurielParameters.Published, 520).MembersAt(520):N0} (paper: about 175,000)."));
        console.Output.WriteLine("Data: national homicides and missing persons 2012-2018 (data/homicides/national_homicides_missing_arrests_2012_2018.csv); later years are outside the calibration window. Five parameters against seven yearly points: expect them poorly identified.");
    }
}
