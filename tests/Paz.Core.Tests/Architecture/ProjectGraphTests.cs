using System.Xml.Linq;

namespace Paz.Core.Tests.Architecture;

/// <summary>
/// The allowed project references, checked against the project files (as NodaTime checks its own rules): the
/// tribunal and its web service depend on the domain (Paz.Core), the rules reader (Paz.Rules) and the database
/// conventions (Paz.Storage) only, never on the simulation, the planners, the data sets or their libraries (the
/// analysts' dashboard plugs into the service from its own project); the pure layers depend on nothing impure.
/// </summary>
public class ProjectGraphTests
{
    /// <summary>Each project and every project it may reach, directly or through others.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Paz.Core"] = [],
        ["Paz.Rules"] = ["Paz.Core"],
        ["Paz.Simulation"] = ["Paz.Core"],
        ["Paz.Planning"] = ["Paz.Core", "Paz.Simulation"],
        ["Paz.Reports"] = ["Paz.Core", "Paz.Simulation", "Paz.Planning"],
        ["Paz.Data"] = ["Paz.Core", "Paz.Rules", "Paz.Simulation", "Paz.Planning"],
        ["Paz.Storage"] = [],
        ["Paz.Tribunal"] = ["Paz.Core", "Paz.Rules", "Paz.Storage"],
        ["Paz.Web"] = ["Paz.Core", "Paz.Rules", "Paz.Tribunal", "Paz.Storage"],
        ["Paz.Runs"] = ["Paz.Core", "Paz.Rules", "Paz.Simulation", "Paz.Planning", "Paz.Data", "Paz.Storage"],
        ["Paz.Dashboard"] = ["Paz.Core", "Paz.Rules", "Paz.Simulation", "Paz.Planning", "Paz.Reports", "Paz.Data", "Paz.Storage", "Paz.Tribunal", "Paz.Web", "Paz.Runs"],
        ["Paz.Cluster"] = ["Paz.Core", "Paz.Rules", "Paz.Simulation", "Paz.Planning", "Paz.Data", "Paz.Storage", "Paz.Runs"],
        ["Paz.Cli"] = ["Paz.Core", "Paz.Rules", "Paz.Simulation", "Paz.Planning", "Paz.Reports", "Paz.Data", "Paz.Storage", "Paz.Tribunal", "Paz.Web", "Paz.Runs", "Paz.Dashboard", "Paz.Cluster"],
    };

    /// <summary>
    /// Packages that must not reach the tribunal's service (heavy numerics, data formats and the cluster of the analysts'
    /// side), nor the engine (a replicate computed on a silo is the same code as one computed here, with no Orleans in it).
    /// </summary>
    private static readonly Dictionary<string, string[]> ForbiddenPackages = new(StringComparer.Ordinal)
    {
        ["Paz.Tribunal"] = ["MathNet.Numerics", "Parquet.Net", "ScottPlot", "Microsoft.Orleans.Sdk"],
        ["Paz.Web"] = ["MathNet.Numerics", "Parquet.Net", "ScottPlot", "Microsoft.Orleans.Sdk"],
        ["Paz.Storage"] = ["MathNet.Numerics", "Parquet.Net", "ScottPlot", "Microsoft.Orleans.Sdk"],
        ["Paz.Simulation"] = ["Microsoft.Orleans.Sdk"],
    };

    [Fact]
    public void EveryProjectReachesOnlyTheProjectsItIsAllowedTo()
    {
        var graph = ReadGraph();
        Assert.Equal(Allowed.Keys.Order(), graph.Projects.Keys.Order()); // a new project needs its rule here
        var violations = Violations(graph, Allowed, ForbiddenPackages);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void TheCheckCatchesAForbiddenReferenceEvenThroughAnotherProject()
    {
        var graph = ReadGraph();
        var tribunal = graph.Projects["Paz.Tribunal"];
        var tampered = graph with
        {
            Projects = new Dictionary<string, string[]>(graph.Projects, StringComparer.Ordinal) { ["Paz.Tribunal"] = [.. tribunal, "Paz.Data"] },
        };
        var violations = Violations(tampered, Allowed, ForbiddenPackages);
        Assert.Contains(violations, v => v.Contains("Paz.Tribunal reaches Paz.Simulation", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Paz.Tribunal reaches Paz.Data", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Paz.Tribunal reaches package Parquet.Net", StringComparison.Ordinal));
    }

    private sealed record Graph(Dictionary<string, string[]> Projects, Dictionary<string, string[]> Packages);

    private static List<string> Violations(Graph graph, Dictionary<string, string[]> allowed, Dictionary<string, string[]> forbiddenPackages)
    {
        var violations = new List<string>();
        foreach (var project in graph.Projects.Keys.Order(StringComparer.Ordinal))
        {
            var reached = Reach(graph, project);
            foreach (var other in reached.Where(r => !allowed.GetValueOrDefault(project, []).Contains(r)).Order(StringComparer.Ordinal))
            {
                violations.Add($"{project} reaches {other}, which it may not (allowed: {string.Join(", ", allowed.GetValueOrDefault(project, []))})");
            }

            var packages = reached.Append(project).SelectMany(p => graph.Packages.GetValueOrDefault(p, [])).ToHashSet(StringComparer.Ordinal);
            foreach (var package in forbiddenPackages.GetValueOrDefault(project, []).Where(packages.Contains))
            {
                violations.Add($"{project} reaches package {package}");
            }
        }

        return violations;
    }

    private static HashSet<string> Reach(Graph graph, string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(graph.Projects.GetValueOrDefault(project, []));
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in graph.Projects.GetValueOrDefault(next, []))
                {
                    stack.Push(further);
                }
            }
        }

        return seen;
    }

    private static Graph ReadGraph()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Paz.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var projects = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var packages = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(root.FullName, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var xml = XDocument.Load(file);
            var name = Path.GetFileNameWithoutExtension(file);
            projects[name] = [.. xml.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))];
            packages[name] = [.. xml.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value)];
        }

        return new Graph(projects, packages);
    }
}
