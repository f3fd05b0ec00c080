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
        if (!_countedSinceCensus)
        {
            // Nothing has been counted since the census: its columns hold each place's free members side by side, summed
            // as integers (exact, as the sum in doubles is, without a chain of floating-point additions).
            var (free, start) = (FreeIn.Values, _placeStart);
            for (var p = 0; p < MunicipalityCount; p++)
            {
                var sum = 0;
                for (var k = start[p]; k < start[p + 1]; k++)
                {
                    sum += free[k];
                }

                totals[p] = sum;
            }

            return;
        }

        Array.Clear(totals);
        foreach (var c in ActiveSpan)
        {
            totals[CellPlace[c]] += Free[c];
        }
    }

    // Whether the member pass or an added member has changed the counts since the last census (FreeByPlace then reads the
    // cells, not the census's columns).
    private bool _countedSinceCensus = true;

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

    private int[] _placeStart;

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

            // The cells whose activity changed since the last census (a few hundred a week of tens of thousands) mark
            // their place and group: only those places' and groups' lists are read afresh below, the others copied.
            if (_censusBits.Length < words)
            {
                Array.Resize(ref _censusBits, activeBits.Length);
            }

            var (cellGroup, cellPlace, censusBits) = (CellGroup, CellPlace, _censusBits);
            for (var w = 0; w < words; w++)
            {
                for (var changed = activeBits[w] ^ censusBits[w]; changed != 0; changed &= changed - 1)
                {
                    var c = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(changed);
                    _placeChanged[cellPlace[c]] = true;
                    _groupChanged[cellGroup[c]] = true;
                }

                censusBits[w] = activeBits[w];
            }

            // Each place's active cells side by side, in cell order, and each group's, into the spare columns (then
            // swapped in): room for every active cell and one more, since a list read afresh writes a cell's entry before it
            // knows whether the cell is active, and keeps it only if it is.
            Room(ref _spareGroupsIn, n);
            Room(ref _spareCellsIn, n);
            Room(ref _spareGroupCells, n);
            if (FreeIn.Values.Length <= n)
            {
                FreeIn.Values = new int[(n * 2) + 1];
            }

            var placed = Regroup(_numberedIn, _placeChanged, _placeStart, _sparePlaceStart, CellsIn.Values, _spareCellsIn, GroupsIn.Values, _spareGroupsIn);
            (_placeStart, _sparePlaceStart) = (_sparePlaceStart, _placeStart);
            (GroupsIn.Values, _spareGroupsIn) = (_spareGroupsIn, GroupsIn.Values);
            (CellsIn.Values, _spareCellsIn) = (_spareCellsIn, CellsIn.Values);
            GroupsIn.Start = FreeIn.Start = CellsIn.Start = _placeStart;
            Regroup(_numberedOf, _groupChanged, _groupCellStart, _spareGroupStart, _groupCells, _spareGroupCells, null, null);
            (_groupCellStart, _spareGroupStart) = (_spareGroupStart, _groupCellStart);
            (_groupCells, _spareGroupCells) = (_spareGroupCells, _groupCells);

            // The free members of each place's groups, as the census counted them.
            var (free, cells, freeOf) = (FreeIn.Values, CellsIn.Values, Free);
            for (var k = 0; k < placed; k++)
            {
                free[k] = freeOf[cells[k]];
            }

            _countedSinceCensus = false;
        }
    }

    // Rebuilds lists of active cells by key (place or group: numbered[key] its numbered cells in cell order) from the last
    // census's (`fromStart`, `fromCells`, and the cells' groups when given) into `toStart` and `toCells` (and `toGroups`):
    // a key none of whose cells changed activity keeps its list, copied with its unchanged neighbours in one stretch; a
    // key marked changed has its list read afresh off its numbered cells (and its mark cleared). Returns the cells listed.
    private int Regroup(List<int>[] numbered, bool[] changed, int[] fromStart, int[] toStart, int[] fromCells, int[] toCells, int[]? fromGroups, int[]? toGroups)
    {
        unchecked
        {
            var (activeBits, cellGroup) = (_activeBits, CellGroup);
            var keys = numbered.Length;
            int k = 0, stretch = 0;
            for (var key = 0; key < keys; key++)
            {
                toStart[key] = k;
                if (!changed[key])
                {
                    var length = fromStart[key + 1] - fromStart[key];
                    stretch += length;
                    k += length;
                    continue;
                }

                Copy(fromStart[key] - stretch, k - stretch, stretch);
                stretch = 0;
                changed[key] = false;
                foreach (var c in CollectionsMarshal.AsSpan(numbered[key]))
                {
                    toCells[k] = c;
                    if (toGroups is not null)
                    {
                        toGroups[k] = cellGroup[c];
                    }

                    k += (int)(activeBits[c >> 6] >> c) & 1; // the shift count is taken modulo 64
                }
            }

            Copy(fromStart[keys] - stretch, k - stretch, stretch);
            toStart[keys] = k;
            return k;

            void Copy(int from, int to, int length)
            {
                if (length > 0)
                {
                    Array.Copy(fromCells, from, toCells, to, length);
                    if (toGroups is not null)
                    {
                        Array.Copy(fromGroups!, from, toGroups, to, length);
                    }
                }
            }
        }
    }

    // Makes room in a census column for n cells and one more.
    private static void Room(ref int[] column, int n)
    {
        if (column.Length <= n)
        {
            column = new int[(n * 2) + 1];
        }
    }

    // The active bits as of the last census, the places and groups whose lists changed since, and the columns the next
    // census writes into (swapped with the current ones).
    private ulong[] _censusBits = [];
    private readonly bool[] _placeChanged;
    private readonly bool[] _groupChanged;
    private int[] _spareGroupsIn = [], _spareCellsIn = [], _spareGroupCells = [], _sparePlaceStart, _spareGroupStart;

    // Every numbered cell of each municipality and of each group, in cell order (appended as cells are numbered), for the
    // census's lists by place and by group.
    private readonly List<int>[] _numberedIn;
    private readonly List<int>[] _numberedOf;

    /// <summary>The active cells of <paramref name="group"/>, as of the census.</summary>
    public ReadOnlySpan<int> CellsOfGroup(int group) =>
        _groupCells.AsSpan(_groupCellStart[group], _groupCellStart[group + 1] - _groupCellStart[group]);

    private int[] _groupCellStart;
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
