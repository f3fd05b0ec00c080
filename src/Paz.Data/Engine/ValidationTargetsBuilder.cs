using Paz.Core.Territory;
using Paz.Data.Groups;
using Paz.Simulation.Aggregate;
using Paz.Simulation.Agents;

namespace Paz.Data.Engine;

/// <summary>Builds the engine's validation targets from the shipped data and the aggregate model.</summary>
public static class ValidationTargetsBuilder
{
    /// <summary>Observed homicides (INEGI by occurrence, 2015-2018) and the aggregate model's yearly flows.</summary>
    public static ValidationTargets Build(PazDataSet data, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        var series = data.Homicides.MunicipalMonthly;
        var national = Enumerable.Range(2015, 4).ToDictionary(y => y, y => (double)series.YearTotal(y));
        var municipal = inputs.Municipalities.Select(c => series.Contains(new MunicipalityCode(c)) ? (double)series.YearTotal(new MunicipalityCode(c), 2018) : 0).ToList();
        var states = Enumerable.Range(0, inputs.States).Select(s => Enumerable.Range(0, inputs.MunicipalityCount).Where(m => inputs.StateOf[m] == s).Sum(m => municipal[m])).ToList();
        var aggregate = new PrietoCurielModel(GroupNetworkLoader.Load(data.Source)).Run(PrietoCurielParameters.Published, 520).ByYear()
            .ToDictionary(y => y.Year, y => (y.MembersAtStart, y.Recruits, y.Incapacitations, y.Deaths));
        return new ValidationTargets(national, states, municipal, aggregate);
    }
}
