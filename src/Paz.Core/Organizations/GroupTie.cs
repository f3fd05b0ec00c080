namespace Paz.Core.Organizations;

/// <summary>A tie between two groups as listed in a source (possibly one direction only).</summary>
/// <param name="From">Index of one group in the network's group list.</param>
/// <param name="To">Index of the other group.</param>
/// <param name="Weight">Number of state-level records reporting the tie (at least 0).</param>
public readonly record struct GroupTie(int From, int To, double Weight);
