namespace Paz.Simulation.Agents;

/// <summary>One week of national flows in a replicate.</summary>
/// <param name="Week">Week number from the start.</param>
/// <param name="Date">Date the week starts.</param>
/// <param name="Members">Free members at the start of the week.</param>
/// <param name="Recruits">Recruits during the week.</param>
/// <param name="Arrests">Arrests (incapacitations) during the week.</param>
/// <param name="MemberDeaths">Members killed during the week.</param>
/// <param name="Desisted">Members who left during the week.</param>
/// <param name="Homicides">All homicides during the week.</param>
/// <param name="Prisoners">Members in detention or serving sentences at the end of the week.</param>
/// <param name="Groups">Groups with free members.</param>
/// <param name="Splits">Splits so far.</param>
/// <param name="LeadersRemoved">Leaders removed during the week.</param>
public sealed record WeekFlows(int Week, DateOnly Date, int Members, int Recruits, int Arrests, int MemberDeaths, int Desisted, int Homicides, int Prisoners, int Groups, int Splits, int LeadersRemoved)
{
    /// <summary>Middle-layer members arrested during the week (in sweeps and ordinary arrests).</summary>
    public int MiddleArrested { get; init; }

    /// <summary>Foot soldiers and lookouts arrested during the week.</summary>
    public int LowerArrested { get; init; }

    /// <summary>Detainees convicted during the week.</summary>
    public int Convictions { get; init; }

    /// <summary>Detainees released without conviction during the week (impunity).</summary>
    public int Releases { get; init; }
}

/// <summary>The outcome of one replicate.</summary>
/// <param name="Seed">The replicate's seed.</param>
/// <param name="FirstMonth">The first month of <paramref name="MonthlyHomicides"/> (ordinal: year·12 + month − 1).</param>
/// <param name="Months">Number of months.</param>
/// <param name="MonthlyHomicides">Homicides per municipality per month, municipality-major (m · Months + t).</param>
/// <param name="Weeks">National flows per week.</param>
public sealed record ReplicateResult(ulong Seed, int FirstMonth, int Months, int[] MonthlyHomicides, IReadOnlyList<WeekFlows> Weeks)
{
    /// <summary>The metrics the mechanisms recorded (national week by week; states and municipalities by year).</summary>
    public Engine.MetricCollector? Metrics { get; init; }

    /// <summary>Homicides each mechanism added, by year (what the engine saw each mechanism add to the week's count).</summary>
    public IReadOnlyDictionary<string, YearCounts> HomicidesByMechanism { get; init; } = new Dictionary<string, YearCounts>();

    /// <summary>Homicides in a municipality in a calendar year.</summary>
    public int Homicides(int municipality, int year)
    {
        var total = 0;
        for (var t = 0; t < Months; t++)
        {
            if ((FirstMonth + t) / 12 == year)
            {
                total += MonthlyHomicides[(municipality * Months) + t];
            }
        }

        return total;
    }

    /// <summary>National homicides in a calendar year.</summary>
    public long Homicides(int year)
    {
        var municipalities = MonthlyHomicides.Length / Months;
        long total = 0;
        for (var m = 0; m < municipalities; m++)
        {
            total += Homicides(m, year);
        }

        return total;
    }
}

/// <summary>Counts by calendar year from a first year.</summary>
/// <param name="FirstYear">The year of <c>Counts[0]</c>.</param>
/// <param name="Counts">One count per year.</param>
public sealed record YearCounts(int FirstYear, long[] Counts)
{
    /// <summary>The count of <paramref name="year"/> (0 outside the years counted).</summary>
    public long Of(int year) => year >= FirstYear && year - FirstYear < Counts.Length ? Counts[year - FirstYear] : 0;
}
