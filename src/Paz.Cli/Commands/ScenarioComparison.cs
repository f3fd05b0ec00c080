using Paz.Core.Violence;
using Paz.Data;
using Paz.Reports.Compare;
using Paz.Simulation.Agents;

namespace Paz.Cli.Commands;

/// <summary>Several scenarios run on the same data, seeds and parameter draws, as <c>paz compare</c> and <c>paz report</c> both need them.</summary>
/// <param name="Data">The shipped data.</param>
/// <param name="Envelope">The country's record of yearly changes (the plausibility check).</param>
/// <param name="Drawn">The posterior the replicates drew their parameters from (null: point values).</param>
/// <param name="Runs">Each scenario's ensemble.</param>
/// <param name="Outcomes">Each scenario's summary, with its implausible years flagged.</param>
/// <param name="Differences">Each pair's paired difference in the year asked (later scenario − earlier).</param>
/// <param name="Observed">INEGI's national rate per year over the runs' years.</param>
internal sealed record ScenarioComparison(
    PazDataSet Data,
    ChangeEnvelope Envelope,
    Paz.Simulation.Inference.PosteriorSample? Drawn,
    IReadOnlyList<EnsembleRun> Runs,
    IReadOnlyList<ScenarioOutcome> Outcomes,
    IReadOnlyList<PairedDifference> Differences,
    IReadOnlyDictionary<int, double> Observed)
{
    /// <summary>The engine's structural error measured on a replay, when a model-error file was found or named, with each scenario's outlook under it (null for a scenario that runs no year after 2018).</summary>
    public ModelErrorComparison? ModelError { get; init; }

    /// <summary>What the bands hold, in a sentence.</summary>
    public string UncertaintyNote => Drawn is null
        ? "Parameters at the scenarios' point values: the bands hold only the replicates' noise."
        : $"Each replicate drew its parameters from the posterior of {Drawn.Scenario}: the bands hold parameter and stochastic uncertainty.";

    /// <summary>Runs <paramref name="files"/> from one posterior (or at their point values), in the order given; differences in <paramref name="year"/>.</summary>
    /// <exception cref="UsageException">The scenarios would draw from different posteriors.</exception>
    public static ScenarioComparison Run(CommandConsole console, IReadOnlyList<FileInfo> files, string? dataFolder, int? replicates, int threads, FileInfo? posterior, bool point, FileInfo? modelError = null, int year = YearSummary.PromiseYear)
    {
        var specs = files.Select(f => ScenarioLoader.Agent(f.FullName, replicates)).ToList();
        var modelErrorFile = ModelErrorComparison.Find(specs[0].Files, modelError);
        var data = PazDataSet.Load(DataDirectory.Locate(dataFolder));
        var envelope = Paz.Data.Engine.ValidationTargetsBuilder.Envelope(data);
        var paths = specs.Select(spec => PosteriorChoice.PathFor(spec, posterior?.FullName, point)).ToList();
        if (paths.Distinct().Count() > 1)
        {
            throw new UsageException($"the scenarios would draw their parameters from different posteriors ({string.Join(", ", specs.Select((s, i) => $"{s.Name}: {paths[i] ?? "none"}"))}), so their differences would not be paired: pass one --posterior, or --point");
        }

        var drawn = PosteriorChoice.Read(paths[0]);
        specs.ForEach(spec => PosteriorChoice.Usable(spec, drawn, paths[0]));
        var runs = specs.Select(spec => ScenarioRunner.Run(console, data, spec, threads, drawn)).ToList();
        var outcomes = runs.Select(run => new ScenarioOutcome(run.Scenario.Name, run.Scenario.Description, run.Scenario.Replicates, run.Summary)
        {
            Implausible = Plausibility.Flags(run.Replicates, envelope, Paz.Data.Engine.ValidationTargetsBuilder.Build(data, run.Inputs).CheckedFrom),
        }).ToList();

        // Each pair's difference in the year, replicate by replicate (same seeds; from a posterior, the same parameters).
        var differences = new List<PairedDifference>();
        for (var i = 0; i < runs.Count; i++)
        {
            for (var j = i + 1; j < runs.Count; j++)
            {
                if (runs[i].Summary.Any(y => y.Year == year) && runs[j].Summary.Any(y => y.Year == year))
                {
                    differences.Add(PairedDifference.Of(runs[j].Scenario.Name, runs[j].Replicates, runs[i].Scenario.Name, runs[i].Replicates, year));
                }
            }
        }

        var observed = HomicideOverview.NationalByYear(data.Atlas, data.Homicides)
            .Where(y => y.Year >= outcomes.Min(o => o.Years[0].Year) && y.OccurredRate is not null)
            .ToDictionary(y => y.Year, y => y.OccurredRate!.Value);
        return new ScenarioComparison(data, envelope, drawn, runs, outcomes, differences, observed)
        {
            ModelError = modelErrorFile is { } found ? ModelErrorComparison.Of(found, data, runs) : null,
        };
    }
}
