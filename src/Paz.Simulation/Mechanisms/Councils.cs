using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Peacebuilding Councils mediate local disputes before they turn lethal.
/// Claims (seed, "Peacebuilding"): the plan creates "a Peacebuilding Council, which is to mediate conflict at the local
/// level and be staffed by three government representatives, three civil society members, a 'guest' from the Human
/// Rights Commission, and a U.N. observer"; its authority beside the Guard is unclear, and the seed asks why the
/// human-rights commission sits only as a guest (<see cref="Core.Peacebuilding.CouncilComposition"/>). Mediation needs a
/// state that can back it: where the rule of law (<see cref="StatePresence"/>) is below council_presence_threshold a
/// council's word carries nothing.
/// - Where a council sits (lever councils: one per Guard region — per state where the Guard does not follow the plan's
///   regions — or one per municipality; council_states names the states, [] every state), a share
///   council_mediation × standing × reach of the local disputes that would turn lethal is defused, published as
///   <see cref="WeekContext.DisputeMediation"/> and read by <see cref="NonMemberHomicides"/> (the killings not tied to
///   organizations: domestic and interpersonal disputes). standing = council_standing, plus council_rights_standing
///   when the composition seats the human-rights commission as a member (council_composition recommended); reach = 1
///   for a municipality's own council, council_regional_reach for a region's.
/// Declares the parameters and levers below. Metric: disputes_mediated (drawn in <see cref="NonMemberHomicides"/>).
/// </summary>
public sealed class Councils : IMechanism
{
    /// <summary>Largest share of lethal local disputes a council defuses.</summary>
    public static readonly ParameterSpec Mediation = new("council_mediation", 0.15, "fraction of lethal disputes", "assumed (seed: the council 'is to mediate conflict at the local level'; no evaluation of such councils in Mexico before 2019 was found)", 0, 1, "share of lethal local disputes a council of full standing defuses")
    { Prior = Prior.Uniform(0, 0.3) };

    /// <summary>The standing of a council as the plan composes it.</summary>
    public static readonly ParameterSpec Standing = new("council_standing", 0.6, "fraction", "assumed (seed: its 'authority relationship … with the National Guard … remains to be clarified')", 0, 1, "how far the community heeds a council seated as the plan says")
    { Prior = Prior.Uniform(0.3, 0.9) };

    /// <summary>Standing gained by seating the human-rights commission as a member.</summary>
    public static readonly ParameterSpec RightsStanding = new("council_rights_standing", 0.1, "fraction", "assumed (seed: 'not clear why … human rights commission representatives should be only guests, and not equal members')", 0, 0.5, "standing added when the human-rights commission votes")
    { Prior = Prior.Uniform(0, 0.2) };

    /// <summary>Rule of law below which mediation defuses nothing.</summary>
    public static readonly ParameterSpec PresenceThreshold = new("council_presence_threshold", 0.3, "rule-of-law share (0-1)", "assumed (seed: tensions over when the council 'should seek to mediate' and when 'the National Guard should seek to forcefully prevent' violence)", 0, 1, "state presence a council needs behind it")
    { Prior = Prior.Uniform(0.1, 0.6) };

    /// <summary>Reach of a region's council in each of its municipalities.</summary>
    public static readonly ParameterSpec RegionalReach = new("council_regional_reach", 0.5, "fraction", "assumed", 0, 1, "how far a council for a whole region reaches a municipality's disputes")
    { Prior = Prior.Uniform(0.2, 1) };

    /// <summary>Where councils sit (lever).</summary>
    public static readonly ParameterSpec Where = new ParameterSpec("councils", 0, "placement", "per scenario (seed: 'the creation of the Peacebuilding Council')", 0, 2, "none; one council per Guard region; one per municipality")
    { Kind = ValueKind.Choice, Words = ["none", "region", "municipality"] }.AsLever();

    /// <summary>How councils are composed (lever).</summary>
    public static readonly ParameterSpec Composition = new ParameterSpec("council_composition", 0, "composition", "per scenario (Core.Peacebuilding.CouncilComposition)", 0, 1, "plan-2018: the human-rights commission a guest; recommended: a member")
    { Kind = ValueKind.Choice, Words = ["plan-2018", "recommended"] }.AsLever();

    /// <summary>States with councils (lever).</summary>
    public static readonly ParameterSpec States = new ParameterSpec("council_states", 0, "state names", "per scenario", 0, 0, "states where councils sit ([]: every state)")
    { Kind = ValueKind.Names }.AsLever();

    /// <summary>Lethal local disputes defused.</summary>
    public static readonly MetricSpec Mediated = new("disputes_mediated", "disputes", MetricAggregation.Sum, "local disputes that would have turned lethal, defused by a Peacebuilding Council");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new(
        "councils",
        "Peacebuilding Councils defuse local disputes where the state can back them",
        [Mediation, Standing, RightsStanding, PresenceThreshold, RegionalReach, Where, Composition, States],
        () => new Councils());

    private double[] _defused = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        var s = context.Settings;
        var where = s.Choice<CouncilPlacement>(Where);
        if (where == CouncilPlacement.None)
        {
            context.DisputeMediation = null;
            return;
        }

        var inputs = context.Inputs;
        if (_defused.Length != inputs.MunicipalityCount)
        {
            _defused = new double[inputs.MunicipalityCount];
        }

        var standing = Math.Min(1, s[Standing] + (s.Choice<CouncilSeating>(Composition) == CouncilSeating.Recommended ? s[RightsStanding] : 0));
        var reach = where == CouncilPlacement.Municipality ? 1 : s[RegionalReach];
        var share = s[Mediation] * standing * reach;
        var (threshold, half) = (s[PresenceThreshold], s[UniformedPresence.PresenceHalf]);
        var reached = inputs.StatesNamed(s.Names(States), States.Name);
        for (var m = 0; m < _defused.Length; m++)
        {
            var seated = reached is null || reached[inputs.StateOf[m]];
            _defused[m] = seated && StatePresence.In(context, m, half) >= threshold ? share : 0;
        }

        context.DisputeMediation = _defused;
    }
}

/// <summary>Where Peacebuilding Councils sit (the lever councils).</summary>
public enum CouncilPlacement
{
    /// <summary>No councils.</summary>
    None,

    /// <summary>One council per Guard region.</summary>
    Region,

    /// <summary>One council per municipality.</summary>
    Municipality,
}

/// <summary>How councils are composed (the lever council_composition; <see cref="Core.Peacebuilding.CouncilComposition"/>).</summary>
public enum CouncilSeating
{
    /// <summary>The plan's: the human-rights commission a guest.</summary>
    Plan2018,

    /// <summary>The seed's: the human-rights commission a member.</summary>
    Recommended,
}
