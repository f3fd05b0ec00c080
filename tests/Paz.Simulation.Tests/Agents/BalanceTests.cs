using Paz.Core.Randomness;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Tests.Agents;

/// <summary>The balance explanation: a contest kills as its weaker side can fight.</summary>
public class BalanceTests
{
    private static readonly Settings Quiet = Settings.Defaults
        .With(Predation.Lethality, 0)
        .With(NonMemberHomicides.BaselineRate, 0)
        .With(TerritorialConflict.ConflictIntensity, 1e-2);

    // Conflict killings over many weeks of one world, unchanged between weeks (no events applied): place 0 a dominant
    // group of 400 and 4 intruders, place 1 two even rivals of 200.
    private static (int Lopsided, int Even) Killings(Settings settings, ulong seed, int weeks = 400)
    {
        var world = SmallWorld.With(2, (0, 0, 400, 40, 1), (1, 0, 4, 2, 1), (0, 1, 200, 20, 1), (1, 1, 200, 20, 1));
        var context = SmallWorld.Context(world, settings, new Xoshiro256StarStar(seed));
        var conflict = new TerritorialConflict();
        for (var week = 0; week < weeks; week++)
        {
            conflict.Step(context);
        }

        return (context.Homicides[0], context.Homicides[1]);
    }

    [Fact]
    public void AHegemonWithAFewIntrudersKillsFarLessUnderBalanceWhileEvenRivalsKillAsMany()
    {
        var without = Killings(Quiet.With(Explanations.InForce, (double)Explanation.Fragmentation), 3);
        var with = Killings(Quiet.With(Explanations.InForce, (double)(Explanation.Fragmentation | Explanation.Balance)).With(TerritorialConflict.Balance, 1), 3);

        // √(400 · 4) = 40 a week without; the weaker side's 4 with: a tenth. The even place's term is 200 either way.
        Assert.True(with.Lopsided * 4 < without.Lopsided, $"lopsided place: {with.Lopsided} with balance, {without.Lopsided} without");
        Assert.InRange(with.Even, without.Even * 0.85, without.Even * 1.15);
    }

    [Fact]
    public void TheLopsidedPlaceKillsLessTheFurtherViolenceFollowsTheWeakerSide()
    {
        var held = Quiet.With(Explanations.InForce, (double)(Explanation.Fragmentation | Explanation.Balance));
        var half = Killings(held.With(TerritorialConflict.Balance, 0.5), 5).Lopsided;
        var whole = Killings(held.With(TerritorialConflict.Balance, 1), 5).Lopsided;

        // (4/400)^(1/4) ≈ 0.32 of √(400·4) at one half, (4/400)^(1/2) = 0.1 at one.
        Assert.True(whole < half, $"{whole} at 1, {half} at 0.5");
    }

    [Fact]
    public void WithoutTheExplanationTheBalanceIsNotRead()
    {
        var notHeld = Quiet.With(Explanations.InForce, (double)Explanation.Fragmentation);
        Assert.Equal(Killings(notHeld.With(TerritorialConflict.Balance, 0.1), 7), Killings(notHeld.With(TerritorialConflict.Balance, 1), 7));
    }
}
