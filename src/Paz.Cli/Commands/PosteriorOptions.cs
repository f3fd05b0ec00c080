using System.CommandLine;

namespace Paz.Cli.Commands;

/// <summary>The options choosing the posterior a command's replicates draw from (<see cref="Paz.Runs.Posteriors.PosteriorChoice"/>).</summary>
internal static class PosteriorOptions
{
    /// <summary>The <c>--posterior</c> option.</summary>
    public static Option<FileInfo?> File() => new("--posterior")
    {
        Description = "Draw each replicate's parameters from this posterior (paz infer) instead of the one found beside the scenario or its base.",
    };

    /// <summary>The <c>--point</c> option.</summary>
    public static Option<bool> Point() => new("--point")
    {
        Description = "Run every replicate at the scenario's point values (bands hold only the replicates' noise), not drawn from the posterior.",
    };
}
