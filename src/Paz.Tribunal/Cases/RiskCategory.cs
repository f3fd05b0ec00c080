using Paz.Core.Amnesty;

namespace Paz.Tribunal.Cases;

/// <summary>Screening risk tier (the seed: "categories of risk: low, medium, and high").</summary>
public enum RiskCategory
{
    /// <summary>No organizational rank above lookout, no violence, no prior record.</summary>
    Low,

    /// <summary>Paz's own middle tier: see <see cref="RiskAssessor"/>.</summary>
    Medium,

    /// <summary>Leaders, or violence with a weapon, or a repeat offender with violence.</summary>
    High,
}

/// <summary>
/// Assigns the risk tier from the case's facts. No published standard has a three-tier scheme
/// (research/legal_rules.md §5.2: Somalia screens low/high; the medium tier is Paz's design), so the
/// criteria are explicit and countable rather than a panel's impression, which is the arbitrariness
/// the seed warns of:
/// <list type="bullet">
/// <item>High: a leader; or any offence with a firearm; or any violent offence by a repeat offender.</item>
/// <item>Medium: the middle layer or a foot soldier; or any violent offence; or a repeat offender; or three or more offences.</item>
/// <item>Low: everything else (lookouts and people outside groups, non-violent, first offence).</item>
/// </list>
/// Unstated facts count as not present; the screening itself sends such cases to review.
/// </summary>
public static class RiskAssessor
{
    /// <summary>The tier of a case.</summary>
    public static RiskCategory Assess(AmnestyCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var rank = @case.Facts.TryGetValue("applicant.group_rank", out var r) ? r.Text : "none";
        var repeat = @case.Facts.TryGetValue("applicant.repeat_offender", out var p) && p.Flag;
        var violent = @case.Offences.Any(o => o.TryGetValue("offence.violence", out var v) && v.Flag);
        var firearm = @case.Offences.Any(o => o.TryGetValue("offence.firearm", out var f) && f.Flag);
        if (rank == "leader" || firearm || (violent && repeat))
        {
            return RiskCategory.High;
        }

        return rank is "middle_layer" or "foot_soldier" || violent || repeat || @case.Offences.Count >= 3
            ? RiskCategory.Medium
            : RiskCategory.Low;
    }
}
