namespace Paz.Simulation.Agents;

/// <summary>
/// The security policy in force, as the engine sees it. The baseline encodes 2015-2018: high-value
/// targeting of leaders (120 of 122 designated targets caught by 2018) and soldiers deployed where
/// violence is (arrests concentrated in violent municipalities), no amnesty.
/// </summary>
/// <param name="LeaderRemovalsPerWeek">Leaders removed per week nationally (targeting the largest groups first).</param>
/// <param name="EnforcementFocus">How strongly arrests follow last month's homicide rate (0: spread evenly by members).</param>
public sealed record Policy(double LeaderRemovalsPerWeek, double EnforcementFocus = 0.5)
{
    /// <summary>The Peña Nieto administration's policy, 2015-2018.</summary>
    public static Policy PenaNieto(EngineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new Policy(parameters.LeaderRemovalsPerWeek, 0.5);
    }
}
