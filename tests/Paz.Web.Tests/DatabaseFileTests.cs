using Paz.Tribunal.Storage;
using Paz.Storage;

namespace Paz.Web.Tests;

/// <summary>The SQLite registry's files are its owner's alone.</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ANewRegistryFileIsReadableByItsOwnerOnly()
    {
        var folder = Directory.CreateTempSubdirectory("paz-registry-");
        try
        {
            var path = Path.Combine(folder.FullName, "tribunal.db");
            await Database.Sqlite(path).CreateSchemaAsync();
            var files = new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists).ToList();
            Assert.Contains(path + "-wal", files); // the write-ahead log holds recent writes until a checkpoint
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
