namespace Paz.Simulation.Engine;

/// <summary>
/// What drug policy leaves of the groups' drug trade this week, municipality by municipality (pesos a year), and what it
/// makes legal. Published by <see cref="Mechanisms.DrugPolicy"/>; read by <see cref="Mechanisms.MarketValue"/> (revenue),
/// <see cref="Mechanisms.Rackets"/> (extortion of the newly legal) and <see cref="Mechanisms.Recruitment"/> (the pool).
/// </summary>
/// <param name="Drugs">Retail and production revenue left to the groups, by municipality.</param>
/// <param name="Trafficking">Trafficking revenue (crossings and ports) left to the groups, by municipality, before a targeted interdiction.</param>
/// <param name="NewlyLegal">Crops and trade made legal, pesos a year, by municipality: what groups may extort.</param>
/// <param name="PoolPressure">Multiplier of the local pool of recruits from livelihoods lost to eradication (1: as in 2015-2018).</param>
/// <param name="InterdictionCut">Share of a targeted group's trafficking revenue interdicted.</param>
/// <param name="Targeted">Whether a group is targeted by interdiction (the named groups and their splinters).</param>
/// <param name="Seized">Share of every group's revenue seized or frozen (seizures, anti-money-laundering).</param>
public sealed record DrugMarket(double[] Drugs, double[] Trafficking, double[] NewlyLegal, double[] PoolPressure, double InterdictionCut, Func<int, bool> Targeted, double Seized);
