using Paz.Simulation.Agents;

namespace Paz.Cli.Commands;

/// <summary>The parameters with a prior, as <c>--parameters a,b,…</c> of paz sensitivity and paz infer names them.</summary>
internal static class UncertainParameters
{
    /// <summary>Every declared parameter with a prior, in declaration order.</summary>
    public static List<FreeParameter> All() => [.. Calibration.Uncertain];

    /// <summary>The named ones, in the order given.</summary>
    /// <exception cref="UsageException">A name is not a parameter with a prior; the message lists those that are.</exception>
    public static List<FreeParameter> Named(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var uncertain = All().ToDictionary(p => p.Name);
        return [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name => uncertain.TryGetValue(name, out var parameter)
            ? parameter
            : throw new UsageException($"--parameters: '{name}' is not a parameter with a prior; expected some of {string.Join(", ", uncertain.Keys.Order(StringComparer.Ordinal))}"))];
    }
}
