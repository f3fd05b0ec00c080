namespace Paz.Simulation.Aggregate;

/// <summary>
/// A change of policy levers at a given week: recruitment and incapacitation multiplied by factors.
/// The published experiments switch at week 520 (January 2022).
/// </summary>
/// <param name="Name">Name, e.g. "no-recruitment".</param>
/// <param name="FromWeek">First week under the new policy.</param>
/// <param name="RecruitmentFactor">Multiplies rho from <paramref name="FromWeek"/> on.</param>
/// <param name="IncapacitationFactor">Multiplies eta from <paramref name="FromWeek"/> on.</param>
public sealed record PolicyExperiment(string Name, int FromWeek, double RecruitmentFactor, double IncapacitationFactor)
{
    /// <summary>The week the published experiments start: ten years after January 2012.</summary>
    public const int PublishedSwitchWeek = 520;

    /// <summary>Nothing changes.</summary>
    public static readonly PolicyExperiment StatusQuo = new("status-quo", PublishedSwitchWeek, 1, 1);

    /// <summary>Recruitment set to zero.</summary>
    public static readonly PolicyExperiment NoRecruitment = new("no-recruitment", PublishedSwitchWeek, 0, 1);

    /// <summary>Recruitment halved.</summary>
    public static readonly PolicyExperiment HalfRecruitment = new("half-recruitment", PublishedSwitchWeek, 0.5, 1);

    /// <summary>Incapacitation doubled.</summary>
    public static readonly PolicyExperiment DoubleIncapacitation = new("double-incapacitation", PublishedSwitchWeek, 1, 2);

    /// <summary>The four published experiments.</summary>
    public static readonly IReadOnlyList<PolicyExperiment> Published = [StatusQuo, NoRecruitment, HalfRecruitment, DoubleIncapacitation];
}
