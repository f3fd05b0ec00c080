using Paz.Core.Parameters;

namespace Paz.Simulation.Aggregate;

/// <summary>
/// The parameters of the national cartel model of Prieto-Curiel, Campedelli &amp; Hope, "Reducing
/// cartel recruitment is the only way to lower violence in Mexico", Science 381 (2023). Time unit:
/// the week. Defaults are the published fitted values; ranges are the bounds of the published fit.
/// </summary>
/// <param name="Rho">Recruitment rate: new members per member per week.</param>
/// <param name="Eta">Incapacitations (arrests and other removals by the state) per week, shared among groups in proportion to size.</param>
/// <param name="Theta">Conflict lethality: deaths per week per unit of C'MC.</param>
/// <param name="Omega">Saturation: per-member loss rate per member of the same group per week.</param>
/// <param name="InitialMembers">Members of all groups in January 2012 (C0).</param>
public sealed record PrietoCurielParameters(double Rho, double Eta, double Theta, double Omega, double InitialMembers)
{
    /// <summary>The published values.</summary>
    public static readonly PrietoCurielParameters Published = new(2.527474e-3, 110, 1.549231e-8, 0.04e-6, 115_000);

    private const string Source = "Prieto-Curiel, Campedelli & Hope (2023), Science 381; fitted values and fit bounds of the authors' public code";

    /// <summary>Declarations of the five parameters: default, unit, source and range.</summary>
    public static readonly IReadOnlyList<ParameterSpec> Specs =
    [
        new("rho", Published.Rho, "recruits per member per week", Source, 2e-3, 3e-3, "recruitment rate"),
        new("eta", Published.Eta, "incapacitations per week", Source, 110, 120, "state incapacitation of members (arrests), shared in proportion to group size"),
        new("theta", Published.Theta, "deaths per week per member² of conflict exposure", Source, 1e-8, 2e-8, "lethality of conflict between groups"),
        new("omega", Published.Omega, "per week per member", Source, 0.04e-6, 0.1e-6, "saturation: losses growing with the square of a group's size"),
        new("c0", Published.InitialMembers, "members", Source, 110_000, 115_000, "members of all groups in January 2012"),
    ];

    /// <summary>The values in the order of <see cref="Specs"/>.</summary>
    public double[] ToArray() => [Rho, Eta, Theta, Omega, InitialMembers];

    /// <summary>Builds parameters from values in the order of <see cref="Specs"/>.</summary>
    public static PrietoCurielParameters FromArray(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Core.Common.Check.Require(values.Count == Specs.Count, $"expected {Specs.Count} values");
        return new PrietoCurielParameters(values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>A copy with one parameter, named as in <see cref="Specs"/>, set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public PrietoCurielParameters With(string name, double value) => name switch
    {
        "rho" => this with { Rho = value },
        "eta" => this with { Eta = value },
        "theta" => this with { Theta = value },
        "omega" => this with { Omega = value },
        "c0" => this with { InitialMembers = value },
        _ => throw new ArgumentException($"unknown parameter '{name}'; known: {string.Join(", ", Specs.Select(s => s.Name))}", nameof(name)),
    };
}
