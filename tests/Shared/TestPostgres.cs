namespace Paz.Tests;

/// <summary>
/// The PostgreSQL server for tests, shared by the test projects that need one (linked into each): PAZ_TEST_POSTGRES if
/// set, else the one the repository's <c>.ci/postgres</c> installs (Debian's package) and starts on loopback — so the
/// README's bare <c>dotnet test</c> runs these tests too; null (a loud skip) only when that fails.
/// </summary>
internal static class TestPostgres
{
    private static readonly Lazy<string?> Found = new(() =>
        Environment.GetEnvironmentVariable("PAZ_TEST_POSTGRES") is { Length: > 0 } s ? s : StartLocalServer());

    /// <summary>A connection string to the server (its maintenance database), or null.</summary>
    public static string? Server => Found.Value;

    private static string? StartLocalServer()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, ".ci", "postgres")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            return null;
        }

        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(folder.FullName, ".ci", "postgres")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
            {
                Console.Error.WriteLine($"!!!!! .ci/postgres failed: {error.Result}");
                return null;
            }

            return output.Trim() is { Length: > 0 } connection ? connection : null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"!!!!! could not run .ci/postgres: {e.Message}");
            return null;
        }
    }
}
