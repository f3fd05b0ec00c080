using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Regional coordination committees bring prosecutors to the table where the Guard is deployed.
/// Claims (seed, "The National Guard"): "at the regional contingent level, top authority will lie in the highest-ranking
/// civilian in a coordination committee composed of members of the federal government, the attorney general's office,
/// the regional military command, state and local government representatives …"; the Guard is charged with
/// "providing evidence to prosecutors and the justice system".
/// - Where committees sit (lever coordination_committees) and the Guard has officers in the municipality's region (the
///   plan's regions when the Guard follows them, else the state), the share of detentions that end in a conviction
///   (<see cref="WeekContext.ConvictionIn"/>, from <see cref="Justice"/>) is raised by committee_prosecution_gain,
///   at most 0.9.
/// Declares committee_prosecution_gain; lever coordination_committees.
/// </summary>
public sealed class CoordinationCommittees : IMechanism
{
    /// <summary>Relative gain in convictions where a committee sits.</summary>
    public static readonly ParameterSpec Gain = new("committee_prosecution_gain", 0.1, "relative gain in conviction share", "assumed (seed: the committees seat the attorney general's office beside the regional command)", 0, 2, "how much more often an arrest leads to a conviction where a committee coordinates the Guard and prosecutors")
    { Prior = Prior.Uniform(0, 0.3) };

    /// <summary>Whether committees sit (lever).</summary>
    public static readonly ParameterSpec Sitting = new ParameterSpec("coordination_committees", 0, "flag", "per scenario (seed: committees 'to be established when the National Guard is deployed')", 0, 1, "regional coordination committees where the Guard is deployed")
    { Kind = ValueKind.Flag }.AsLever();

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("coordination_committees", "regional committees seat prosecutors beside the Guard and convict more", [Gain, Sitting], () => new CoordinationCommittees());

    private double[] _conviction = [];
    private double[] _guardIn = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        if (!s.Flag(Sitting) || context.ConvictionIn is not { } justice || context.GuardOfficers is not { } guard)
        {
            return;
        }

        var inputs = context.Inputs;
        var regionOf = context.Period.Forces?.RegionOf;
        var regions = regionOf is null ? inputs.States : regionOf.Max() + 1;
        if (_conviction.Length != justice.Length)
        {
            _conviction = new double[justice.Length];
        }

        if (_guardIn.Length < regions)
        {
            _guardIn = new double[regions];
        }

        Array.Clear(_guardIn);
        for (var m = 0; m < justice.Length; m++)
        {
            _guardIn[regionOf?[m] ?? inputs.StateOf[m]] += guard[m];
        }

        var gain = 1 + s[Gain];
        for (var m = 0; m < justice.Length; m++)
        {
            _conviction[m] = _guardIn[regionOf?[m] ?? inputs.StateOf[m]] > 0 ? Math.Min(0.9, justice[m] * gain) : justice[m];
        }

        context.ConvictionIn = _conviction;
    }
}
