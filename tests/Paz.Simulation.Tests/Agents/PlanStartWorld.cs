using Paz.Data;
using Paz.Data.Engine;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;

namespace Paz.Simulation.Tests.Agents;

/// <summary>
/// The real atlas started cold in December 2018 (members placed from 2015-2017's violence, no splinters yet) under the
/// calibrated baseline's settings of that month: a world for mechanism tests of policies after 2018 that need neither
/// the calibration years nor their history, at a fifth of the cost of running from 2015.
/// </summary>
internal static class PlanStartWorld
{
    /// <summary>The world's first week.</summary>
    public static readonly DateOnly Start = new(2018, 12, 1);

    private static readonly Lazy<CriminalMarketEngine> Loaded = new(() => new CriminalMarketEngine(EngineInputsBuilder.Build(CalibratedBaseline.Data, Start)));

    /// <summary>The engine on the real atlas from December 2018.</summary>
    public static CriminalMarketEngine Engine => Loaded.Value;

    /// <summary>The baseline's settings in force in December 2018.</summary>
    public static Settings Settings => CalibratedBaseline.Scenario.Timeline.At(Start).Settings;

    /// <summary>The baseline's December 2018 settings throughout, changed from each date by its change.</summary>
    public static Timeline Policy(params (DateOnly From, Func<Settings, Settings> Change)[] changes) =>
        changes.Aggregate(Timeline.Constant(Settings), (timeline, c) => timeline.Then(c.From, c.Change));

    /// <summary>One replicate through the end of <paramref name="year"/>.</summary>
    public static ReplicateResult Run(Timeline timeline, int year, ulong seed) => Engine.Run(timeline, Engine.Inputs.WeeksThrough(year), seed);
}
