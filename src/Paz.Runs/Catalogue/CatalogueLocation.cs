using Paz.Storage;

namespace Paz.Runs.Catalogue;

/// <summary>Where the run catalogue lives: a PostgreSQL database when a connection string is given, else a SQLite file (default <c>runs/catalogue.db</c>).</summary>
public static class CatalogueLocation
{
    /// <summary>The default SQLite file, relative to the working folder.</summary>
    public static readonly string DefaultFile = Path.Combine("runs", "catalogue.db");

    /// <summary>Opens the catalogue at <paramref name="postgres"/> if given, else in the SQLite file <paramref name="file"/> (default <see cref="DefaultFile"/>).</summary>
    public static Task<RunCatalogue> OpenAsync(string? file, string? postgres, TimeProvider? clock = null)
    {
        if (!string.IsNullOrEmpty(postgres))
        {
            return RunCatalogue.OpenAsync(Database.Postgres(postgres), clock);
        }

        var path = Path.GetFullPath(string.IsNullOrEmpty(file) ? DefaultFile : file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return RunCatalogue.OpenAsync(Database.Sqlite(path), clock);
    }
}
