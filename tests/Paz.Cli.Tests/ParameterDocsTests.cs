using Paz.Cli.Commands;

namespace Paz.Cli.Tests;

/// <summary>docs/parameters.md is generated from the declarations (<c>paz params --markdown</c>) and must agree with them.</summary>
public class ParameterDocsTests
{
    private const string Begin = "<!-- begin: paz params --markdown -->";
    private const string End = "<!-- end: paz params --markdown -->";

    [Fact]
    public void TheDocumentedTableIsTheOneTheDeclarationsGive()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Paz.slnx")))
        {
            root = root.Parent;
        }

        var doc = File.ReadAllText(Path.Combine(root!.FullName, "docs", "parameters.md"));
        var from = doc.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var to = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from > Begin.Length - 1 && to > from, "docs/parameters.md lacks the generated table's markers");
        Assert.Equal(ParamsCommand.Markdown().Trim(), doc[from..to].Trim());
    }

    [Fact]
    public void ParamsPrintsEveryParameterAndLeverWithUnitSourceAndRange()
    {
        var run = PazRun.Of("params", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Simulation.Engine.Declarations.All.Count, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("unit").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("source").GetString()));
            Assert.True(e.GetProperty("minimum").GetDouble() <= e.GetProperty("maximum").GetDouble());
        });
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == "guard_posture" && e.GetProperty("role").GetString() == "lever");
    }
}
