using Paz.Core.Amnesty;

namespace Paz.Rules.Amnesty;

/// <summary>The shipped rule sets (rules/amnesty/*.yaml), found like the data directory.</summary>
public static class RuleLibrary
{
    /// <summary>Folder of the rule files relative to the repository root.</summary>
    public const string Folder = "rules/amnesty";

    /// <summary>
    /// The rule folder: <paramref name="explicitPath"/> when given, else the nearest <c>rules/amnesty</c>
    /// above the working directory or the program.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder was found (the message says where it looked).</exception>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Directory.Exists(explicitPath) ? explicitPath : throw new DirectoryNotFoundException($"rule folder '{explicitPath}' does not exist");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Folder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"no {Folder} folder above {Directory.GetCurrentDirectory()}; pass --rules-dir");
    }

    /// <summary>Reads every rule file of the folder, in file-name order.</summary>
    public static IReadOnlyList<RuleSet> LoadAll(string folder) =>
        [.. Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(RuleSetReader.Read)];
}
