using Paz.Core.Statistics;

namespace Paz.Simulation.Agents;

/// <summary>What the engine is held against: observed homicides and the aggregate model's national flows.</summary>
/// <param name="NationalHomicides">Observed national homicides (INEGI, by occurrence) by year.</param>
/// <param name="StateHomicides2018">Observed 2018 homicides by state index.</param>
/// <param name="MunicipalHomicides2018">Observed 2018 homicides by municipality index.</param>
/// <param name="Aggregate">The aggregate model's yearly flows (members at the year's start; weekly recruits, incapacitations, deaths).</param>
public sealed record ValidationTargets(
    IReadOnlyDictionary<int, double> NationalHomicides,
    IReadOnlyList<double> StateHomicides2018,
    IReadOnlyList<double> MunicipalHomicides2018,
    IReadOnlyDictionary<int, (double Members, double Recruits, double Incapacitations, double Deaths)> Aggregate);

/// <summary>One acceptance check: a computed value, its bound and whether it holds.</summary>
/// <param name="Name">What is checked.</param>
/// <param name="Value">The computed value.</param>
/// <param name="Target">The value or bound it is checked against.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Rule">The rule, in words.</param>
public sealed record ValidationCheck(string Name, double Value, double Target, bool Passed, string Rule);

/// <summary>Checks an ensemble against the data and the aggregate model (issue 4's acceptance list), computing everything from runs and data.</summary>
public static class Validation
{
    /// <summary>Every check, in the order of the acceptance list.</summary>
    public static IReadOnlyList<ValidationCheck> Check(IReadOnlyList<YearSummary> summary, IReadOnlyList<ReplicateResult> replicates, EngineInputs inputs, ValidationTargets targets)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(replicates);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var checks = new List<ValidationCheck>();
        var byYear = summary.ToDictionary(s => s.Year);
        foreach (var year in Enumerable.Range(2015, 4).Where(byYear.ContainsKey))
        {
            var model = byYear[year].Homicides.Mean;
            var data = targets.NationalHomicides[year];
            checks.Add(new ValidationCheck($"national homicides {year}", model, data, Math.Abs((model / data) - 1) <= 0.10, "within 10% of INEGI (occurrence)"));
        }

        if (byYear.TryGetValue(2018, out var y2018))
        {
            var modelStates = Enumerable.Range(0, inputs.States).Select(s => y2018.States[s].Homicides.Mean / StatePopulation(inputs, s, 2018)).ToList();
            var dataStates = Enumerable.Range(0, inputs.States).Select(s => targets.StateHomicides2018[s] / StatePopulation(inputs, s, 2018)).ToList();
            var rho = RankCorrelation.Spearman(modelStates, dataStates);
            checks.Add(new ValidationCheck("Spearman ρ, state rates 2018", rho, 0.7, rho >= 0.7, "at least 0.7"));

            var big = Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.PopulationIn(m, 2018) >= 100_000).ToList();
            var modelMunicipal = big.Select(m => replicates.Average(r => (double)r.Homicides(m, 2018)) / inputs.PopulationIn(m, 2018)).ToList();
            var dataMunicipal = big.Select(m => targets.MunicipalHomicides2018[m] / inputs.PopulationIn(m, 2018)).ToList();
            var rhoM = RankCorrelation.Spearman(modelMunicipal, dataMunicipal);
            checks.Add(new ValidationCheck($"Spearman ρ, municipal rates 2018 ({big.Count} with ≥ 100,000)", rhoM, 0.5, rhoM >= 0.5, "at least 0.5"));
        }

        foreach (var year in Enumerable.Range(2015, 4).Where(y => byYear.ContainsKey(y) && targets.Aggregate.ContainsKey(y)))
        {
            var a = targets.Aggregate[year];
            var s = byYear[year];
            checks.Add(Flow($"members at the start of {year}", s.Members.Mean, a.Members));
            checks.Add(Flow($"weekly recruits {year}", s.Recruits.Mean, a.Recruits));
            checks.Add(Flow($"weekly incapacitations {year}", s.Arrests.Mean, a.Incapacitations));
            checks.Add(Flow($"weekly member deaths {year}", s.MemberDeaths.Mean, a.Deaths));
        }

        return checks;
    }

    private static ValidationCheck Flow(string name, double model, double aggregate) =>
        new(name, model, aggregate, Math.Abs((model / aggregate) - 1) <= 0.20, "within 20% of the aggregate model");

    private static double StatePopulation(EngineInputs inputs, int state, int year) =>
        Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == state).Sum(m => inputs.PopulationIn(m, year));
}
