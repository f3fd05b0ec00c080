using Paz.Core.Territory;
using Paz.Data.Groups;
using Paz.Simulation.Aggregate;
using Paz.Simulation.Agents;

namespace Paz.Data.Engine;

/// <summary>Builds the engine's observed homicides and validation targets from the shipped data and the aggregate model.</summary>
public static class ValidationTargetsBuilder
{
    /// <summary>The calibration window's last year: the plan starts in December 2018, and nothing later may enter.</summary>
    public const int LastYear = 2018;

    /// <summary>INEGI homicides by occurrence (the municipal monthly series) for every year it covers to 2018, nationally, by state and by municipality, in the inputs' order.</summary>
    public static ObservedHomicides Observed(PazDataSet data, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        var series = data.Homicides.MunicipalMonthly;
        var years = series.Years.Where(y => y <= LastYear).ToList();
        var codes = inputs.Municipalities.Select(c => new MunicipalityCode(c)).ToArray();
        var municipal = years.ToDictionary(y => y, y => codes.Select(c => series.Contains(c) ? (double)series.YearTotal(c, y) : 0).ToArray());
        var states = years.ToDictionary(y => y, y => inputs.SumByState(m => municipal[y][m]));
        return new ObservedHomicides(years.ToDictionary(y => y, y => (double)series.YearTotal(y)), states, municipal);
    }

    /// <summary>The range of one-year changes in INEGI's national series to 2018 (the plausibility envelope: −15.2% to +58.0% over 1990-2018).</summary>
    public static ChangeEnvelope Envelope(PazDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ChangeEnvelope.Of(data.Homicides.National.Where(y => y.Year <= LastYear && y.Count is not null).ToDictionary(y => y.Year, y => (double)y.Count!.Value));
    }

    /// <summary>
    /// The targets of a run from <paramref name="inputs"/>'s start: national homicides of each year from the start to
    /// 2018 and the 2018 spatial pattern; from a 2015 start also the aggregate model's flows (checked within 20%),
    /// from an earlier one (a replay of history) none — the aggregate model starts in 2012 and was fitted on
    /// the years a replay forecasts — and a tolerance of 15% from the second year. From a start with a prison
    /// census, the whole prison population at the end of each later year the census counted people (2018's
    /// 176,895 for a 2015 start; the years between are interpolated, not counted, and are left out).
    /// </summary>
    public static ValidationTargets Build(PazDataSet data, EngineInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(inputs);
        var first = inputs.Start.Year;
        var observed = Observed(data, inputs);
        if (first < 2015)
        {
            return ValidationTargets.Replay(observed, first, LastYear);
        }

        var aggregate = new PrietoCurielModel(GroupNetworkLoader.Load(data.Source)).Run(PrietoCurielParameters.Published, 520).ByYear()
            .ToDictionary(y => y.Year, y => (y.MembersAtStart, y.Recruits, y.Incapacitations, y.Deaths));
        return ValidationTargets.Window(observed, first, LastYear, aggregate) with
        {
            Prisoners = data.Prisons.CountedYears.Where(y => y > first && y <= LastYear).ToDictionary(y => y, data.Prisons.National),
        };
    }
}
