using Paz.Core.Parameters;
using Paz.Core.Randomness;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

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
/// anti_corruption · progress), progress = the reforms' progress (0-1 over reform_weeks from the timeline entry
/// that set them); justice_capacity reaches only the states justice_states names, when it names any.
/// Publishes the signal <see cref="WeekContext.ConvictionIn"/>.
/// Declares: anti_corruption_conviction; levers justice_capacity, justice_states (reads the world's conviction and the reform levers).
/// </summary>
public sealed class Justice : IMechanism
{
    /// <summary>Impunity bounds the evidence gives (93-99%), as conviction shares before any reform.</summary>
    public const double LowestConviction = 0.01, HighestConviction = 0.07;

    /// <summary>How much full anti-corruption raises convictions.</summary>
    public static readonly ParameterSpec AntiCorruptionConviction = new("anti_corruption_conviction", 1, "relative gain at full anti-corruption", "assumed (seed: corruption and lack of capacity keep impunity high)", 0, 5, "convictions gained by cleaning the apparatus")
    { Prior = Prior.Uniform(0, 2) };

    /// <summary>Prosecutorial capacity relative to 2015-2018.</summary>
    public static readonly ParameterSpec JusticeCapacity = new ParameterSpec("justice_capacity", 1, "relative to 2015-2018", "assumed per scenario (seed: 'enhancing prosecutorial capacities')", 0.2, 10, "prosecutorial capacity; convictions per state scale with it, reached over reform_weeks")
        .AsLever();

    /// <summary>States whose prosecutors the capacity lever reaches.</summary>
    public static readonly ParameterSpec JusticeStates = new ParameterSpec("justice_states", 0, "state names", "per scenario (issue 'Pillars I': prosecutorial capacity per state)", 0, 0, "states where justice_capacity applies ([]: every state)")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("justice", "impunity of 93-99%; prosecutors and a clean apparatus convict more", [AntiCorruptionConviction, JusticeCapacity, JusticeStates], () => new Justice());

    private double[] _conviction = [];

    /// <inheritdoc/>
    public void Start(WeekContext context) => _conviction = new double[context.World.MunicipalityCount];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var inputs = context.Inputs;
        var conviction = s[WorldParameters.Conviction];
        var progress = Math.Clamp(ReformLevers.Progress(context, JusticeCapacity), 0, 1);
        var cleaner = 1 + (s[AntiCorruptionConviction] * s[ReformLevers.AntiCorruption] * progress);
        var capable = 1 + ((s[JusticeCapacity] - 1) * progress);
        var reached = inputs.StatesNamed(s.Names(JusticeStates), JusticeStates.Name);
        for (var m = 0; m < _conviction.Length; m++)
        {
            var state = inputs.StateOf[m];
            var index = inputs.ProsecutionIndex?[state] ?? 1;
            var before = Math.Clamp(conviction * index, Math.Min(LowestConviction, conviction), Math.Max(HighestConviction, conviction));
            _conviction[m] = Math.Min(0.9, before * cleaner * (reached is null || reached[state] ? capable : 1));
        }

        context.ConvictionIn = _conviction;
    }
}
