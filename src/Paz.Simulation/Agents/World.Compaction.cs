using System.Numerics;
using System.Runtime.InteropServices;

namespace Paz.Simulation.Agents;

// Quarterly compaction: drops the dead, the desisted and the slots of members who moved, re-sorts members
// by cell, and rebuilds the runs the member pass counts without visiting.
public sealed partial class World
{
    /// <summary>
    /// Drops dead and desisted members and the slots of members who moved, and orders the rest by cell,
    /// ties by their previous order, so runs stay reproducible. Each cell's members are then one run the
    /// weekly member pass can count without visiting (see <see cref="ApplyEvents"/>).
    /// </summary>
    public void Compact()
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            // The members in runs are already in cell order, one run per cell: only the members added since the last
            // compaction (the tail) are sorted, by a counting sort (stable), and merged in after their cell's run. The
            // order is the stable sort of every member by cell.
            var tail = _runStart[_runCount];
            if (_compactOrder.Length < Count)
            {
                _compactOrder = new int[Group.Length];
                _tailOrder = new int[Group.Length];
            }

            var cells = Cells;
            if (_cellStart.Length < cells + 1)
            {
                _cellStart = new int[(cells * 2) + 1];
            }

            var start = _cellStart;
            for (var i = tail; i < Count; i++)
            {
                if (Live(i))
                {
                    start[Cell[i] + 1]++;
                }
            }

            PrefixSums(start, cells + 1);
            var sorted = _tailOrder;
            for (var i = tail; i < Count; i++)
            {
                if (Live(i))
                {
                    sorted[start[Cell[i]]++] = i;
                }
            }

            // start[c] is now the end of cell c's tail members, start[c - 1] their beginning.
            var (oldRuns, oldStart, oldCount) = (_runs, _runStart, _runCount);
            if (_spareRunStart.Length < Count + 1 || _spareRuns.Length < Count + 1 || _added.Length < Count + 1)
            {
                var size = Math.Max(1024, Group.Length + 1);
                (_spareRunStart, _spareRuns, _added) = (new int[size], new Run[size], new int[size]);
            }

            var (runStart, runs, added) = (_spareRunStart, _spareRuns, _added);
            var order = _compactOrder;
            int live = 0, count = 0, r = 0;
            for (var c = 0; c < cells; c++)
            {
                var first = live;
                var carried = false;
                if (r < oldCount && oldRuns[r].Cell == c)
                {
                    for (var i = oldStart[r]; i < oldStart[r + 1]; i++)
                    {
                        if (Live(i))
                        {
                            order[live++] = i;
                        }
                    }

                    // The run's cache counts its live members as the last member pass left them: it carries over.
                    runs[count].Tally = oldRuns[r].Tally;
                    carried = true;
                    r++;
                }

                var fromTail = live;
                for (var k = c == 0 ? 0 : start[c - 1]; k < start[c]; k++)
                {
                    order[live++] = sorted[k];
                }

                if (live > first)
                {
                    runStart[count] = first;
                    runs[count].Cell = c;
                    runs[count].Group = CellGroup[c];
                    added[count] = carried ? live - fromTail : -1; // -1: a new run, counted from scratch
                    count++;
                }
            }

