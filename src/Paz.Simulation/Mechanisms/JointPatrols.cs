using Paz.Core.Parameters;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Mechanisms;

/// <summary>
/// Joint patrols: during the overlap before the military leaves a region, soldiers and civilian police patrol
/// together, and the police come out of it deterring more.
/// Claim (seed, recommendations): "Ending the military's role in policing should take place gradually, after a
/// period of overlap with local law enforcement units … just as one military unit needs to plan for the rotation
/// of another unit into the area it has been securing."
/// - Where the concentric-circles pullback (<see cref="PullbackPlan.Transition"/>) has started a region's joint
///   patrols, each police officer there counts (1 + joint_patrol_gain · progress) times what it counted before,
///   progress rising linearly from 0 at the patrols' start to 1 after joint_patrol_weeks, and kept after the
///   soldiers leave (what the police learnt stays). A schedule pullback has no joint patrols.
/// Publishes the signal <see cref="WeekContext.Police"/> again, after joint patrols (it runs after <see cref="Policing"/>
/// and before <see cref="UniformedPresence"/>, which reads it).
/// Declares: joint_patrol_gain, joint_patrol_weeks. Metric: police_joint_patrolled (national, mean).
/// </summary>
public sealed class JointPatrols : IMechanism
{
    /// <summary>Relative gain in a police officer's deterrence after a full overlap.</summary>
    public static readonly ParameterSpec Gain = new("joint_patrol_gain", 0.5, "fraction of an officer's deterrence", "assumed (seed: overlap with local law enforcement before the military leaves)", 0, 3, "how much more a police officer deters after patrolling with soldiers for joint_patrol_weeks")
    { Prior = Prior.Uniform(0, 1) };

    /// <summary>Weeks of joint patrols for the full gain.</summary>
    public static readonly ParameterSpec Weeks = new("joint_patrol_weeks", 26, "weeks", "assumed (the transition planner's six months of overlap: paz plan transition)", 1, 520, "weeks of joint patrols after which police reach the full gain")
    { Prior = Prior.LogUniform(8, 78) };

    /// <summary>Police officers who have patrolled with soldiers.</summary>
    public static readonly MetricSpec JointPatrolled = new("police_joint_patrolled", "officers", MetricAggregation.Mean, "police officers in regions whose joint patrols have started, weighted by the patrols' progress (mean over the year's weeks)");

    /// <summary>The registration.</summary>
    public static readonly MechanismInfo Info = new("joint-patrols", "police who patrol with the soldiers before they leave deter more", [Gain, Weeks], () => new JointPatrols());

    private double[] _police = [];

    /// <inheritdoc/>
    public void Step(WeekContext context)
    {
        if (context.Police is not { } police || context.Period.Forces?.Pullback is not { JointFrom: { } from, RegionOf: { } regionOf })
        {
            return;
        }

        var s = context.Settings;
        double gain = s[Gain], weeks = s[Weeks], weight = s[Policing.PresenceWeight], patrolled = 0;
        if (_police.Length != police.Length)
        {
            _police = new double[police.Length];
        }

        var today = context.Date.DayNumber;
        for (var m = 0; m < police.Length; m++)
        {
            var progress = from[regionOf[m]] is { } start && today >= start.DayNumber ? Math.Min(1, (today - start.DayNumber) / 7.0 / weeks) : 0;
            _police[m] = police[m] * (1 + (gain * progress));
            patrolled += weight > 0 ? police[m] / weight * progress : 0;
        }

        context.Police = _police;
        context.Metrics.Record(JointPatrolled, patrolled);
    }
}
