namespace Paz.Simulation.Agents;

/// <summary>The mean and the 5th-95th percentile band of a quantity across replicates.</summary>
/// <param name="Mean">Mean over replicates.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P95">95th percentile.</param>
public sealed record Band(double Mean, double P5, double P95)
{
    /// <summary>
    /// The standard error of <see cref="Mean"/>: the replicates' standard deviation over √replicates, where the band was
    /// computed from two values or more (<see cref="Of"/>); null otherwise.
    /// </summary>
    public double? StandardError { get; init; }

    /// <summary>The band of <paramref name="values"/> (linear interpolation between order statistics), with the mean's standard error.</summary>
    public static Band Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return new Band(sorted.Average(), Quantile(sorted, 0.05), Quantile(sorted, 0.95))
        {
            StandardError = sorted.Length >= 2 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(sorted) / Math.Sqrt(sorted.Length) : null,
        };
    }

    /// <summary>Whether <paramref name="value"/> lies within the 5th-95th percentile band.</summary>
    public bool Covers(double value) => value >= P5 && value <= P95;

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}

/// <summary>A state's homicides in a year across replicates.</summary>
/// <param name="State">cve_ent.</param>
/// <param name="Homicides">Band over replicates.</param>
public sealed record StateYear(string State, Band Homicides)
{
    /// <summary>Armed militia members in the state (mean over the year's weeks), or null where the mechanism did not run.</summary>
    public Band? MilitiaMembers { get; init; }

    /// <summary>People disappeared in the state, or null where the mechanism did not run.</summary>
    public Band? Disappearances { get; init; }
}

/// <summary>The amnesty in a year: each a band over the replicates.</summary>
/// <param name="Applications">Applications filed.</param>
/// <param name="Granted">Applications granted.</param>
/// <param name="Denied">Applications denied.</param>
/// <param name="Released">People released by amnesty.</param>
/// <param name="Revoked">Grants revoked on a new offence.</param>
/// <param name="Reoffended">People released by amnesty who offended again (revoked or not).</param>
public sealed record AmnestyYear(Band Applications, Band Granted, Band Denied, Band Released, Band Revoked, Band Reoffended);

/// <summary>National results of a year across replicates.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Homicides">National homicides.</param>
/// <param name="RatePer100k">National homicide rate.</param>
/// <param name="Members">Free members at the year's first week.</param>
/// <param name="Recruits">Mean weekly recruits.</param>
/// <param name="Arrests">Mean weekly arrests (incapacitations).</param>
/// <param name="MemberDeaths">Mean weekly member deaths.</param>
/// <param name="Prisoners">Members in prison at the year's last week (the whole prison population is <see cref="YearSummary.PrisonPopulation"/>).</param>
/// <param name="Groups">Groups with members at the year's last week.</param>
/// <param name="States">Per state.</param>
public sealed record YearSummary(int Year, Band Homicides, Band RatePer100k, Band Members, Band Recruits, Band Arrests, Band MemberDeaths, Band Prisoners, Band Groups, IReadOnlyList<StateYear> States)
{
    /// <summary>The plan's promise (seed: from about 25 to 4 homicides per 100,000 by 2021).</summary>
    public const double PromisedRate = 4;

    /// <summary>The year the plan promised it for.</summary>
    public const int PromiseYear = 2021;

    /// <summary>Share of replicates whose national rate that year is at most <see cref="PromisedRate"/> per 100,000.</summary>
    public double ShareMeetingPromise { get; init; }

    /// <summary>Leaders removed in the year.</summary>
    public Band? LeadersArrested { get; init; }

    /// <summary>Middle-layer members arrested in the year.</summary>
    public Band? MiddleArrested { get; init; }

    /// <summary>Foot soldiers and lookouts arrested in the year.</summary>
    public Band? LowerArrested { get; init; }

    /// <summary>Detainees convicted in the year.</summary>
    public Band? Convictions { get; init; }

