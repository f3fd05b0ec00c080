using System.Runtime.InteropServices;

namespace Paz.Simulation.Agents;

// Cells and the census: dense cell numbers, the per-cell and per-group counts, and the census's lists of
// active cells by place and by group.
public sealed partial class World
{
    // One bit per cell, set while the cell is active: the census reads the sorted list of active cells off it, however
    // splits, moves and recruits have ordered the list during the week.
    private ulong[] _activeBits;

    /// <summary>Cells numbered so far.</summary>
    public int Cells { get; private set; }

    /// <summary>Each cell's group.</summary>
    public short[] CellGroup { get; private set; }

    /// <summary>Each cell's municipality.</summary>
    public short[] CellPlace { get; private set; }

    // The cell of each (group, municipality), group-major, or -1: read only when a cell is looked up by
    // its group and place, never in the weekly passes.
    private readonly int[] _cellOf;

    /// <summary>
    /// The cell of <paramref name="group"/> in <paramref name="place"/>, numbered when first used. Cells are
    /// numbered densely in the order groups arrive in places, so the per-cell counters the systems sweep
    /// every week sit in a few hundred kilobytes instead of one slot per group and municipality (megabytes,
    /// a cache miss per cell).
    /// </summary>
    public int CellOf(int group, int place)
    {
        var key = (group * MunicipalityCount) + place;
        var c = _cellOf[key];
        if (c < 0)
        {
            EnsureCellRoom(1);
            c = _cellOf[key] = Cells++;
            CellGroup[c] = (short)group;
            CellPlace[c] = (short)place;
            _numberedIn[place].Add(c);
            _numberedOf[group].Add(c);
        }

        return c;
    }

    /// <summary>Free members below leader rank of <paramref name="group"/> in <paramref name="place"/> (0 where it has never been).</summary>
    public int FreeOf(int group, int place)
    {
        var c = _cellOf[(group * MunicipalityCount) + place];
        return c < 0 ? 0 : Free[c];
    }

    /// <summary>Writes into <paramref name="totals"/> (one slot per municipality) every group's free members in each municipality, as the cells hold them now.</summary>
    public void FreeByPlace(double[] totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        Array.Clear(totals);
        foreach (var c in ActiveSpan)
        {
            totals[CellPlace[c]] += Free[c];
        }
    }

    /// <summary>Cells with free members, as counted at the start of the week.</summary>
    public List<int> ActiveCells { get; } = [];

    /// <summary>
    /// <see cref="ActiveCells"/> as a span, for sweeps that add no member (a member added to a cell not yet active
    /// lengthens the list, and may move it).
    /// </summary>
    public ReadOnlySpan<int> ActiveSpan => CollectionsMarshal.AsSpan(ActiveCells);

