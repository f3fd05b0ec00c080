using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Paz.Core.Tests.Architecture;

/// <summary>
/// Paz.Core, Paz.Simulation and Paz.Planning are pure: no files, no clock, no global random source (DESIGN.md, "Layers"). The test
/// reads the compiled assembly's metadata, so a new dependency fails here, not in review.
/// </summary>
public class PurityTests
{
    private static readonly string[] ForbiddenNamespaces = ["System.IO", "System.Net", "System.Data", "System.Diagnostics.Process"];
    private static readonly string[] ForbiddenTypes = ["System.Random", "System.DateTime", "System.DateTimeOffset", "System.TimeProvider", "System.Environment", "System.Console"];

    public static TheoryData<string> PureAssemblies => new(
        typeof(Paz.Core.Territory.Atlas).Assembly.Location,
        typeof(Paz.Simulation.Aggregate.PrietoCurielModel).Assembly.Location,
        typeof(Paz.Planning.Regions.Regionalizer).Assembly.Location);

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void PureAssembliesReferenceNoIoClockOrGlobalRandom(string assemblyPath)
    {
        var offending = Offending(assemblyPath);
        Assert.True(offending.Count == 0, $"{Path.GetFileName(assemblyPath)} references {string.Join(", ", offending)}");
    }

    [Fact]
    public void TheCheckFlagsAnAssemblyThatReadsFiles()
    {
        // This test assembly opens files, so the same check must object to it.
        Assert.Contains("System.IO.File", Offending(typeof(PurityTests).Assembly.Location));
    }

    private static List<string> Offending(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();

        Assert.NotEmpty(referenced);

        // Compiler-generated iterators read Environment.CurrentManagedThreadId; that touches no clock,
        // file or randomness, so members of System.Environment are judged one by one.
        var environmentMembers = metadata.MemberReferences
            .Select(h => metadata.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference && TypeName(metadata, (TypeReferenceHandle)m.Parent) == "System.Environment")
            .Select(m => metadata.GetString(m.Name))
            .Where(name => name != "get_CurrentManagedThreadId")
            .Select(name => $"System.Environment.{name}");
        return [.. referenced
            .Where(name => name != "System.Environment")
            .Where(name => ForbiddenTypes.Contains(name) || ForbiddenNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)))
            .Concat(environmentMembers)];
    }

    private static string TypeName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        return $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
    }
}