            runStart[count] = live;
            Array.Clear(start, 0, cells + 1);
            (_spareRunStart, _runStart) = (_runStart, runStart);
            (_spareRuns, _runs) = (_runs, runs);
            _runCount = count;
            Permute(order, live);
            Count = live;
            for (var k = 0; k < _runCount; k++)
            {
                if (added[k] < 0)
                {
                    CacheRun(k);
                    continue;
                }

                // The members joining a carried run come last in it.
                for (var i = _runStart[k + 1] - added[k]; i < _runStart[k + 1]; i++)
                {
                    _runs[k].Tally.Add(this, i);
                }
            }
        }
    }

    // Turns counts into running totals over the first length entries: the starts of a counting sort.
    private static void PrefixSums(int[] counts, int length)
    {
        for (var k = 1; k < length; k++)
        {
            counts[k] += counts[k - 1];
        }
    }

    // Whether member i is still in the world: free or held, not dead, desisted or moved away.
    private bool Live(int i) => Status[i] is not (MemberStatus.Dead or MemberStatus.Desisted or MemberStatus.Moved);

    // Counts a run's cache after a compaction, from its members' status and tier bytes, a block at a time, then the rest
    // one by one.
    private void CacheRun(int r)
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            int from = _runStart[r], to = _runStart[r + 1];
            var status = MemoryMarshal.Cast<MemberStatus, byte>(Status.AsSpan());
            var tier = MemoryMarshal.Cast<Tier, byte>(TierOf.AsSpan());
            var tally = new RunTally();
            var i = from;
            for (; i < to && i + Block <= status.Length; i += Block)
            {
                var masks = BlockMasks.Of(status.Slice(i, Block), tier.Slice(i, Block), to - i);
                tally.Foot += BitOperations.PopCount(masks.Foot);
                tally.Middle += BitOperations.PopCount(masks.Middle);
                tally.Lookouts += BitOperations.PopCount(masks.Lookouts);
                tally.Leaders += BitOperations.PopCount(masks.Leaders);
                for (var bits = masks.Held; bits != 0; bits &= bits - 1)
                {
                    tally.Prisoners++;
                    tally.Due = Math.Min(tally.Due, ReleaseWeek[i + BitOperations.TrailingZeroCount(bits)]);
                }
            }

            for (; i < to; i++)
            {
                tally.Add(this, i);
            }

            _runs[r].Tally = tally;
        }
    }

    // Runs of members by cell, as of the last compaction (see ApplyEvents); _runStart[_runCount] is where
    // the members added since begin.
    private int _runCount;
    private int[] _runStart = [0];
    private Run[] _runs = [];

    // A run's cell, group and cached counts side by side: the weekly sweep reads one run's in one cache line, not eight.
    private struct Run
    {
        public int Cell;
        public int Group;
        public RunTally Tally;
    }

    // Compaction's working arrays, kept between quarters: each attribute is permuted into its spare and
    // the two swap, so a replicate allocates them once instead of every quarter.
    private int[] _cellStart = [];
    private int[] _compactOrder = [], _tailOrder = [];

    // The runs being built while the last ones are read (swapped after), and the members each carried run gains.
    private int[] _spareRunStart = [0], _added = [];
    private Run[] _spareRuns = [];
    private short[] _spareGroup = [], _sparePlace = [];
    private int[] _spareDue = [], _spareCell = [];
    private Tier[] _spareTier = [];
    private MemberStatus[] _spareStatus = [];
    private byte[] _spareAge = [];

    // Puts every attribute in the order given, one gather loop for all seven (each attribute into its spare, the two
    // then swapped); the slots after the live members keep whatever they held (they are written before they are read).
    private void Permute(int[] order, int count)
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            var group = Spare(Group, _spareGroup);
            var place = Spare(Place, _sparePlace);
            var tier = Spare(TierOf, _spareTier);
            var status = Spare(Status, _spareStatus);
            var due = Spare(ReleaseWeek, _spareDue);
            var age = Spare(Age, _spareAge);
            var cell = Spare(Cell, _spareCell);
            var (fromGroup, fromPlace, fromTier, fromStatus, fromDue, fromAge, fromCell) = (Group, Place, TierOf, Status, ReleaseWeek, Age, Cell);
            for (var k = 0; k < count; k++)
            {
                var i = order[k];
                group[k] = fromGroup[i];
                place[k] = fromPlace[i];
                tier[k] = fromTier[i];
                status[k] = fromStatus[i];
                due[k] = fromDue[i];
                age[k] = fromAge[i];
                cell[k] = fromCell[i];
            }

            (_spareGroup, Group) = (Group, group);
            (_sparePlace, Place) = (Place, place);
            (_spareTier, TierOf) = (TierOf, tier);
            (_spareStatus, Status) = (Status, status);
            (_spareDue, ReleaseWeek) = (ReleaseWeek, due);
            (_spareAge, Age) = (Age, age);
            (_spareCell, Cell) = (Cell, cell);
        }
    }

    // The spare of an attribute's array, or a new one when the array has grown since.
    private static T[] Spare<T>(T[] array, T[] spare) => spare.Length == array.Length ? spare : GC.AllocateUninitializedArray<T>(array.Length);

}