    /// <summary>
    /// For each state, the active cell with the largest <paramref name="counts"/> (per cell, e.g. <see cref="Free"/> or
    /// <see cref="Middle"/>): <paramref name="bestCell"/>[k] and <paramref name="bestCount"/>[k], the count 0 where no
    /// cell of state k counts any (the first cell found wins a tie).
    /// </summary>
    public void LargestCellByState(int[] counts, int[] stateOf, int[] bestCell, int[] bestCount)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(stateOf);
        ArgumentNullException.ThrowIfNull(bestCell);
        ArgumentNullException.ThrowIfNull(bestCount);
        Array.Clear(bestCount);
        foreach (var c in ActiveSpan)
        {
            var k = stateOf[CellPlace[c]];
            if (counts[c] > bestCount[k])
            {
                (bestCell[k], bestCount[k]) = (c, counts[c]);
            }
        }
    }

    /// <summary>Groups with free members in each municipality.</summary>
    public PlaceColumn GroupsIn { get; }

    /// <summary>
    /// Free members of each group in <see cref="GroupsIn"/>, in the same order, as of the census: a
    /// place's counts side by side, so the conflict pass reads them without a cache miss per group.
    /// </summary>
    public PlaceColumn FreeIn { get; }

    /// <summary>The cells of the groups in <see cref="GroupsIn"/>, in the same order, as of the census.</summary>
    public PlaceColumn CellsIn { get; }

    private readonly int[] _placeStart;

    /// <summary>Counts free members per cell, tier and group from scratch, and lists the groups in each municipality.</summary>
    public void Census()
    {
        ClearCounts();
        for (var i = 0; i < Count; i++)
        {
            if (Status[i] == MemberStatus.Free)
            {
                CountMember(i);
            }
        }

        FinishCensus();
    }

    /// <summary>
    /// Completes the counts kept up to date by <see cref="ApplyEvents"/> and <see cref="Add"/>: sorts
    /// the active cells (so systems visit them in a fixed order, whatever the history) and lists the
    /// groups present in each municipality.
    /// </summary>
    public void FinishCensus()
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            // The active list in cell order, read off the active bits (however the week added to it).
            var activeBits = _activeBits;
            var words = Math.Min(activeBits.Length, (Cells + 63) / 64);
            var n = 0;
            for (var w = 0; w < words; w++)
            {
                n += System.Numerics.BitOperations.PopCount(activeBits[w]);
            }

            CollectionsMarshal.SetCount(ActiveCells, n);
            var active = CollectionsMarshal.AsSpan(ActiveCells);
            n = 0;
            for (var w = 0; w < words; w++)
            {
                for (var bits = activeBits[w]; bits != 0; bits &= bits - 1)
                {
                    active[n++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                }
            }

            // Room for every active cell and one more: the sweeps below write a cell's entry before they know whether it is
            // active, and keep it only if it is.
            if (_groupCells.Length <= n)
            {
                _groupCells = new int[(n * 2) + 1];
                GroupsIn.Values = new int[(n * 2) + 1];
                FreeIn.Values = new int[(n * 2) + 1];
                CellsIn.Values = new int[(n * 2) + 1];
            }

            // Each place's active cells side by side, in cell order: every place's numbered cells are listed in the order
            // they were numbered (cell order), so its active ones are read off that list, and the columns are written in
            // order instead of a counting sort's scattered writes.
            int[] groups = GroupsIn.Values, free = FreeIn.Values, cells = CellsIn.Values, placeStart = _placeStart;
            var (cellGroup, freeOf) = (CellGroup, Free);
            var k = 0;
            for (var p = 0; p < MunicipalityCount; p++)
            {
                placeStart[p] = k;
                foreach (var c in CollectionsMarshal.AsSpan(_numberedIn[p]))
                {
                    groups[k] = cellGroup[c];
                    free[k] = freeOf[c];
                    cells[k] = c;
                    k += (int)(activeBits[c >> 6] >> c) & 1; // the shift count is taken modulo 64
                }
            }

            placeStart[MunicipalityCount] = k;

            // Each group's active cells side by side, in cell order, the same way.
            var (groupCells, groupStart) = (_groupCells, _groupCellStart);
            k = 0;
            for (var g = 0; g < MaxGroups; g++)
            {
                groupStart[g] = k;
                foreach (var c in CollectionsMarshal.AsSpan(_numberedOf[g]))
                {
                    groupCells[k] = c;
                    k += (int)(activeBits[c >> 6] >> c) & 1;
                }
            }

            groupStart[MaxGroups] = k;
        }
    }

    // Every numbered cell of each municipality and of each group, in cell order (appended as cells are numbered), for the
    // census's lists by place and by group.
    private readonly List<int>[] _numberedIn;
    private readonly List<int>[] _numberedOf;

    // Turns counts into running totals over the first length entries: the starts of a counting sort.
    private static void PrefixSums(int[] counts, int length)
    {
        for (var k = 1; k < length; k++)
        {
            counts[k] += counts[k - 1];
        }
    }

    /// <summary>The active cells of <paramref name="group"/>, as of the census.</summary>
    public ReadOnlySpan<int> CellsOfGroup(int group) =>
        _groupCells.AsSpan(_groupCellStart[group], _groupCellStart[group + 1] - _groupCellStart[group]);

    private readonly int[] _groupCellStart;
    private int[] _groupCells = [];

    private void ClearCounts()
    {
        foreach (var c in ActiveSpan)
        {
            Deactivate(c);
        }

        ClearGroupCounts();
    }

    // Empties the active list and the per-group counts (the member pass clears its cells' counts as it reads them).
    private void ClearGroupCounts()
    {
        ActiveCells.Clear();
        Array.Clear(GroupMembers, 0, Groups);
        Array.Clear(GroupMiddle, 0, Groups);
        Array.Clear(GroupLeaders, 0, Groups);
        Array.Clear(GroupFoot, 0, Groups);
        Prisoners = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountMember(int i)
    {
        int g = Group[i];
        if (TierOf[i] == Tier.Leader)
        {
            GroupMembers[g]++;
            GroupLeaders[g]++;
            return;
        }

        CountFree(g, Cell[i], TierOf[i]);
    }

    // Counts a free member below the leaders in cell c of group g: the member pass calls it directly with
    // what it already holds.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountFree(int g, int c, Tier rank)
    {
        GroupMembers[g]++;
        if (rank == Tier.MiddleLayer)
        {
            GroupMiddle[g]++;
            Middle[c]++;
        }
        else if (rank == Tier.FootSoldier)
        {
            GroupFoot[g]++;
        }

        if (Free[c]++ == 0)
        {
            Activate(c);
        }
    }

    // Clears an active cell's counts and its bit, before it is counted afresh (the list is emptied apart).
    private void Deactivate(int c)
    {
        Free[c] = 0;
        Middle[c] = 0;
        _activeBits[c >> 6] = 0; // only active cells have bits set: the word's other cells are cleared with theirs
    }

    // Lists a cell that has just gained its first free member below the leaders as active.
    private void Activate(int c)
    {
        ActiveCells.Add(c);
        _activeBits[c >> 6] |= 1UL << c; // the shift count is taken modulo 64
    }
}
