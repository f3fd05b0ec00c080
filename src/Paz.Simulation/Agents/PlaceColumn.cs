namespace Paz.Simulation.Agents;

/// <summary>
/// One attribute of the active cells (their group, free members or cell number), laid out municipality
/// by municipality: <c>column[m]</c> is the span for municipality m, in the order of the active cells.
/// Written by each census (carrying over the municipalities whose active cells did not change); contiguous arrays, so a
/// place's groups are read without chasing a list object per municipality.
/// </summary>
public sealed class PlaceColumn
{
    internal PlaceColumn(int[] start) => Start = start;

    // Where each municipality's entries begin (shared by the columns of one census); entry M is the end.
    internal int[] Start { get; set; }

    internal int[] Values { get; set; } = [];

    /// <summary>The entries of municipality <paramref name="place"/>.</summary>
    public ReadOnlySpan<int> this[int place] => Values.AsSpan(Start[place], Start[place + 1] - Start[place]);
}
