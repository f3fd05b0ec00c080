using Paz.Data;
using Paz.Data.Scenarios;
using Paz.Simulation.Aggregate;

namespace Paz.Simulation.Tests.Aggregate;

public class ShippedScenarioTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", "peer");

    public static TheoryData<string> Experiments => new(PolicyExperiment.Published.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Experiments))]
    public void EachPublishedExperimentHasAScenarioFileWithItsLevers(string name)
    {
        var scenario = AggregateScenarioReader.Read(Path.Combine(Folder, $"prieto-curiel-{name}.yaml"));
        Assert.Equal(PolicyExperiment.Published.Single(e => e.Name == name), scenario.Experiment);
        Assert.Equal(PrietoCurielParameters.Published, scenario.Parameters);
        Assert.Equal(1040, scenario.Weeks);
    }

    [Fact]
    public void AScenarioRunIsTheSameAsRunningItsExperimentDirectly()
    {
        var model = new PrietoCurielModel(PublishedNetwork.Instance);
        var scenario = AggregateScenarioReader.Read(Path.Combine(Folder, "prieto-curiel-half-recruitment.yaml"));
        var fromFile = scenario.Run(model);
        var direct = model.Run(PrietoCurielParameters.Published, 1040, PolicyExperiment.HalfRecruitment);
        Assert.Equal(direct.Weeks, fromFile.Weeks);
    }
}
