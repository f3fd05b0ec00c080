namespace Paz.Simulation.Aggregate;

/// <summary>How the aggregate model's initial group sizes are set.</summary>
public enum InitialSizes
{
    /// <summary>The expected sizes, C0/(k·H): deterministic.</summary>
    Expected,

    /// <summary>Poisson draws around the expected sizes, from the scenario's seed.</summary>
    Poisson,
}

/// <summary>A scenario for the aggregate engine: horizon, parameters, initial sizes and a policy experiment.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">What the scenario encodes.</param>
/// <param name="Weeks">Weeks to run from January 2012.</param>
/// <param name="Parameters">Model parameters (published values unless overridden).</param>
/// <param name="Initial">How initial sizes are set.</param>
/// <param name="Seed">Seed for Poisson initial sizes.</param>
/// <param name="Experiment">Policy change, or null for none.</param>
public sealed record AggregateScenario(
    string Name,
    string Description,
    int Weeks,
    PrietoCurielParameters Parameters,
    InitialSizes Initial,
    ulong Seed,
    PolicyExperiment? Experiment)
{
    /// <summary>Runs the scenario on <paramref name="model"/>.</summary>
    public AggregateRun Run(PrietoCurielModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sizes = Initial == InitialSizes.Poisson
            ? model.PoissonInitialSizes(Parameters.InitialMembers, new Core.Randomness.Xoshiro256StarStar(Seed))
            : null;
        return model.Run(Parameters, Weeks, Experiment, sizes);
    }
}
