namespace Paz.Simulation.Agents;

/// <summary>
/// The places where the groups' money is made, one flag per municipality (index order): what the sources name,
/// without weights (the weights are <see cref="Mechanisms.MarketValue"/>'s declared assumptions).
/// </summary>
/// <param name="BorderCrossing">A road port of entry to the United States.</param>
/// <param name="Port">One of the largest container ports.</param>
/// <param name="Refinery">A PEMEX refinery.</param>
/// <param name="PoppyState">In a state where opium poppy is grown (UNODC-Mexico, 2018).</param>
/// <param name="AreaKm2">The municipality's area.</param>
public sealed record PlazaSites(bool[] BorderCrossing, bool[] Port, bool[] Refinery, bool[] PoppyState, double[] AreaKm2);
