using Paz.Storage;

namespace Paz.Runs.Catalogue;

/// <summary>Where the run catalogue lives: a PostgreSQL database when a connection string is given, else a SQLite file <c>catalogue.db</c> in a runs folder.</summary>
public static class CatalogueLocation
{
    /// <summary>The SQLite catalogue of the runs kept in <paramref name="folder"/>.</summary>
    public static string FileIn(string folder) => Path.Combine(folder, "catalogue.db");

    /// <summary>Opens the catalogue at <paramref name="postgres"/> if given, else in the SQLite file <paramref name="file"/> (its folder created if missing).</summary>
    public static Task<RunCatalogue> OpenAsync(string file, string? postgres, TimeProvider? clock = null)
    {
        if (!string.IsNullOrEmpty(postgres))
        {
            return RunCatalogue.OpenAsync(Database.Postgres(postgres), clock);
        }

        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return RunCatalogue.OpenAsync(Database.Sqlite(path), clock);
    }
}
