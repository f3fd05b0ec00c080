using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>Rival explanation (a): joint operations provoke confrontations where the soldiers are, and only where the run holds it (synthetic two-state world).</summary>
public class JointOperationsTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(Expansion.Chance, 0)
        .With(TerritorialConflict.ConflictIntensity, 2e-3)
        .With(ForceLevers.MilitaryPersonnel, 2000)
        .With(ForceLevers.OperationStates, ["Baja California"]);

    // Two municipalities, one in each of two states, 100,000 people each (synthetic).
    private static EngineInputs TwoStates() => new(
        ["01001", "02001"], [0, 1], 2, [[1], [0]], 2015, [[100_000, 100_000]], [1, 1], [0, 0],
        new Core.Organizations.GroupNetwork([new("N1", "A", "Aguascalientes", "A"), new("N2", "B", "Baja California", "B")], [], []), [[0, 1], [0, 1]], 0, new DateOnly(2015, 1, 1))
    {
        StateNames = ["Aguascalientes", "Baja California"],
    };

    private static double[] Killings(Explanation held, bool soldiers) =>
        SmallWorld.ConflictKillingsByPlace(TwoStates(), Quiet.With(Explanations.InForce, (double)held).With(ForceLevers.MilitaryPersonnel, soldiers ? 2000 : 0), () => new JointOperations(), 11);

    [Fact]
    public void ConfrontationRaisesConflictInTheOperationsStateOnly()
    {
        var without = Killings(Explanation.Confrontation, soldiers: false);
        var with = Killings(Explanation.Confrontation, soldiers: true);
        Assert.True(with[1] > 1.5 * without[1], $"Baja California: {with[1]} with soldiers against {without[1]} without");
        Assert.InRange(with[0] / without[0], 0.85, 1.18); // Aguascalientes has no operation
    }

    [Fact]
    public void WithoutTheConfrontationExplanationSoldiersProvokeNothing()
    {
        var without = Killings(Explanation.Fragmentation, soldiers: false);
        var with = Killings(Explanation.Fragmentation, soldiers: true);
        Assert.Equal(without, with); // same draws: the provocation signal is absent
    }

    [Fact]
    public void AnOperationStateTheAtlasDoesNotHoldIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => TwoStates().StatesNamed(["Baja Califronia"], ForceLevers.OperationStates.Name));
        Assert.Contains("'Baja Califronia' is not a state", error.Message, StringComparison.Ordinal);
    }
}
