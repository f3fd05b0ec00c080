using Paz.Data.Groups;
using Paz.Simulation.Aggregate;
using Paz.Simulation.Agents;

namespace Paz.Data.Engine;

/// <summary>Builds the agent-based engine's inputs from the shipped data.</summary>
public static class EngineInputsBuilder
{
    /// <summary>Years of homicide history before the start used to place members: the three years before it.</summary>
    private const int HistoryYears = 3;

    /// <summary>Inputs for a run starting at <paramref name="start"/> (January 2015 for the baseline).</summary>
    /// <remarks>
    /// At-risk pool index of a municipality: its share of young men (CONAPO's men aged 15-29 per inhabitant in the start
    /// year, 2010-2018, the nearest year outside) relative to the national share, times (1 + its homicide rate in the three
    /// years before the start / the national rate) / 2 — young men and violence as drivers; normalized to a
    /// population-weighted mean of 1. The young men of every projected year (<see cref="EngineInputs.YoungMenByYear"/>) let
    /// the pool follow them year by year (recruitment). Poverty enters where the run holds the explanation "exclusion"
    /// (marginalization) and where youth programmes target it (CONEVAL's <see cref="EngineInputs.Poverty"/>).
    /// Initial members: the aggregate model's membership at the start date (the parameter initial_members replaces
    /// it, as it must before 2012). Groups and their states: <see cref="HistoricalPresence"/> before 2015, else
    /// <see cref="GroupPresenceLoader"/>. Prosecutorial capacity per state: <see cref="Justice.ProsecutionLoader"/>
    /// from 2015 (none before: it rests on later data); police by municipality likewise (<see cref="Policing.PoliceLoader"/>).
    /// </remarks>
    public static EngineInputs Build(PazDataSet data, DateOnly start, int lastPopulationYear = 2024)
    {
        ArgumentNullException.ThrowIfNull(data);
        var atlas = data.Atlas;
        var network = GroupNetworkLoader.Load(data.Source);
        // Before 2015 the organizations of the start year as MCO lists them (a replay from 2007 must not see the
        // 2015 picture); from 2015 the 2015 presence (MCO, CIDE-PPD, BACRIM records).
        var historical = start.Year < 2015;
        var (presence, sizeOrder) = historical
            ? HistoricalPresence.Load(data.Source, network, atlas, Math.Max(start.Year, HistoricalPresence.FirstYear))
            : (GroupPresenceLoader.Load(data.Source, network, atlas), null);
        var m = atlas.Municipalities;
        var series = data.Homicides.MunicipalMonthly;
        var history = m.Select(x => series.Contains(x.Code) ? Enumerable.Range(start.Year - HistoryYears, HistoryYears).Sum(y => (double)series.YearTotal(x.Code, y)) : 0).ToArray();
        var population = Enumerable.Range(start.Year, lastPopulationYear - start.Year + 1)
            .Select(y => m.Select(x => x.Population.In(y) ?? 0).ToArray()).ToArray();
        var historyPopulation = m.Select(x => x.Population.In(start.Year - 2) ?? x.Population.In(start.Year) ?? 0).ToArray();
        var nationalRate = history.Sum() / historyPopulation.Sum();
        var youth = Socioeconomic.YouthLoader.Load(data.Source, atlas, start.Year);
        var youngShare = youth.YoungMen.Select((y, i) => population[0][i] > 0 ? y / population[0][i] : 0).ToArray();
        var nationalYoung = youth.YoungMen.Sum() / population[0].Sum();
        var raw = m.Select((x, i) =>
        {
            var rate = historyPopulation[i] > 0 ? history[i] / historyPopulation[i] : 0;
            return (youngShare[i] / nationalYoung) * (1 + (rate / nationalRate)) / 2;
        }).ToArray();
        var mean = raw.Select((r, i) => r * population[0][i]).Sum() / population[0].Sum();

        // Prisons start from the census at the end of the year before the start (it covers 2010-2018).
        var censused = start.Year - 1 is >= Justice.PrisonCensus.FirstYear and <= Justice.PrisonCensus.LastYear;

        var aggregate = new PrietoCurielModel(network);
        var week = (int)Math.Round((start.DayNumber - PrietoCurielModel.Start.DayNumber) / 7.0);
        var members = aggregate.Run(PrietoCurielParameters.Published, Math.Max(1, week)).MembersAt(Math.Max(1, week));

        return new EngineInputs(
            [.. m.Select(x => x.Code.Value)],
            [.. m.Select(x => atlas.StateIndexOf(x.State))],
            atlas.States.Count,
            [.. m.Select(x => atlas.Neighbours(x.Code).Select(atlas.IndexOf).ToArray())],
            start.Year,
            population,
            [.. raw.Select(r => r / mean)],
            history,
            network,
            presence,
            members,
            start)
        {
            // The prosecution index rests on the 2016 prison survey and 2010-2014 homicides: a run that starts
            // earlier must not see them, so its conviction chances are the same in every state.
            ProsecutionIndex = historical ? null : Justice.ProsecutionLoader.CapacityIndex(data.Source, atlas, data.Homicides.StateYearly),
            SizeOrder = sizeOrder,
            HomeStates = historical ? OrganizationBases.Load(data.Source.OrganizationBases, network, atlas) : null,
            Breakaways = historical ? HistoricalPresence.Breakaways(data.Source, network, atlas, Math.Max(start.Year, HistoricalPresence.FirstYear)) : [],
            StateNames = [.. atlas.States.Select(s => s.Name)],
            RecordedWars = UcdpWars.Resolve(UcdpWars.ByYear(data.Source), network, atlas),
            RecordedPresence = historical ? PresenceRecord.ByYear(data.Source, network, atlas) : new Dictionary<int, IReadOnlyList<int[]>>(),
            Marginalization = Socioeconomic.MarginalizationLoader.Load(data.Source, atlas, start.Year),

            // Youth programmes reach young men and, nationally, the poor. A structure, not an outcome; only policies
            // after 2018 read them (YouthProgrammes), so a replay from 2007 reads the 2010 projection unharmed.
            YoungMen = youth.YoungMen,
            YoungMenByYear = youth.ByYear,
            Poverty = youth.Poverty,

            // Police densities were measured in 2010 (municipal) and 2017 (state): like the prosecution index, a run
            // that starts before 2015 must not see them.
            Police = historical ? null : [.. m.Select((_, i) => data.Police.PerHundredThousand(i))],
            PoliceFailedVetting = historical ? null : [.. atlas.States.Select(s => data.Police.Vetting(s.Code).FailedShare)],

            // Border crossings, ports, refineries and poppy states: places, not outcomes (data/markets/PROVENANCE.md).
            Plazas = Economy.PlazaSiteLoader.Load(data.Source, atlas),

            // SEDENA's confrontations and RNPED's missing before the start year only: a replay from 2007 sees none.
            ArmyLethality = HumanRights.HumanRightsLoader.ArmyLethality(data.Source.ArmyConfrontations, atlas, start.Year - 1),
            MissingAtStart = HumanRights.HumanRightsLoader.MissingBefore(data.Source.MissingByYear, start.Year),

            PrisonersAtStart = censused ? [.. atlas.States.Select(s => data.Prisons.People(s.Code, start.Year - 1))] : null,
            PrisonProfiles = censused ? Justice.PrisonOffenceMix.Load(data.Source, atlas, start.Year - 1) : null,
        };
    }
}
