namespace Paz.Data;

/// <summary>
/// Files Paz ships beside its program (scenarios, their posteriors, rule sets and data, packed into the tool:
/// README, "Install"), so that the installed <c>paz</c> finds <c>scenarios/baseline.yaml</c> from any folder.
/// </summary>
public static class ShippedFiles
{
    /// <summary>
    /// <paramref name="path"/> when it exists; otherwise, for a path inside the working folder, the same relative
    /// path beside the program if it exists there; otherwise <paramref name="path"/> unchanged (the caller reports it missing).
    /// </summary>
    public static string Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));
        if (Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return path;
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, relative);
        return File.Exists(shipped) ? shipped : path;
    }
}
