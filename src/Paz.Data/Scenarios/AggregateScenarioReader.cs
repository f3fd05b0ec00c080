using Paz.Simulation.Aggregate;

namespace Paz.Data.Scenarios;

/// <summary>Reads scenario files for the aggregate engine (<c>engine: aggregate</c>), strictly.</summary>
public static class AggregateScenarioReader
{
    private static readonly string[] TopKeys = ["name", "description", "engine", "model", "start", "weeks", "initial_sizes", "seed", "experiment", "parameters"];
    private static readonly string[] ExperimentKeys = ["name", "from_week", "recruitment_factor", "incapacitation_factor"];

    /// <summary>Reads and validates a scenario file.</summary>
    /// <exception cref="DataFormatException">Unknown key, wrong type or out-of-range value; the message names file and line.</exception>
    public static AggregateScenario Read(string path)
    {
        var yaml = YamlMap.Load(path, TopKeys);
        var engine = yaml.Text("engine");
        if (engine != "aggregate")
        {
            throw yaml.ErrorAt("engine", $"'engine': expected 'aggregate' (the Prieto-Curiel model), found '{engine}'");
        }

        var model = yaml.OptionalText("model") ?? "prieto-curiel-2023";
        if (model != "prieto-curiel-2023")
        {
            throw yaml.ErrorAt("model", $"'model': expected 'prieto-curiel-2023', found '{model}'");
        }

        var start = yaml.OptionalText("start") ?? "2012-01";
        if (start != "2012-01")
        {
            throw yaml.ErrorAt("start", $"'start': the published model starts in January 2012; expected '2012-01', found '{start}'");
        }

        var weeks = (int)yaml.WholeNumber("weeks", 1, 52 * 100);
        var initial = (yaml.OptionalText("initial_sizes") ?? "expected") switch
        {
            "expected" => InitialSizes.Expected,
            "poisson" => InitialSizes.Poisson,
            var other => throw yaml.ErrorAt("initial_sizes", $"'initial_sizes': expected 'expected' or 'poisson', found '{other}'"),
        };
        if (initial == InitialSizes.Poisson && !yaml.Has("seed"))
        {
            throw yaml.ErrorAt("initial_sizes", "'initial_sizes: poisson' needs a 'seed'");
        }

        var seed = (ulong)yaml.WholeNumber("seed", 0, long.MaxValue, 0);

        var parameters = PrietoCurielParameters.Published;
        if (yaml.Map("parameters", PrietoCurielParameters.Specs.Select(s => s.Name)) is { } overrides)
        {
            foreach (var spec in PrietoCurielParameters.Specs.Where(s => overrides.Has(s.Name)))
            {
                parameters = parameters.With(spec.Name, overrides.Number(spec.Name, spec.Minimum, spec.Maximum));
            }
        }

        PolicyExperiment? experiment = null;
        if (yaml.Map("experiment", ExperimentKeys) is { } e)
        {
            experiment = new PolicyExperiment(
                e.Text("name"),
                (int)e.WholeNumber("from_week", 0, weeks, PolicyExperiment.PublishedSwitchWeek),
                e.Number("recruitment_factor", 0, 10, 1),
                e.Number("incapacitation_factor", 0, 10, 1));
        }

        return new AggregateScenario(yaml.Text("name"), yaml.OptionalText("description") ?? string.Empty, weeks, parameters, initial, seed, experiment);
    }
}