    /// <summary>Impunity: detainees whose cases ended in the year without conviction, as a share of all that ended.</summary>
    public Band? Impunity { get; init; }

    /// <summary>Splits during the year.</summary>
    public Band? Splits { get; init; }

    /// <summary>Sweeps carried out during the year.</summary>
    public Band? SweepsDone { get; init; }

    /// <summary>Sweeps whose intelligence went cold during the year.</summary>
    public Band? SweepsFailed { get; init; }

    /// <summary>Municipal and state police officers (mean over the year's weeks), or null when the inputs hold no police.</summary>
    public Band? Police { get; init; }

    /// <summary>Everyone held in state prisons at the year's last week, members and not, or null when the inputs hold no prison census.</summary>
    public Band? PrisonPopulation { get; init; }

    /// <summary>Of them, held without a sentence.</summary>
    public Band? PrisonPretrial { get; init; }

    /// <summary>People recruited by groups while held in state prisons during the year, or null when the inputs hold no prison census.</summary>
    public Band? PrisonRecruits { get; init; }

    /// <summary>The amnesty's applications, decisions, releases and revocations in the year, or null when no amnesty ran.</summary>
    public AmnestyYear? Amnesty { get; init; }

    /// <summary>Youth programmes in the year (young men enrolled, pesos spent, recruits averted), or null when none ran.</summary>
    public YouthYear? Youth { get; init; }

    /// <summary>Recruits by age band in the year.</summary>
    public RecruitAges? RecruitsByAge { get; init; }

    /// <summary>The groups' revenue by source in the year, pesos.</summary>
    public RevenueYear? Revenue { get; init; }

    /// <summary>Drug policy's outputs in the year, or null when every drug lever kept 2015-2018's policy.</summary>
    public DrugPolicyYear? DrugPolicy { get; init; }

    /// <summary>Militias in the year, or null where the mechanism did not run.</summary>
    public MilitiaYear? Militias { get; init; }

    /// <summary>Local disputes Peacebuilding Councils defused in the year, or null where no council sat.</summary>
    public Band? DisputesMediated { get; init; }

    /// <summary>Abuses, cooperation, disappearances and the search in the year, or null where the mechanism did not run.</summary>
    public HumanRightsYear? HumanRights { get; init; }
}

/// <summary>Militias in a year.</summary>
/// <param name="Militias">Municipalities with an armed militia (mean over the year's weeks).</param>
/// <param name="Members">Armed militia members (mean over the year's weeks).</param>
/// <param name="Killings">People killed by and of militias.</param>
/// <param name="Disarmed">Members who handed in their arms.</param>
/// <param name="Arrested">Members arrested by force.</param>
public sealed record MilitiaYear(Band Militias, Band Members, Band Killings, Band Disarmed, Band Arrested);

/// <summary>Human rights in a year.</summary>
/// <param name="Abuses">Abuses by soldiers and Guard officers.</param>
/// <param name="Cooperation">Community cooperation (population-weighted, mean over the year's weeks).</param>
/// <param name="Disappearances">People disappeared, never registered as homicides.</param>
/// <param name="Missing">People missing at the year's end.</param>
/// <param name="FoundAlive">Missing people the search located alive.</param>
/// <param name="FoundDead">Missing people the search located dead.</param>
/// <param name="BodiesIdentified">Bodies at coroners' offices the search identified.</param>
public sealed record HumanRightsYear(Band Abuses, Band Cooperation, Band Disappearances, Band Missing, Band FoundAlive, Band FoundDead, Band BodiesIdentified);

/// <summary>Recruits by age band in a year.</summary>
/// <param name="Aged15To17">Recruits aged 15-17.</param>
/// <param name="Aged18To24">Recruits aged 18-24.</param>
public sealed record RecruitAges(Band Aged15To17, Band Aged18To24);

