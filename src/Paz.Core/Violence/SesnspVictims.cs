using Paz.Core.Territory;

namespace Paz.Core.Violence;

/// <summary>
/// Victims recorded in prosecutors' investigation files (SESNSP, 2015 methodology) for a state
/// and a month, or a whole year when <see cref="Month"/> is null.
/// </summary>
/// <param name="State">The state.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Month 1-12, or null for a yearly total.</param>
/// <param name="IntentionalHomicide">Homicidio doloso, all means.</param>
/// <param name="FirearmHomicide">Homicidio doloso with a firearm.</param>
/// <param name="Femicide">Feminicidio.</param>
/// <param name="NegligentHomicide">Homicidio culposo (includes traffic deaths).</param>
/// <param name="MonthsReported">For a yearly total, how many months it covers.</param>
public sealed record SesnspVictims(
    StateCode State,
    int Year,
    int? Month,
    int IntentionalHomicide,
    int FirearmHomicide,
    int Femicide,
    int NegligentHomicide,
    int? MonthsReported = null);
