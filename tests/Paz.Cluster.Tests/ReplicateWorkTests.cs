using Paz.Cluster.Grains;
using Paz.Cluster.Work;
using Paz.Runs.Catalogue;

namespace Paz.Cluster.Tests;

/// <summary>
/// A work item's identity carries the result's format as well as the engine's code: a result stored by a build that
/// wrote another format is never served under this build's keys, and a silo of such a build refuses the work.
/// </summary>
public sealed class ReplicateWorkTests
{
    private static ReplicateWork Work(string code) => new()
    {
        ScenarioHash = new string('a', 64),
        ScenarioFiles = [new ScenarioFile { RelativePath = "s.yaml", Content = [1, 2, 3] }],
        Parameters = "point",
        Replicate = 0,
        Seed = 42,
        CodeVersion = code,
    };

    [Fact]
    public void TheSameEngineWritingAnotherResultFormatIsAnotherKey()
    {
        // A build before the format entered the identity carried the engine's code alone.
        var older = Work(RunKey.Code);
        var current = Work(ReplicateWork.CurrentCode);

        Assert.Equal($"{RunKey.Code}; result format {ReplicateCodec.Format}", ReplicateWork.CurrentCode);
        Assert.NotEqual(older.Key, current.Key);
    }

    [Fact]
    public async Task ASiloRefusesWorkFromABuildThatReadsAnotherResultFormat()
    {
        using var workshop = new ScenarioWorkshop(dataDirectory: null);
        foreach (var code in new[] { RunKey.Code, $"{RunKey.Code}; result format {ReplicateCodec.Format - 1}" })
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => workshop.RunAsync(Work(code)));
            Assert.Contains("same build as the coordinator", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, workshop.Computed);
    }
}