/// <summary>The groups' revenue in a year by source, pesos.</summary>
/// <param name="Drugs">From the drug trade.</param>
/// <param name="Extortion">From extortion (of the legal economy and of what drug policy made legal).</param>
/// <param name="Fuel">From fuel theft.</param>
public sealed record RevenueYear(Band Drugs, Band Extortion, Band Fuel);

/// <summary>Drug policy's outputs in a year.</summary>
/// <param name="LegalOpium">Licensed opium sold legally, tonnes of morphine.</param>
/// <param name="DivertedOpium">Licensed opium diverted, tonnes of morphine.</param>
/// <param name="NewlyLegal">Crops and trade made legal, pesos.</param>
/// <param name="RacketRevenue">What rackets took from them, pesos.</param>
/// <param name="ExtortionKillings">People killed enforcing those rackets.</param>
public sealed record DrugPolicyYear(Band LegalOpium, Band DivertedOpium, Band NewlyLegal, Band RacketRevenue, Band ExtortionKillings);

/// <summary>Youth programmes in a year: each a band over the replicates.</summary>
/// <param name="Beneficiaries">Young men enrolled (mean over the year's weeks).</param>
/// <param name="Cost">Pesos paid in stipends.</param>
/// <param name="RecruitsAverted">Expected recruits the programmes' shield removed.</param>
public sealed record YouthYear(Band Beneficiaries, Band Cost, Band RecruitsAverted);

