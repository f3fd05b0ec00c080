using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Paz.Core.Common;
using Paz.Core.Parameters;
using Paz.Data;
using Paz.Data.Engine;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;
using Spectre.Console;

namespace Paz.Cli.Commands;

/// <summary>
/// <c>paz infer</c>: the posterior of a scenario's free parameters by ABC-SMC against the calibration's targets (to
/// December 2018), written beside the scenario after every generation and resumed from there when run again.
/// </summary>
public static class InferCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (engine: agent) starting in 2018 or earlier, e.g. scenarios/baseline.yaml." };
        var parameters = new Option<string?>("--parameters") { Description = "Comma-separated parameters to infer (default: every parameter with a prior that the targets respond to, found by a screen at the priors' medians). The others are drawn from their priors." };
        var particles = new Option<int>("--particles") { Description = "Population size.", DefaultValueFactory = _ => 100 };
        var generations = new Option<int>("--generations") { Description = "Generations after the draws from the prior.", DefaultValueFactory = _ => 6 };
        var quantile = new Option<double>("--quantile") { Description = "Each tolerance is this quantile of the previous generation's distances.", DefaultValueFactory = _ => 0.5 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the sampler.", DefaultValueFactory = _ => 2018 };
        var threads = new Option<int>("--threads") { Description = "Simulations in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var budget = new Option<int>("--budget") { Description = "Most simulations in one generation (stops with the last full one).", DefaultValueFactory = _ => 100_000 };
        var batch = new Option<int>("--batch") { Description = "Proposals simulated together (a multiple of --threads keeps the cores busy).", DefaultValueFactory = _ => 32 };
        var output = new Option<FileInfo?>("--out") { Description = "Posterior file (default: SCENARIO.posterior.json beside the scenario)." };
        var command = new Command("infer", "Infer the posterior of a scenario's parameters by ABC-SMC (adaptive tolerances) against the calibration's targets to 2018; write it beside the scenario after every generation; run again with the same options to resume.")
        {
            scenario, parameters, particles, generations, quantile, seed, threads, budget, batch, output,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(scenario)!;
            var spec = ScenarioLoader.Agent(file.FullName);
            if (spec.Start > new DateOnly(2018, 1, 1))
            {
                throw new UsageException("inference fits the years from the start to 2018: the scenario must start in 2018-01 or earlier");
            }

            var target = parsed.GetValue(output)?.FullName ?? Path.ChangeExtension(file.FullName, ".posterior.json");
            var size = parsed.GetValue(particles);
            var q = parsed.GetValue(quantile);
            var s = parsed.GetValue(seed);
            var workers = parsed.GetValue(threads);
            var stored = File.Exists(target) ? PosteriorFile.Read(target) : null;
            var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
            var inputs = EngineInputsBuilder.Build(data, spec.Start);
            var targets = ValidationTargetsBuilder.Build(data, inputs);
            var engine = new CriminalMarketEngine(inputs);
            var sameOptions = stored is not null && stored.Scenario == spec.Name && stored.Seed == s && stored.ParticleCount == size && stored.Quantile == q;
            var named = parsed.GetValue(parameters);
            List<FreeParameter> free;
            IReadOnlyList<FreeParameter>? responsive = null;
            if (!string.IsNullOrWhiteSpace(named))
            {
                free = UncertainParameters.Named(named);
            }
            else if (sameOptions)
            {
                free = [.. stored!.Parameters]; // resuming the default: the screen chose these when the run began
            }
            else
            {
                console.Error.WriteLine($"paz: infer {spec.Name}: screening the {UncertainParameters.All().Count} parameters with a prior for those the targets respond to");
                responsive = ResponseScreen.Responsive(engine, spec.Timeline, targets, UncertainParameters.All(), s, workers);
                free = [.. responsive];
            }

            var resume = sameOptions && stored!.Parameters.Select(p => p.Name).SequenceEqual(free.Select(f => f.Name)) ? stored : null;
            if (stored is not null && resume is null)
            {
                throw new UsageException($"{target} holds a posterior made with other options (or of another scenario); remove it or pass --out");
            }

            var fromPrior = resume is { FromPrior.Count: > 0 } ? Declared(resume, spec, engine, targets, s, workers, console) : FromPrior(free);
            if (resume is not { FromPrior.Count: > 0 } && fromPrior.Count > 0)
            {
                console.Error.WriteLine(responsive is not null
                    ? $"paz: infer {spec.Name}: {fromPrior.Count} parameters the targets do not respond to are drawn from their priors: {string.Join(", ", fromPrior.Select(p => p.Name))}"
                    : $"paz: infer {spec.Name}: the {fromPrior.Count} parameters left out of --parameters are drawn from their priors; any the targets respond to widens the bands beyond what the data allow (without --parameters, a screen finds them): {string.Join(", ", fromPrior.Select(p => p.Name))}");
            }

            var madeBy = (resume?.MadeBy ?? []).Append("paz " + string.Join(' ', parsed.Tokens.Select(t => t.Value))).ToList();
            var simulations = resume?.Simulations ?? 0L;
            if (resume is not null && fromPrior.Count > resume.FromPrior.Count)
            {
                PosteriorFile.Write(target, resume with { FromPrior = fromPrior, MadeBy = madeBy });
            }

            console.Error.WriteLine(resume is null
                ? string.Create(Invariant, $"paz: infer {spec.Name}: {free.Count} parameters, {size} particles, {parsed.GetValue(generations)} generations after the prior's, seed {s}")
                : string.Create(Invariant, $"paz: infer {spec.Name}: resuming after generation {resume.Generation.Index} of {target}"));
            // The checkpoint: each finished generation is written at once, so an interrupted run resumes after it.
            var history = AbcSmc.Run(free.Count, EngineInference.Distance(engine, spec.Timeline, targets, ValidationTargetsBuilder.Observed(data, inputs), free, workers), size, parsed.GetValue(generations), q, s,
                batch: Math.Max(1, parsed.GetValue(batch)), maxSimulations: parsed.GetValue(budget),
                progress: new InlineProgress<AbcGeneration>(generation =>
                {
                    simulations += generation.Simulations;
                    PosteriorFile.Write(target, new PosteriorSample(spec.Name, free, s, size, q, simulations, generation) { FromPrior = fromPrior, MadeBy = madeBy });
                    console.Error.WriteLine(string.Create(Invariant, $"paz: generation {generation.Index}: tolerance {generation.Tolerance:0.000}, {generation.Simulations} simulations, acceptance {generation.AcceptanceRate:P1}; written to {target}"));
                }),
                resumeFrom: resume?.Generation,
                simulated: new InlineProgress<(int Generation, int Simulations)>(p => console.Error.WriteLine(string.Create(Invariant, $"paz: generation {p.Generation}: {p.Simulations} simulations so far"))));

            var posterior = PosteriorFile.Read(target);
            var table = new Table().Title(string.Create(Invariant, $"Posterior of {Markup.Escape(spec.Name)} after generation {posterior.Generation.Index} (tolerance {posterior.Generation.Tolerance:0.000}, {simulations:N0} simulations)"))
                .AddColumns("Parameter", "Prior", "Posterior mean", "sd", "Scenario's value");
            foreach (var (name, prior, mean, sd) in posterior.Summary())
            {
                table.AddRow(name, prior.ToString(), mean.ToString("G4", Invariant), sd.ToString("G3", Invariant), spec.Settings.Get(name).ToString("G4", Invariant));
            }

            foreach (var p in posterior.FromPrior)
            {
                table.AddRow(p.Name, p.Range.ToString(), "(drawn from the prior)", string.Empty, spec.Settings.Get(p.Name).ToString("G4", Invariant));
            }

            console.Tables.Write(table);
            console.Output.WriteLine($"wrote the posterior to {target}");
            return PazApp.Ok;
        });
        return command;
    }

    // A resumed posterior's parameters drawn from their priors, with the parameters declared since it was made: those the
    // targets do not respond to join them (their posterior is their prior); one they respond to cannot, since the particles
    // were selected without it.
    private static IReadOnlyList<FreeParameter> Declared(PosteriorSample resume, AgentScenario spec, CriminalMarketEngine engine, ValidationTargets targets, ulong seed, int workers, CommandConsole console)
    {
        var known = resume.Parameters.Concat(resume.FromPrior).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var added = UncertainParameters.All().Where(p => !known.Contains(p.Name)).ToList();
        if (added.Count == 0)
        {
            return resume.FromPrior;
        }

        console.Error.WriteLine($"paz: infer {spec.Name}: screening {added.Count} parameters declared since the posterior was made: {string.Join(", ", added.Select(p => p.Name))}");
        var responsive = ResponseScreen.Responsive(engine, spec.Timeline, targets, added, seed, workers);
        if (responsive.Count > 0)
        {
            throw new UsageException($"the targets respond to {string.Join(", ", responsive.Select(p => p.Name))}, declared since the posterior was made: infer a new posterior (remove the file or pass --out)");
        }

        console.Error.WriteLine($"paz: infer {spec.Name}: the targets do not respond to them; they are drawn from their priors");
        return [.. resume.FromPrior, .. added];
    }

    // Every parameter with a prior that is not inferred is drawn from its prior.
    private static List<FreeParameter> FromPrior(IReadOnlyList<FreeParameter> inferred) =>
        [.. UncertainParameters.All().Where(p => inferred.All(f => f.Name != p.Name))];
}
