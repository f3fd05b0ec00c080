using Paz.Core.Territory;

namespace Paz.Core.Violence;

/// <summary>Every homicide series Paz knows about, as loaded from the shipped data.</summary>
/// <param name="MunicipalMonthly">INEGI deaths by municipality and month of occurrence.</param>
/// <param name="MunicipalYearly">The same by year, as published in the yearly table.</param>
/// <param name="StateMonthly">INEGI deaths by state and month of occurrence.</param>
/// <param name="StateYearly">The same by year.</param>
/// <param name="SesnspMonthly">SESNSP victims by state and month.</param>
/// <param name="SesnspYearly">SESNSP victims by state and year.</param>
/// <param name="National">INEGI national counts by year of registration.</param>
/// <param name="NationalFlows">National homicides, missing persons and arrests, 2012-2018.</param>
public sealed record HomicideRecord(
    MonthlySeries<MunicipalityCode> MunicipalMonthly,
    YearlySeries<MunicipalityCode> MunicipalYearly,
    MonthlySeries<StateCode> StateMonthly,
    YearlySeries<StateCode> StateYearly,
    IReadOnlyList<SesnspVictims> SesnspMonthly,
    IReadOnlyList<SesnspVictims> SesnspYearly,
    IReadOnlyList<NationalHomicideYear> National,
    IReadOnlyList<NationalFlowYear> NationalFlows);
