using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>The rival explanations of Mexico's violence the engine can hold, each a mechanism (or a part of one) switched on or off.</summary>
[Flags]
public enum Explanation
{
    /// <summary>None of them: conflict, predation and homicides outside organizations only.</summary>
    None = 0,

    /// <summary>Leader removals open succession crises and split groups into splinters that fight their parents (Calderón et al. 2015; Phillips 2015).</summary>
    Fragmentation = 1,

    /// <summary>Joint military operations provoke confrontations: soldiers weaken the incumbent group and its rivals contest the place (Espinosa &amp; Rubin 2015; Dell 2015).</summary>
    Confrontation = 2,

    /// <summary>Violence follows the value of the plaza: groups fight harder over, and expand toward, the richer and larger markets to extort and sell in (Guerrero 2011; Ríos 2013).</summary>
    Market = 4,

    /// <summary>Poverty and exclusion supply recruits: the poorer a municipality, the larger its pool of young men who join (the plan's own premise; Enamorado et al. 2016).</summary>
    Exclusion = 8,

    /// <summary>Large groups break apart without a capture, at a steady rate: fragmentation that is not the removals' doing (the seed: "all of the other major criminal groups ... have been experiencing fragmentation").</summary>
    Fission = 16,

    /// <summary>Turf wars end when one side prevails: the weaker side of a lopsided contest gives the place up (Durán-Martínez 2015; Ríos 2013).</summary>
    Consolidation = 32,

    /// <summary>Wars burn out: a front of a recorded war fights hardest a few years after it opened and less after, as one side prevails or both exhaust themselves (Durán-Martínez 2015, 2018).</summary>
    Lifecycle = 64,

    /// <summary>Groups at war recruit for it: a group the record shows at war recruits faster where it fights, so the groups grow with the wars and stop when they end (the cartels' armed wings grew by recruiting during the wars of 2008-2012).</summary>
    Mobilization = 128,

    /// <summary>Organizations the record of 2007 did not list form where the record first shows them at war (Santa Rosa de Lima in Guanajuato, Los Rojos and Los Ardillos in Guerrero): the market's new entrants, not only its old firms' splinters.</summary>
    Emergence = 256,

    /// <summary>Splits go by plazas: in a recorded breakaway each plaza's boss takes his cell to one faction, so the factions hold places rather than face each other in every one (Grayson 2010 on La Familia; InSight Crime on the Gulf–Zetas split).</summary>
    Plazas = 512,

    /// <summary>A contest kills as its weaker side can fight: violence is highest where rivals are even and low where one organization dominates a few intruders (Durán-Martínez 2018, contested against monopolized markets).</summary>
    Balance = 1024,

    /// <summary>Organizations send fighters to their wars: a side outnumbered on a front of a recorded war brings members from the states where it fights none (Sinaloa's gunmen in Ciudad Juárez from 2008, CJNG's in Guanajuato and Baja California from 2015).</summary>
    Reinforcement = 2048,

    /// <summary>Organizations spread by taking in local groups: where the record lists one in a state it has no members in, local recruits under its name form a foothold there (CJNG's spread to most states by 2018; the seed's smaller groups whose affiliations with Sinaloa, CJNG and others are not stable).</summary>
    Franchise = 4096,
}

/// <summary>
/// Which rival explanations a run holds. A model parameter, not a lever: it says how the world works, and
/// the backtests (<c>paz backtest</c>) compare the combinations on history the engine was not fitted to.
/// Several mechanisms read it (succession and its local crises for fragmentation, joint operations for
/// confrontation, market value, exclusion), so it belongs to none.
/// </summary>
public static class Explanations
{
    /// <summary>The explanations in force.</summary>
    public static readonly ParameterSpec InForce = new("explanations", (double)Explanation.Fragmentation, "set of explanations", "assumed per scenario; the backtests weigh them (docs/validity.md)", 0, 8191, "rival explanations of the violence the run holds ([none] or any of the words)")
    { Kind = ValueKind.Choices, Words = ["fragmentation", "confrontation", "market", "exclusion", "fission", "consolidation", "lifecycle", "mobilization", "emergence", "plazas", "balance", "reinforcement", "franchise"] };

    /// <summary>All of them.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = [InForce];

    /// <summary>
    /// Each explanation's own parameter: fitted where the explanation is held (the backtests free it), never read
    /// where it is not, so a posterior inferred without the explanation still serves a run without it.
    /// </summary>
    public static IReadOnlyList<(Explanation Explanation, ParameterSpec Parameter)> OwnParameters { get; } =
    [
        (Explanation.Fragmentation, Mechanisms.Succession.SplitProbability),
        (Explanation.Confrontation, Mechanisms.JointOperations.OperationProvocation),
        (Explanation.Market, Mechanisms.MarketValue.MarketElasticity),
        (Explanation.Exclusion, Mechanisms.Exclusion.ExclusionElasticity),
        (Explanation.Fission, Mechanisms.Fission.FissionRate),
        (Explanation.Consolidation, Mechanisms.Consolidation.ConsolidationRate),
        (Explanation.Lifecycle, Mechanisms.RecordedWars.WarPeakAge),
        (Explanation.Mobilization, Mechanisms.WarMobilization.Mobilization),
        (Explanation.Emergence, Mechanisms.RecordedWars.WarEmergence),
        (Explanation.Plazas, Mechanisms.Breakaways.Mixing),
        (Explanation.Balance, Mechanisms.TerritorialConflict.Balance),
        (Explanation.Reinforcement, Mechanisms.WarReinforcements.Reinforcement),
        (Explanation.Franchise, Mechanisms.RecordedFootholds.Foothold),
    ];

    /// <summary>Whether <paramref name="parameter"/> belongs to an explanation <paramref name="settings"/> do not hold (so no run of them reads it).</summary>
    public static bool BelongsToAnExplanationNotHeld(this Settings settings, string parameter) =>
        OwnParameters.Any(o => o.Parameter.Name == parameter && !settings.Holds(o.Explanation));

    /// <summary>Whether <paramref name="settings"/> hold <paramref name="explanation"/>.</summary>
    public static bool Holds(this Settings settings, Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Choice<Explanation>(InForce).HasFlag(explanation);
    }
}
