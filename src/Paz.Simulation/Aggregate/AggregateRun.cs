namespace Paz.Simulation.Aggregate;

/// <summary>One week of the aggregate model: members at its start and the flows during it.</summary>
/// <param name="Week">Week number from January 2012 (week 0).</param>
/// <param name="Date">Calendar date the week starts.</param>
/// <param name="Members">Members of all groups at the start of the week.</param>
/// <param name="Recruits">Recruits during the week (NaN on the closing row).</param>
/// <param name="Deaths">Conflict deaths during the week.</param>
/// <param name="Incapacitations">Incapacitations during the week.</param>
/// <param name="Saturation">Saturation losses during the week.</param>
public sealed record AggregateWeek(int Week, DateOnly Date, double Members, double Recruits, double Deaths, double Incapacitations, double Saturation);

/// <summary>A calendar year of the aggregate model.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="MembersAtStart">Members at the first week starting in the year.</param>
/// <param name="Recruits">Mean weekly recruits over the weeks starting in the year.</param>
/// <param name="Deaths">Mean weekly conflict deaths.</param>
/// <param name="Incapacitations">Mean weekly incapacitations.</param>
/// <param name="Saturation">Mean weekly saturation losses.</param>
public sealed record AggregateYear(int Year, double MembersAtStart, double Recruits, double Deaths, double Incapacitations, double Saturation);

/// <summary>The result of an aggregate run.</summary>
/// <param name="Weeks">One row per week, then a closing row with the final members and no flows.</param>
/// <param name="FinalSizes">Group sizes at the end, in model (strength) order.</param>
/// <param name="Steps">Accepted integrator steps.</param>
/// <param name="RejectedSteps">Rejected integrator steps.</param>
/// <param name="Evaluations">Derivative evaluations.</param>
public sealed record AggregateRun(IReadOnlyList<AggregateWeek> Weeks, double[] FinalSizes, int Steps, int RejectedSteps, int Evaluations)
{
    /// <summary>Members at the start of week <paramref name="week"/> (week = horizon gives the final count).</summary>
    public double MembersAt(int week) => Weeks[week].Members;

    /// <summary>Mean weekly conflict deaths over weeks [from, to).</summary>
    public double MeanDeaths(int from, int to) => Weeks.Skip(from).Take(to - from).Average(w => w.Deaths);

    /// <summary>Per calendar year: members at the year's first week and mean weekly flows.</summary>
    public IReadOnlyList<AggregateYear> ByYear() =>
        [.. Weeks.Where(w => !double.IsNaN(w.Recruits))
            .GroupBy(w => w.Date.Year)
            .Select(g => new AggregateYear(g.Key, g.First().Members, g.Average(w => w.Recruits), g.Average(w => w.Deaths),
                g.Average(w => w.Incapacitations), g.Average(w => w.Saturation)))];
}
