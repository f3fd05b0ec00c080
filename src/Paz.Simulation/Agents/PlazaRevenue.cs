using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Simulation.Agents;

/// <summary>
/// What each municipality's criminal economy is worth a year under the 2015-2018 policy, by source (pesos a year), from
/// <see cref="MarketValue"/>'s parameters and the places the data name (<see cref="EngineInputs.Plazas"/>). The national
/// total criminal_revenue is split into drugs (drug_revenue_share), fuel theft (fuel_revenue_share) and extortion (the
/// rest); the drug trade into trafficking (trafficking_share, at border crossings and ports), production
/// (production_share, in the poppy states) and retail (the rest). Each is spread over municipalities:
/// - retail and extortion by the market value V = population × exp(−marginalization) (people and income);
/// - trafficking over the crossing and port municipalities by population (larger crossings are larger cities: assumed);
/// - production over the poppy states' municipalities by area × exp(marginalization) (poppy is grown in remote, poor
///   sierra: assumed; marijuana is placed where poppy is, data/markets/PROVENANCE.md);
/// - fuel theft equally over the six refineries (assumed), half in the refinery's municipality and half over its
///   neighbours by population (the pipelines that leave it: no tap map before 2019 was found).
/// Without the sites (hand-built worlds), trafficking and production go to retail and fuel to extortion.
/// </summary>
/// <param name="Retail">Drug retail, pesos a year.</param>
/// <param name="Trafficking">Drug trafficking at crossings and ports, pesos a year.</param>
/// <param name="Production">Drug production, pesos a year.</param>
/// <param name="Extortion">Extortion of the legal economy, pesos a year.</param>
/// <param name="Fuel">Fuel theft, pesos a year.</param>
public sealed record PlazaRevenue(double[] Retail, double[] Trafficking, double[] Production, double[] Extortion, double[] Fuel)
{
    /// <summary>All sources of municipality <paramref name="m"/>, pesos a year.</summary>
    public double Total(int m) => Retail[m] + Trafficking[m] + Production[m] + Extortion[m] + Fuel[m];

    /// <summary>The revenue of every municipality under the 2015-2018 policy.</summary>
    public static PlazaRevenue Of(EngineInputs inputs, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        var n = inputs.MunicipalityCount;
        var year = inputs.Start.Year;
        var total = settings[MarketValue.Revenue];
        var drugs = total * settings[MarketValue.DrugShare];
        var fuel = total * settings[MarketValue.FuelShare];
        var extortion = Math.Max(0, total - drugs - fuel);
        var sites = inputs.Plazas;
        var trafficking = sites is null ? 0 : drugs * settings[MarketValue.TraffickingShare];
        var production = sites is null ? 0 : drugs * settings[MarketValue.ProductionShare];
        var retail = drugs - trafficking - production;
        if (sites is null)
        {
            extortion += fuel;
            fuel = 0;
        }

        var marginalization = inputs.Marginalization;
        var value = Weights(n, m => Math.Max(inputs.PopulationIn(m, year), 1) * Math.Exp(-(marginalization?[m] ?? 0)));
        var crossings = Weights(n, m => sites is not null && (sites.BorderCrossing[m] || sites.Port[m]) ? inputs.PopulationIn(m, year) : 0);
        var fields = Weights(n, m => sites is not null && sites.PoppyState[m] ? sites.AreaKm2[m] * Math.Exp(marginalization?[m] ?? 0) : 0);
        return new PlazaRevenue(
            Scaled(value, retail),
            Scaled(crossings, trafficking),
            Scaled(fields, production),
            Scaled(value, extortion),
            sites is null ? new double[n] : Scaled(Refineries(inputs, sites, year), fuel));
    }

    // Each refinery an equal share, half at home and half over its neighbours by population.
    private static double[] Refineries(EngineInputs inputs, PlazaSites sites, int year)
    {
        var n = inputs.MunicipalityCount;
        var weight = new double[n];
        for (var m = 0; m < n; m++)
        {
            if (!sites.Refinery[m])
            {
                continue;
            }

            var around = inputs.Neighbours[m];
            var people = around.Sum(x => inputs.PopulationIn(x, year));
            weight[m] += around.Length == 0 || people <= 0 ? 1 : 0.5;
            foreach (var x in around)
            {
                weight[x] += people > 0 ? 0.5 * inputs.PopulationIn(x, year) / people : 0;
            }
        }

        return weight;
    }

    private static double[] Weights(int n, Func<int, double> weight) => [.. Enumerable.Range(0, n).Select(weight)];

    private static double[] Scaled(double[] weights, double total)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => sum > 0 ? total * w / sum : 0)];
    }
}
