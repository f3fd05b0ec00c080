using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Paz.Cluster.Coordinator;
using Paz.Core.Common;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Reports.Backtests;
using Paz.Simulation.Agents;
using Paz.Simulation.Backtesting;
using Paz.Simulation.Engine;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary><c>paz backtest</c>: rolling-origin backtests of a scenario's engine against persistence and a damped trend.</summary>
public static class BacktestCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Point calibrations per origin by default: one calibration's optimum is its search's draw (at one seed of three the
    /// engine met Trust I's conditions, at the others not), and three pooled carry that draw into the forecast.
    /// </summary>
    public const int DefaultStarts = 3;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario replaying history (engine: agent, starting before the first origin), e.g. scenarios/history.yaml." };
        var origins = new Option<string>("--origins") { Description = "Origins (Decembers), comma-separated.", DefaultValueFactory = _ => string.Join(',', Backtest.DefaultOrigins) };
        var explanations = new Option<string[]>("--explanations") { Description = "Combinations of rival explanations to compare, each comma-separated (e.g. fragmentation,confrontation or none); repeat the option. Default: the scenario's own.", AllowMultipleArgumentsPerToken = true };
        var search = new Option<int>("--search") { Description = "Candidates of each calibration's global phase.", DefaultValueFactory = _ => 16 };
        var refine = new Option<int>("--refine") { Description = "Nelder-Mead iterations of each calibration.", DefaultValueFactory = _ => 40 };
        var replicates = new Option<int>("--replicates") { Description = "Replicates per calibration candidate.", DefaultValueFactory = _ => 2 };
        var forecast = new Option<int>("--forecast-replicates") { Description = "Replicates of each forecast ensemble.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the calibrations and forecasts.", DefaultValueFactory = _ => 2010 };
        var seeds = new Option<string?>("--seeds") { Description = "Repeat the whole backtest with each of these seeds (comma-separated, in place of --seed): the calibrations find other optima with another seed, and the summary says at how many seeds each combination met Trust I's conditions." };
        var starts = new Option<int?>("--starts") { Description = $"Calibrations per origin, from the seeds SEED, SEED+1, ...: the forecast pools their replicates (--forecast-replicates each), so it carries the optimizer's draw instead of betting on one (point calibrations only). Default: {DefaultStarts}, or 1 with --posterior-particles." };
        var threads = new Option<int>("--threads") { Description = "Runs in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of tables." };
        var posteriorParticles = new Option<int?>("--posterior-particles") { Description = "Infer a posterior at each origin (ABC-SMC with this many particles) instead of calibrating a point; each forecast replicate draws its parameters from it, so the bands carry parameter uncertainty." };
        var posteriorGenerations = new Option<int>("--posterior-generations") { Description = "Generations of each origin's inference after the prior's (with --posterior-particles).", DefaultValueFactory = _ => 4 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for backtest.json and backtest.html (default runs/backtest/<scenario>)." };
        var cluster = ClusterCommand.Option();
        var command = new Command("backtest", "Rolling-origin backtests: at each origin calibrate only on outcomes to its December, run the policy in force to December 2018, and score national and state homicides (absolute percentage error, Spearman ρ, 90% interval coverage, CRPS) against persistence and a per-state damped log-linear trend fitted on the same years.")
        {
            scenario, origins, explanations, search, refine, replicates, forecast, seed, seeds, starts, threads, json, output, posteriorParticles, posteriorGenerations, cluster,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(scenario)!;
            var spec = ScenarioLoader.Agent(file.FullName);
            var years = ParseOrigins(parsed.GetValue(origins)!, spec.Start.Year);
            var combinations = ParseExplanations(parsed.GetValue(explanations), spec.Settings);
            var seedList = parsed.GetValue(seeds) is { } text ? ParseSeeds(text) : [parsed.GetValue(seed)];
            var settings = new BacktestSettings(parsed.GetValue(search), parsed.GetValue(refine), parsed.GetValue(replicates), parsed.GetValue(forecast), parsed.GetValue(seed), parsed.GetValue(threads))
            {
                Posterior = parsed.GetValue(posteriorParticles) is { } n
                    ? n >= 4 && parsed.GetValue(posteriorGenerations) >= 0 ? new BacktestPosterior(n, parsed.GetValue(posteriorGenerations)) : throw new UsageException("--posterior-particles must be at least 4 and --posterior-generations at least 0")
                    : null,
                Starts = parsed.GetValue(starts) ?? (parsed.GetValue(posteriorParticles) is null ? DefaultStarts : 1),
            };
            if (settings.Starts < 1 || (settings.Starts > 1 && settings.Posterior is not null))
            {
                throw new UsageException("--starts must be at least 1, and more than 1 only with point calibrations (a posterior already carries the parameters' uncertainty)");
            }

            if (settings.CalibrationReplicates < 1 || settings.ForecastReplicates < 2)
            {
                throw new UsageException("--replicates must be at least 1 and --forecast-replicates at least 2 (an interval needs draws)");
            }

            var clusterAt = ClusterCommand.Location(parsed, cluster); // refused before the work, not after it
            if (clusterAt is not null && settings.Posterior is not null)
            {
                throw new UsageException("--cluster runs point calibrations' candidates and forecasts on the silos; a backtest with --posterior-particles infers here: drop one of them");
            }

            // Each combination's free parameters, refused before the work rather than at its turn.
            var freeOf = combinations.DistinctBy(c => c.Mask).ToDictionary(c => c.Mask, c => FreeFor(spec, (Explanation)c.Mask));
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            using var connection = clusterAt is null ? null : ClusterCommand.Connect(clusterAt);
            if (connection is not null)
            {
                settings = settings with { Threads = connection.InFlight };
            }

            var inputs = EngineInputsBuilder.Build(data, spec.Start);
            var observed = ValidationTargetsBuilder.Observed(data, inputs);
            var engine = new CriminalMarketEngine(inputs);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var results = new List<BacktestRun>();
            var folder = parsed.GetValue(output)?.FullName ?? Path.Combine("runs", "backtest", spec.Name);
            var observedNational = observed.National.Where(x => x.Key >= spec.Start.Year).ToDictionary();

            // Written after every origin, so an interrupted backtest keeps what it finished.
            BacktestReport Save(IReadOnlyList<BacktestRun> runs)
            {
                var report = new BacktestReport(spec.Name, runs, settings, clock.Elapsed) { ObservedNational = observedNational };
                AtomicFile.Write(Path.Combine(folder, "backtest.json"), w => w.Write(JsonSerializer.Serialize(report.ToJson(), AtlasCommand.Json)));
                AtomicFile.Write(Path.Combine(folder, "backtest.html"), w => w.Write(report.Html()));
                return report;
            }

            foreach (var runSeed in seedList)
            {
                var seeded = settings with { Seed = runSeed };
                ulong? tag = seedList.Count > 1 ? runSeed : null;
                foreach (var (label, mask) in combinations)
                {
                    var timeline = spec.Timeline.Select(s => s.With(Explanations.InForce, (double)mask));
                    var free = freeOf[mask];
                    // On a cluster each origin's candidates and forecasts carry the combination and the free values, the record held at the origin.
                    IReadOnlyList<string> sent = [.. free.Select(f => f.Name), Explanations.InForce.Name];
                    var combination = connection is null ? seeded : seeded with { RunAt = origin => ClusterCandidates.Runner(connection.Grains, spec, sent, origin) };
                    var byOrigin = new List<OriginResult>();
                    var name = BacktestRun.LabelOf(label, tag);
                    foreach (var origin in years)
                    {
                        console.Error.WriteLine(string.Create(Invariant, $"paz: backtest: {name}, origin December {origin}: {(settings.Posterior is null ? "calibrating" : "inferring a posterior")} on {spec.Start.Year}-{origin} ({free.Count} free parameters)"));
                        var posterior = settings.Posterior;
                        var steps = posterior is null ? settings.Starts * (settings.Search + (2 * settings.Refine)) : posterior.Generations;
                        byOrigin.Add(LongWork.Run(console, $"backtest {name}, origin {origin}", posterior is null ? "runs (about)" : "generations", steps, (Func<(int Done, double Best), int>)(p => p.Done),
                            p => posterior is null ? string.Create(Invariant, $"best objective {p.Best:0.000}") : string.Create(Invariant, $"tolerance {p.Best:0.000}"),
                            progress => Backtest.AtOrigin(engine, timeline, observed, origin, free, combination, progress)));
                        Save([.. results, new BacktestRun(label, byOrigin) { Seed = tag }]);
                    }

                    results.Add(new BacktestRun(label, byOrigin) { Seed = tag });
                }
            }

            var elapsed = clock.Elapsed;
            var report = Save(results);
            if (parsed.GetValue(json))
            {
                console.Output.WriteLine(JsonSerializer.Serialize(report.ToJson(), AtlasCommand.Json));
                return PazApp.Ok;
            }

            WriteTables(console, report);
            console.Output.WriteLine(string.Create(Invariant, $"wall time {elapsed.TotalMinutes:0.0} min; wrote {Path.GetFullPath(Path.Combine(folder, "backtest.html"))} and backtest.json"));
            return PazApp.Ok;
        });
        return command;
    }

    // The free parameters of a combination: those declared fitted and the scenario's fit list, with each rival's
    // own parameter added where it is held and dropped where it is not.
    private static List<FreeParameter> FreeFor(AgentScenario spec, Explanation held)
    {
        var own = Explanations.OwnParameters;
        var free = spec.FreeParameters.Where(f => own.All(o => o.Parameter.Name != f.Name || held.HasFlag(o.Explanation))).ToList();
        free.AddRange(own.Where(o => held.HasFlag(o.Explanation) && free.All(f => f.Name != o.Parameter.Name)).Select(o => new FreeParameter(o.Parameter.Name, o.Parameter.Prior!)));
        return free.Count <= Calibration.MostFreeParameters ? free : throw new UsageException($"--explanations: {free.Count} free parameters for {held}; calibration fits at most {Calibration.MostFreeParameters} (drop one from the scenario's fit list)");
    }

    private static List<ulong> ParseSeeds(string text)
    {
        var list = new List<ulong>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            list.Add(ulong.TryParse(part, NumberStyles.None, Invariant, out var s) ? s : throw new UsageException($"--seeds: expected whole numbers, comma-separated (e.g. 2010,2011,2012); found '{part}'"));
        }

        return list.Count > 0 ? [.. list.Distinct()] : throw new UsageException("--seeds: expected at least one seed");
    }

    private static List<int> ParseOrigins(string text, int start)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            list.Add(int.TryParse(part, NumberStyles.None, Invariant, out var y) && y > start && y < ValidationTargetsBuilder.LastYear
                ? y
                : throw new UsageException($"--origins: expected years after the scenario's start ({start}) and before {ValidationTargetsBuilder.LastYear}, comma-separated; found '{part}'"));
        }

        return list.Count > 0 ? [.. list.Distinct().Order()] : throw new UsageException("--origins: expected at least one year");
    }

    private static List<(string Label, int Mask)> ParseExplanations(string[]? given, Settings scenario)
    {
        if (given is null || given.Length == 0)
        {
            var own = (int)scenario[Explanations.InForce];
            return [(Label(own), own)];
        }

        var words = Explanations.InForce.Words.ToList();
        return [.. given.Select(text =>
        {
            var mask = 0;
            foreach (var w in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bit = words.IndexOf(w);
                mask |= w == "none" ? 0 : bit >= 0 ? 1 << bit : throw new UsageException($"--explanations: expected none or {string.Join(", ", words)}, comma-separated; found '{w}'");
            }

            return (Label(mask), mask);
        })];
    }

    private static string Label(int mask)
    {
        var words = Explanations.InForce.Words.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        return words.Count == 0 ? "none" : string.Join('+', words);
    }

    private static void WriteTables(CommandConsole console, BacktestReport report)
    {
        var table = new Table().Title($"Backtest of {Markup.Escape(report.Scenario)}: scores on the years after each origin (lower is better, except ρ and coverage)")
            .AddColumns("Explanations", "Origin", "Forecaster", "National MAPE", "State MAPE", "State ρ", "Coverage (nat. / states)", "CRPS national", "CRPS state");
        foreach (var run in report.Runs)
        {
            foreach (var origin in run.Origins)
            {
                foreach (var s in origin.Scores)
                {
                    table.AddRow(Markup.Escape(run.Label), origin.Origin.ToString(Invariant), s.Forecaster, Percent(s.NationalMape), Percent(s.StateMape),
                        s.StateSpearman.ToString("0.00", Invariant), $"{Percent(s.NationalCoverage)} / {Percent(s.StateCoverage)}",
                        s.NationalCrps.ToString("#,0", Invariant), s.StateCrps.ToString("#,0", Invariant));
                }
            }
        }

        console.Tables.Write(table);
        var summary = new Table().Title("Average over origins (coverage pools every held-back year and state-year)").AddColumns("Explanations", "Forecaster", "National MAPE", "State MAPE", "Engine beats persistence (national)", "Meets Trust I's conditions", "CRPS national", "90% band covers (nat. years / state-years)");
        foreach (var row in report.Averages())
        {
            summary.AddRow(Markup.Escape(row.Label), row.Forecaster, Percent(row.NationalMape), Percent(row.StateMape), row.BeatsPersistence ?? "", row.Survives switch { true => "yes", false => "no", null => "" },
                row.NationalCrps.ToString("#,0", Invariant), $"{Percent(row.NationalCoverage)} / {Percent(row.StateCoverage)}");
        }

        console.Tables.Write(summary);
        if (report.Runs.Any(r => r.Seed is not null))
        {
            var verdicts = new Table().Title("Over the seeds: a verdict that holds at one seed of the calibrations and not at another rests on the optimizer's draw").AddColumns("Explanations", "Forecaster", "Meets Trust I's conditions");
            foreach (var v in report.Verdicts())
            {
                verdicts.AddRow(Markup.Escape(v.Explanations), v.Forecaster, string.Create(Invariant, $"at {v.Survived} of {v.Seeds} seeds"));
            }

            console.Tables.Write(verdicts);
        }
    }

    private static string Percent(double x) => double.IsNaN(x) ? "–" : x.ToString("0.0%", Invariant);
}
