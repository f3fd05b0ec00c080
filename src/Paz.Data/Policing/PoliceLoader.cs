using Paz.Core.Policing;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Policing;

/// <summary>
/// Civilian police by municipality and state from data/police: INEGI's 2011 municipal census (operational
/// police per 100,000 in 2010) and the state preventive police of SESNSP's Modelo Óptimo de la Función
/// Policial (cut 31 October 2017), with the gaps imputed by <see cref="PoliceImputation"/>.
/// </summary>
/// <remarks>
/// State figures: rows of scope "state preventive police, operational" and indicator police_per_1000; a
/// state's figure is the one cut on 31 October 2017 where the SESNSP diagnosis names it, else the first
/// undated row in the file (two SEGOB maps quoted in the press; they agree within 0.1 where they overlap).
/// The national total is that diagnosis's 128,922 officers. Other scopes (all corporations, state plus
/// municipal) are not mixed in: the file's provenance warns against it.
/// </remarks>
public static class PoliceLoader
{
    /// <summary>Year of the municipal figures.</summary>
    public const int MunicipalYear = 2010;

    /// <summary>Year of the state figures.</summary>
    public const int StateYear = 2017;

    /// <summary>The cut date of the SESNSP diagnosis that gives the national total and is preferred for states.</summary>
    public const string DiagnosisCut = "2017-10-31";

    /// <summary>
    /// Mexico City's alcaldías have no municipal police: the city government polices them, which is why the
    /// census leaves all 16 empty (data/police/PROVENANCE.md). Its state police carries the whole load.
    /// </summary>
    public static readonly IReadOnlySet<StateCode> PolicedByState = new HashSet<StateCode> { new("09") };

    /// <summary>Loads and imputes the police of every atlas municipality and state.</summary>
    /// <exception cref="DataFormatException">A file is malformed; the message names file, line and expectation.</exception>
    public static PoliceForces Load(DataDirectory data, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(atlas);
        var municipal = PoliceImputation.Municipal(atlas, ReadMunicipal(data.MunicipalPolice, atlas), PolicedByState, MunicipalYear);
        var (states, national) = ReadStates(data.StatePoliceFragments, atlas);
        var state = PoliceImputation.States(atlas, states, national, StateYear);
        var (failed, nationalFailed, nationalEvaluated) = ReadVetting(data.StatePoliceFragments, atlas);
        var officers = atlas.States.ToDictionary(s => s.Code, s => state[s.Code].PerHundredThousand * atlas.Population(s.Code, StateYear) / 100_000);
        var vetting = PoliceImputation.Vetting(atlas, failed, nationalFailed, nationalEvaluated, officers);
        return new PoliceForces(atlas, municipal, state,
            $"municipal police: INEGI CNGMD 2011 (2010), {municipal.Count(f => f.Origin == PoliceFigureOrigin.Imputed)} municipalities imputed from comparable places; " +
            $"state police: SESNSP Modelo Óptimo ({DiagnosisCut}) and SEGOB maps, {state.Values.Count(f => f.Origin == PoliceFigureOrigin.Imputed)} states imputed from the national total",
            vetting);
    }

    /// <summary>The reported municipal densities (operational police per 100,000) by code; empty fields are left out.</summary>
    /// <exception cref="DataFormatException">A code outside the atlas, a duplicate, another year or a density outside 0-100,000.</exception>
    public static Dictionary<MunicipalityCode, double> ReadMunicipal(string path, Atlas atlas)
    {
        var file = CsvFile.Open(path);
        int code = file.Column("cve_mun"), year = file.Column("year"), density = file.Column("operational_police_per100k");
        var seen = new FirstSeen<string>("municipality");
        var reported = new Dictionary<MunicipalityCode, double>();
        file.ForEachRow(row =>
        {
            var text = row.Text(code);
            if (!MunicipalityCode.IsValid(text) || !atlas.Contains(new MunicipalityCode(text)))
            {
                throw row.Fail(code, "a municipality code of the atlas", text);
            }

            seen.Add(row, text);
            row.WholeNumber(year, MunicipalYear, MunicipalYear);
            if (row.OptionalNumber(density, 0, 100_000) is { } value)
            {
                reported[new MunicipalityCode(text)] = value;
            }
        });
        return reported;
    }

    /// <summary>
    /// The shares of state police who failed vetting where the fragments give them (El Financiero's SEGOB figures, five
    /// states), and the diagnosis's national failed and evaluated officers.
    /// </summary>
    /// <exception cref="DataFormatException">A share outside 0-100%, or no national figures.</exception>
    public static (Dictionary<StateCode, double> Failed, double NationalFailed, double NationalEvaluated) ReadVetting(string path, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var file = CsvFile.Open(path);
        int cut = file.Column("cut_date"), state = file.Column("cve_ent"), indicator = file.Column("indicator"), value = file.Column("value");
        var failed = new Dictionary<StateCode, double>();
        double? nationalFailed = null, nationalEvaluated = null;
        file.ForEachRow(row =>
        {
            var code = row.Text(state);
            switch (row.Text(indicator))
            {
                case "pct_failed_control_confianza" when code != "00" && StateCode.IsValid(code) && atlas.Contains(new StateCode(code)):
                    failed.TryAdd(new StateCode(code), row.Number(value, 0, 100) / 100);
                    break;
                case "failed_control_confianza" when code == "00" && row.OptionalText(cut) == DiagnosisCut:
                    nationalFailed = row.Number(value, 0, 10_000_000);
                    break;
                case "evaluated_control_confianza" when code == "00" && row.OptionalText(cut) == DiagnosisCut:
                    nationalEvaluated = row.Number(value, 1, 10_000_000);
                    break;
            }
        });

        return nationalFailed is { } f && nationalEvaluated is { } e
            ? (failed, f, e)
            : throw new DataFormatException(path, 0, $"expected the national failed and evaluated officers of the {DiagnosisCut} diagnosis (cve_ent 00)");
    }

    /// <summary>The reported state densities (per 100,000) and the national total of the diagnosis.</summary>
    /// <exception cref="DataFormatException">A state code outside the atlas, a value outside 0-100 per 1,000, or no national total.</exception>
    public static (Dictionary<StateCode, double> States, double National) ReadStates(string path, Atlas atlas)
    {
        var file = CsvFile.Open(path);
        int cut = file.Column("cut_date"), state = file.Column("cve_ent"), indicator = file.Column("indicator"), value = file.Column("value"), scope = file.Column("scope");
        var dated = new Dictionary<StateCode, double>();
        var undated = new Dictionary<StateCode, double>();
        double? national = null;
        file.ForEachRow(row =>
        {
            if (row.Text(scope) != "state preventive police, operational")
            {
                return;
            }

            var code = row.Text(state);
            var date = row.OptionalText(cut);
            if (code == "00")
            {
                if (row.Text(indicator) == "police_strength" && date == DiagnosisCut)
                {
                    national = row.Number(value, 1, 10_000_000);
                }

                return;
            }

            if (row.Text(indicator) != "police_per_1000")
            {
                return;
            }

            if (!StateCode.IsValid(code) || !atlas.Contains(new StateCode(code)))
            {
                throw row.Fail(state, "a state code of the atlas", code);
            }

            var target = date == DiagnosisCut ? dated : undated;
            target.TryAdd(new StateCode(code), row.Number(value, 0, 100) * 100);
        });

        foreach (var (code, density) in undated)
        {
            dated.TryAdd(code, density);
        }

        return (dated, national ?? throw new DataFormatException(path, 0, $"expected the national operational state preventive police of the {DiagnosisCut} diagnosis (cve_ent 00, indicator police_strength)"));
    }
}