/// <summary>Summaries of an ensemble by year, nationally and by state.</summary>
public static class EnsembleSummary
{
    /// <summary>One summary per calendar year the replicates cover.</summary>
    public static IReadOnlyList<YearSummary> ByYear(IReadOnlyList<ReplicateResult> replicates, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(inputs);
        var first = replicates[0];
        var years = Enumerable.Range(first.FirstMonth / 12, ((first.FirstMonth + first.Months - 1) / 12) - (first.FirstMonth / 12) + 1);
        var stateCodes = Enumerable.Range(0, inputs.States).Select(s => inputs.Municipalities[Array.IndexOf(inputs.StateOf, s)][..2]).ToArray();
        var stateRows = replicates.Select(r => r.Metrics?.LocalRows(Engine.MetricLevel.State).ToLookup(x => (x.Metric, x.Place, x.Year), x => x.Value)).ToList();
        var stateMetrics = stateRows.SelectMany(r => r?.Select(g => g.Key.Metric) ?? []).ToHashSet(StringComparer.Ordinal);
        return [.. years.Select(year =>
        {
            var population = inputs.NationalPopulation(year);
            var national = replicates.Select(r => (double)r.Homicides(year)).ToList();
            var weeks = replicates.Select(r => r.Weeks.Where(w => w.Date.Year == year).ToList()).ToList();
            var states = Enumerable.Range(0, inputs.States).Select(s => new StateYear(stateCodes[s], Band.Of(replicates.Select(r =>
                (double)Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == s).Sum(m => r.Homicides(m, year)))))
            {
                MilitiaMembers = stateMetrics.Contains(Mechanisms.Militias.Members.Name) ? ByState(stateRows, Mechanisms.Militias.Members.Name, s, year) : null,
                Disappearances = stateMetrics.Contains(Mechanisms.HumanRights.Disappearances.Name) ? ByState(stateRows, Mechanisms.HumanRights.Disappearances.Name, s, year) : null,
            }).ToList();
            return new YearSummary(
                year,
                Band.Of(national),
                Band.Of(national.Select(h => h * 100_000 / population)),
                Band.Of(weeks.Select(w => (double)w[0].Members)),
                Band.Of(weeks.Select(w => w.Average(x => x.Recruits))),
                Band.Of(weeks.Select(w => w.Average(x => x.Arrests))),
                Band.Of(weeks.Select(w => w.Average(x => x.MemberDeaths))),
                Band.Of(weeks.Select(w => (double)w[^1].Prisoners)),
                Band.Of(weeks.Select(w => (double)w[^1].Groups)),
                states)
            {
                ShareMeetingPromise = national.Count(h => h * 100_000 / population <= YearSummary.PromisedRate) / (double)national.Count,
                LeadersArrested = Band.Of(weeks.Select(w => (double)w.Sum(x => x.LeadersRemoved))),
                MiddleArrested = Band.Of(weeks.Select(w => (double)w.Sum(x => x.MiddleArrested))),
                LowerArrested = Band.Of(weeks.Select(w => (double)w.Sum(x => x.LowerArrested))),
                Convictions = Band.Of(weeks.Select(w => (double)w.Sum(x => x.Convictions))),
                Impunity = Band.Of(weeks.Select(w => w.Sum(x => x.Convictions + x.Releases) is var ended and > 0 ? w.Sum(x => x.Releases) / (double)ended : 0)),
                Splits = Band.Of(weeks.Select(w => (double)(w[^1].Splits - (w[0].Splits)))),
                SweepsDone = Growth(replicates, weeks, "sweeps_done"),
                SweepsFailed = Growth(replicates, weeks, "sweeps_failed"),
                Police = YearMean(replicates, weeks, Mechanisms.Policing.Officers.Name),
                PrisonPopulation = YearLast(replicates, weeks, Mechanisms.Prisons.Prisoners.Name),
                PrisonPretrial = YearLast(replicates, weeks, Mechanisms.Prisons.PrisonersPretrial.Name),
                PrisonRecruits = YearSum(replicates, weeks, Mechanisms.PrisonRecruitment.Recruits.Name),
                Amnesty = Reduced(replicates, weeks, Mechanisms.Amnesty.Applications.Name, SumOverYear) is not { } applications ? null : new AmnestyYear(
                    applications,
                    YearSum(replicates, weeks, Mechanisms.Amnesty.Granted.Name),
                    YearSum(replicates, weeks, Mechanisms.Amnesty.Denied.Name),
                    YearSum(replicates, weeks, Mechanisms.Amnesty.Released.Name),
                    YearSum(replicates, weeks, Mechanisms.Amnesty.Revoked.Name),
                    YearSum(replicates, weeks, Mechanisms.Amnesty.Reoffended.Name)),
                Youth = YearMean(replicates, weeks, Mechanisms.YouthProgrammes.Enrolled.Name) is not { } enrolled ? null : new YouthYear(
                    enrolled,
                    YearSum(replicates, weeks, Mechanisms.YouthProgrammes.Cost.Name),
                    YearSum(replicates, weeks, Mechanisms.Recruitment.Averted.Name)),
                RecruitsByAge = new RecruitAges(
                    YearSum(replicates, weeks, Mechanisms.Recruitment.RecruitsMinors.Name),
                    YearSum(replicates, weeks, Mechanisms.Recruitment.RecruitsYoung.Name)),
                Revenue = new RevenueYear(
                    YearSum(replicates, weeks, Mechanisms.MarketValue.DrugRevenue.Name),
                    YearSum(replicates, weeks, Mechanisms.MarketValue.ExtortionRevenue.Name),
                    YearSum(replicates, weeks, Mechanisms.MarketValue.FuelRevenue.Name)),
                DrugPolicy = Reduced(replicates, weeks, Mechanisms.DrugPolicy.NewlyLegal.Name, SumOverYear) is not { } newlyLegal ? null : new DrugPolicyYear(
                    YearSum(replicates, weeks, Mechanisms.DrugPolicy.LegalOpium.Name),
                    YearSum(replicates, weeks, Mechanisms.DrugPolicy.DivertedOpium.Name),
                    newlyLegal,
                    YearSum(replicates, weeks, Mechanisms.Rackets.Take.Name),
                    YearSum(replicates, weeks, Mechanisms.Rackets.Killings.Name)),
                Militias = YearMean(replicates, weeks, Mechanisms.Militias.Count.Name) is not { } militias ? null : new MilitiaYear(
                    militias,
                    YearMean(replicates, weeks, Mechanisms.Militias.Members.Name)!,
                    YearSum(replicates, weeks, Mechanisms.Militias.Killings.Name),
                    YearSum(replicates, weeks, Mechanisms.Militias.Disarmed.Name),
                    YearSum(replicates, weeks, Mechanisms.Militias.Arrested.Name)),
                DisputesMediated = Reduced(replicates, weeks, Mechanisms.Councils.Mediated.Name, SumOverYear),
                HumanRights = YearSum(replicates, weeks, Mechanisms.HumanRights.Abuses.Name) is var abuses && YearMean(replicates, weeks, Mechanisms.HumanRights.CooperationMetric.Name) is { } cooperation
                    ? new HumanRightsYear(
                        abuses,
                        cooperation,
                        YearSum(replicates, weeks, Mechanisms.HumanRights.Disappearances.Name),
                        YearLast(replicates, weeks, Mechanisms.SearchProgramme.Missing.Name) ?? Band.Of(replicates.Select(_ => 0.0)),
                        YearSum(replicates, weeks, Mechanisms.SearchProgramme.FoundAlive.Name),
                        YearSum(replicates, weeks, Mechanisms.SearchProgramme.FoundDead.Name),
                        YearSum(replicates, weeks, Mechanisms.SearchProgramme.Identified.Name))
                    : null,
            };
        })];
    }

    // A state-level metric's yearly value in each replicate (0 where a replicate's row is absent: rows below the national
    // level leave zeros out).
    private static Band ByState(List<ILookup<(string Metric, int Place, int Year), double>?> rows, string metric, int state, int year) =>
        Band.Of(rows.Select(r => r?[(metric, state, year)].Sum() ?? 0));

    // A stock metric's mean over the year's weeks, or null where no replicate records it.
    private static Band? YearMean(IReadOnlyList<ReplicateResult> replicates, List<List<WeekFlows>> weeks, string metric) =>
        Reduced(replicates, weeks, metric, (series, year) => year.Average(w => series[w.Week]));

    // A flow metric's sum over the year's weeks (0 where a replicate never records it).
    private static Band YearSum(IReadOnlyList<ReplicateResult> replicates, List<List<WeekFlows>> weeks, string metric) =>
        Reduced(replicates, weeks, metric, SumOverYear) ?? Band.Of(replicates.Select(_ => 0.0));

    private static readonly Func<IReadOnlyList<double>, List<WeekFlows>, double> SumOverYear = (series, year) => year.Sum(w => series[w.Week]);

    // A stock metric's value at the year's last week, or null where no replicate records it.
    private static Band? YearLast(IReadOnlyList<ReplicateResult> replicates, List<List<WeekFlows>> weeks, string metric) =>
        Reduced(replicates, weeks, metric, (series, year) => series[year[^1].Week]);

    // A cumulative metric's growth over the year's weeks (from its first week's value to its last), 0 where no mechanism records it.
    private static Band Growth(IReadOnlyList<ReplicateResult> replicates, List<List<WeekFlows>> weeks, string metric) =>
        Reduced(replicates, weeks, metric, (series, year) => series[year[^1].Week] - series[year[0].Week]) ?? Band.Of(replicates.Select(_ => 0.0));

    // A metric's weekly series reduced to one value per replicate over its year's weeks (0 for a replicate that never
    // records it), or null where no replicate records it.
    private static Band? Reduced(IReadOnlyList<ReplicateResult> replicates, List<List<WeekFlows>> weeks, string metric, Func<IReadOnlyList<double>, List<WeekFlows>, double> reduce) =>
        replicates.All(r => r.Metrics?.Weekly(metric) is null)
            ? null
            : Band.Of(replicates.Select((r, k) => r.Metrics?.Weekly(metric) is { } series ? reduce(series, weeks[k]) : 0));
}
