using Paz.Simulation.Agents;

namespace Paz.Simulation.Systems;

/// <summary>
/// Justice: whether a detention ends in a conviction depends on the prosecutors of the state where the
/// member was arrested.
/// Claims (seed, "Police and justice reform"; evidence.md): impunity for homicide is 93-99%; arrests without
/// prosecutors able to convict change little, since most detainees return to their groups; a clean
/// apparatus convicts more.
/// A detainee is convicted at the end of pretrial detention with probability
/// conviction · index_s · capacity(t), clamped to [1 − 0.99, 1 − 0.93] · capacity(t) and at most 0.9:
/// index_s is the state's prosecutorial capacity relative to the nation (EngineInputs.ProsecutionIndex, from
/// ENPOL), capacity(t) = (1 + (justice_capacity − 1) · progress) · (1 + anti_corruption_conviction ·
/// anti_corruption · progress), progress = the policy's reform progress (0-1 over reform_weeks).
/// Reads: conviction, anti_corruption_conviction; the policy's justice_capacity, anti_corruption, reform_weeks.
/// </summary>
public static class JusticeSystem
{
    /// <summary>Impunity bounds the evidence gives (93-99%), as conviction shares before any reform.</summary>
    public const double LowestConviction = 0.01, HighestConviction = 0.07;

    /// <summary>Sets each municipality's conviction probability for this week's ends of detention.</summary>
    public static void Run(World world, EngineInputs inputs, EngineParameters p, Policy policy, double reform)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        var progress = Math.Clamp(reform, 0, 1);
        var capacity = (1 + ((policy.JusticeCapacity - 1) * progress)) * (1 + (p.AntiCorruptionConviction * policy.AntiCorruption * progress));
        var conviction = world.ConvictionIn ??= new double[world.M];
        for (var m = 0; m < world.M; m++)
        {
            var index = inputs.ProsecutionIndex?[inputs.StateOf[m]] ?? 1;
            var before = Math.Clamp(p.Conviction * index, Math.Min(LowestConviction, p.Conviction), Math.Max(HighestConviction, p.Conviction));
            conviction[m] = Math.Min(0.9, before * capacity);
        }
    }
}
