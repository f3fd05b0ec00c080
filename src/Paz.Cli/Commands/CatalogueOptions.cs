using System.CommandLine;
using Paz.Runs.Catalogue;

namespace Paz.Cli.Commands;

/// <summary>The options naming the run catalogue (docs/runs.md) and asking to run again what it holds.</summary>
internal static class CatalogueOptions
{
    /// <summary><c>--catalogue FILE</c>.</summary>
    public static readonly Option<FileInfo?> File = new("--catalogue")
    {
        Description = "The run catalogue's SQLite file (default catalogue.db beside the run's output folder, runs/catalogue.db for runs/<scenario>): a rerun of the same scenario, seed, replicates, parameters and code is served from it.",
    };

    /// <summary><c>--catalogue-postgres CONNECTION</c>.</summary>
    public static readonly Option<string?> Postgres = new("--catalogue-postgres")
    {
        Description = "Keep the run catalogue in this PostgreSQL database (a connection string) instead of a SQLite file.",
    };

    /// <summary><c>--rerun</c>.</summary>
    public static readonly Option<bool> Rerun = new("--rerun")
    {
        Description = "Run even if the catalogue holds the same run.",
    };

    /// <summary>The catalogue the parsed options name; by default beside <paramref name="outputFolder"/>, so that runs kept apart keep their catalogues apart.</summary>
    public static RunCatalogue Open(ParseResult parsed, string outputFolder) =>
        CatalogueLocation.OpenAsync(parsed.GetValue(File)?.FullName ?? CatalogueLocation.FileIn(Path.GetDirectoryName(Path.GetFullPath(outputFolder))!), parsed.GetValue(Postgres)).GetAwaiter().GetResult();
}
