using Paz.Core.Randomness;

namespace Paz.Simulation.Agents;

/// <summary>
/// The engine's mutable state in struct-of-arrays form: one array per member attribute, and per
/// "cell" (a group in a municipality, numbered densely by <see cref="CellOf"/>) the counts and the events
/// decided for the week. Systems decide events at the cell level; <see cref="ApplyEvents"/> then applies
/// them in one pass, every member of a cell equally likely to be the one an event befalls.
/// </summary>
public sealed class World
{
    private const int NoTarget = -1;

    /// <summary>Creates an empty world for <paramref name="municipalities"/> places and up to <paramref name="maxGroups"/> groups.</summary>
    public World(int municipalities, int maxGroups, int capacity)
    {
        M = municipalities;
        MaxGroups = maxGroups;
        Group = new short[capacity];
        Place = new short[capacity];
        Rank = new Tier[capacity];
        State = new Status[capacity];
        Due = new int[capacity];
        Age = new byte[capacity];
        Cell = new int[capacity];
        var cells = M * maxGroups;
        _cellOf = new int[cells];
        Array.Fill(_cellOf, -1);
        CellGroup = new short[cells];
        CellPlace = new short[cells];
        Free = new int[cells];
        Middle = new int[cells];
        Deaths = new int[cells];
        Arrests = new int[cells];
        Desist = new int[cells];
        Moves = new int[cells];
        MoveTarget = new int[cells];
        Array.Fill(MoveTarget, NoTarget);
        SplitTo = new int[cells];
        Array.Fill(SplitTo, NoTarget);
        PlazaCrisis = new int[municipalities];
        Rivalry = new double[maxGroups * maxGroups];
        RecentViolence = new double[maxGroups];
        Killings = new double[maxGroups];
        Restraint = Enumerable.Repeat(1.0, maxGroups).ToArray();
        Swept = new bool[maxGroups];
        Exempt = new bool[maxGroups];
        Rivals = [.. Enumerable.Range(0, maxGroups).Select(_ => new List<int>())];
        PlaceIndex = Enumerable.Repeat(-1, maxGroups).ToArray();
        GroupMembers = new int[maxGroups];
        GroupMiddle = new int[maxGroups];
        GroupLeaders = new int[maxGroups];
        GroupFoot = new int[maxGroups];
        CrisisLeft = new int[maxGroups];
        Parent = new int[maxGroups];
        Array.Fill(Parent, -1);
        LeaderRemovals = new int[maxGroups];
        Founded = new bool[maxGroups];
        LeaderInstalls = new int[maxGroups];
        MiddleRemovalShare = new double[maxGroups];
        Promotions = new double[maxGroups];
        _placeStart = new int[municipalities + 1];
        _placeFill = new int[municipalities + 1];
        GroupsIn = new PlaceColumn(_placeStart);
        FreeIn = new PlaceColumn(_placeStart);
        CellsIn = new PlaceColumn(_placeStart);
        _seen = new int[cells];
        _nextEvent = new int[cells];
        _events = new OrdinalPicks(cells);
        _groupCellStart = new int[maxGroups + 1];
        _groupCellFill = new int[maxGroups + 1];
        _leadersLeft = new int[maxGroups];
        _middleLeft = new int[maxGroups];
        _footSeen = new int[maxGroups];
        _nextPromotion = new int[maxGroups];
        _promotions = new OrdinalPicks(maxGroups);
        _busy = new bool[cells];
        _activeBits = new ulong[(cells + 63) / 64];
    }

    private readonly int[] _seen;
    private readonly int[] _nextEvent;
    private readonly OrdinalPicks _events;
    private readonly int[] _footSeen;
    private readonly int[] _leadersLeft;
    private readonly int[] _middleLeft;
    private readonly int[] _nextPromotion;
    private readonly OrdinalPicks _promotions;

    // This week's active cells as the member pass found them (ActiveCells is rebuilt during the pass).
    private int[] _cells = [];
    private readonly bool[] _busy;

    // One bit per cell, set while the cell is active: the sorted list of active cells is read off it in
    // one sweep when splits, moves and recruits have left the list out of order.
    private readonly ulong[] _activeBits;

    /// <summary>Number of municipalities.</summary>
    public int M { get; }

    /// <summary>Most groups the world can hold (the network's plus room for splits).</summary>
    public int MaxGroups { get; }

    /// <summary>Groups in use, splits included.</summary>
    public int Groups { get; set; }

    /// <summary>Member slots in use (some dead or desisted until compaction).</summary>
    public int Count { get; private set; }

    /// <summary>Each member's group.</summary>
    public short[] Group { get; private set; }

    /// <summary>Each member's municipality.</summary>
    public short[] Place { get; private set; }

    /// <summary>Each member's tier.</summary>
    public Tier[] Rank { get; private set; }

    /// <summary>Each member's status.</summary>
    public Status[] State { get; private set; }

    /// <summary>The member pass (see <see cref="Week"/>) at which a detention or sentence ends.</summary>
    public int[] Due { get; private set; }

    /// <summary>Each member's age in years.</summary>
    public byte[] Age { get; private set; }

    /// <summary>Each member's cell (see <see cref="CellOf"/>).</summary>
    public int[] Cell { get; private set; }

    /// <summary>Cells numbered so far.</summary>
    public int Cells { get; private set; }

    /// <summary>Each cell's group.</summary>
    public short[] CellGroup { get; }

    /// <summary>Each cell's municipality.</summary>
    public short[] CellPlace { get; }

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
        var key = (group * M) + place;
        var c = _cellOf[key];
        if (c < 0)
        {
            c = _cellOf[key] = Cells++;
            CellGroup[c] = (short)group;
            CellPlace[c] = (short)place;
        }

        return c;
    }

    /// <summary>Free members below leader rank of <paramref name="group"/> in <paramref name="place"/> (0 where it has never been).</summary>
    public int FreeOf(int group, int place)
    {
        var c = _cellOf[(group * M) + place];
        return c < 0 ? 0 : Free[c];
    }

    /// <summary>Free members below leader rank per cell.</summary>
    public int[] Free { get; }

    /// <summary>Free middle-layer members per cell.</summary>
    public int[] Middle { get; }

    /// <summary>Deaths decided for the week per cell.</summary>
    public int[] Deaths { get; }

    /// <summary>Arrests decided for the week per cell.</summary>
    public int[] Arrests { get; }

    /// <summary>Desistances decided for the week per cell.</summary>
    public int[] Desist { get; }

    /// <summary>Members to move per cell.</summary>
    public int[] Moves { get; }

    /// <summary>Where the moving members of a cell go.</summary>
    public int[] MoveTarget { get; }

    /// <summary>The group a cell's members join when their group splits.</summary>
    public int[] SplitTo { get; }

    /// <summary>Symmetric rivalry weights between groups, MaxGroups × MaxGroups.</summary>
    public double[] Rivalry { get; }

    /// <summary>Free members per group (all tiers).</summary>
    public int[] GroupMembers { get; }

    /// <summary>Free middle-layer members per group.</summary>
    public int[] GroupMiddle { get; }

    /// <summary>Free leaders per group.</summary>
    public int[] GroupLeaders { get; }

    /// <summary>Free foot soldiers per group.</summary>
    public int[] GroupFoot { get; }

    /// <summary>Weeks left of a group's succession crisis (0: none).</summary>
    public int[] CrisisLeft { get; }

    /// <summary>The group a splinter broke away from, or −1.</summary>
    public int[] Parent { get; }

    /// <summary>Whether a splinter's founders have taken the lead (a new group starts led, not in crisis).</summary>
    public bool[] Founded { get; }

    /// <summary>Leaders to remove from a group this week.</summary>
    public int[] LeaderRemovals { get; }

    /// <summary>Middle-layer members to promote to leader this week.</summary>
    public int[] LeaderInstalls { get; }

    /// <summary>Share of a group's middle layer to arrest this week (a sweep).</summary>
    public double[] MiddleRemovalShare { get; }

    /// <summary>Foot soldiers to promote to the middle layer this week.</summary>
    public double[] Promotions { get; }

    /// <summary>Cells with free members, as counted at the start of the week.</summary>
    public List<int> ActiveCells { get; } = [];

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
    private readonly int[] _placeFill;

    /// <summary>Adds a member and returns its index.</summary>
    public int Add(int group, int place, Tier tier, byte age)
    {
        if (Count == Group.Length)
        {
            Grow();
        }

        var i = Count++;
        Group[i] = (short)group;
        Place[i] = (short)place;
        Rank[i] = tier;
        State[i] = Status.Free;
        Due[i] = 0;
        Age[i] = age;
        Cell[i] = CellOf(group, place);
        CountMember(i);
        return i;
    }

    /// <summary>Counts free members per cell, tier and group from scratch, and lists the groups in each municipality.</summary>
    public void Census()
    {
        ClearCounts();
        for (var i = 0; i < Count; i++)
        {
            if (State[i] == Status.Free)
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
        if (!IsSorted(ActiveCells))
        {
            ActiveCells.Clear();
            var words = Math.Min(_activeBits.Length, (Cells + 63) / 64);
            for (var w = 0; w < words; w++)
            {
                for (var bits = _activeBits[w]; bits != 0; bits &= bits - 1)
                {
                    ActiveCells.Add((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits));
                }
            }
        }

        // Each place's and each group's active cells side by side: counting sorts, stable in the order of
        // the active list.
        var active = ActiveCells.Count;
        if (_groupCells.Length < active)
        {
            _groupCells = new int[active * 2];
            GroupsIn.Values = new int[active * 2];
            FreeIn.Values = new int[active * 2];
            CellsIn.Values = new int[active * 2];
        }

        var byGroup = _groupCellStart;
        var byPlace = _placeStart;
        Array.Clear(byGroup);
        Array.Clear(byPlace);
        foreach (var c in ActiveCells)
        {
            byGroup[CellGroup[c] + 1]++;
            byPlace[CellPlace[c] + 1]++;
        }

        Accumulate(byGroup, _groupCellFill);
        Accumulate(byPlace, _placeFill);
        int[] groups = GroupsIn.Values, free = FreeIn.Values, cells = CellsIn.Values;
        foreach (var c in ActiveCells)
        {
            _groupCells[_groupCellFill[CellGroup[c]]++] = c;
            var k = _placeFill[CellPlace[c]]++;
            groups[k] = CellGroup[c];
            free[k] = Free[c];
            cells[k] = c;
        }
    }

    // Counts per key into starts (in place), and a copy to fill from.
    private static void Accumulate(int[] start, int[] fill)
    {
        for (var k = 1; k < start.Length; k++)
        {
            start[k] += start[k - 1];
        }

        Array.Copy(start, fill, start.Length);
    }

    /// <summary>The active cells of <paramref name="group"/>, as of the census.</summary>
    public ReadOnlySpan<int> CellsOfGroup(int group) =>
        _groupCells.AsSpan(_groupCellStart[group], _groupCellStart[group + 1] - _groupCellStart[group]);

    private readonly int[] _groupCellStart;
    private readonly int[] _groupCellFill;
    private int[] _groupCells = [];

    // Lookouts still to visit until the next one rises (see ApplyEvents); 0: draw the next distance.
    private int _lookoutSkip;

    private static bool IsSorted(List<int> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i - 1] > list[i])
            {
                return false;
            }
        }

        return true;
    }

    private void ClearCounts()
    {
        foreach (var c in ActiveCells)
        {
            Free[c] = 0;
            Middle[c] = 0;
            _activeBits[c >> 6] = 0; // only active cells have bits set
        }

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
        if (Rank[i] == Tier.Leader)
        {
            GroupMembers[g]++;
            GroupLeaders[g]++;
            return;
        }

        CountFree(g, Cell[i], Rank[i]);
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
            ActiveCells.Add(c);
            _activeBits[c >> 6] |= 1UL << c; // the shift count is taken modulo 64
        }
    }

    /// <summary>
    /// Applies the week's decided events to individual members, and advances detention and sentences;
    /// the same pass counts the survivors for next week's census. Returns what happened, for the week's flows.
    /// </summary>
    public WeekEvents ApplyEvents(Xoshiro256StarStar random, EngineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(parameters);
        Week++;
        var events = new WeekEvents();
        var seen = _seen;
        var nextEvent = _nextEvent;
        _events.Clear();
        var busy = _busy;
        if (_cells.Length < ActiveCells.Count)
        {
            _cells = new int[ActiveCells.Count * 2];
        }

        var cells = _cells.AsSpan(0, ActiveCells.Count);
        ActiveCells.CopyTo(cells);
        var relocating = 0;
        foreach (var c in cells)
        {
            // Most cells have nothing decided this week: their members are only counted, and the pass
            // reads one flag for them instead of six counters.
            busy[c] = Deaths[c] + Arrests[c] + Desist[c] + Moves[c] > 0 || SplitTo[c] >= 0;
            if (busy[c])
            {
                // Who the events befall is decided now: as many of the cell's members, by their rank in the
                // order the pass meets them, each as likely as any other (what sequential sampling gives,
                // with a draw per event instead of one per member).
                seen[c] = 0;
                var decided = Math.Min(Free[c], Deaths[c] + Arrests[c] + Desist[c] + Moves[c]);
                nextEvent[c] = decided > 0 ? _events.Choose(c, decided, Free[c], random) : int.MaxValue;
                relocating += SplitTo[c] >= 0 ? Free[c] : Moves[c];
            }
        }

        // A member who moves or follows a splinter goes on in a new slot at the end: room for all of them
        // now, so the arrays the pass holds are not replaced under it.
        while (Group.Length < Count + relocating)
        {
            Grow();
        }

        Array.Copy(GroupLeaders, _leadersLeft, Groups);
        Array.Copy(GroupMiddle, _middleLeft, Groups);

        // Promotions are decided per group before the pass: how many (the whole part of the expected
        // number, plus one with the probability of its fraction) and which foot soldiers, as ranks in the
        // order the pass meets them. A foot soldier then costs one comparison, not a draw.
        var footSeen = _footSeen;
        var nextPromotion = _nextPromotion;
        _promotions.Clear();
        for (var g = 0; g < Groups; g++)
        {
            footSeen[g] = 0;
            var expected = Promotions[g];
            var whole = Math.Floor(expected);
            var promoted = (int)Math.Min(GroupFoot[g], whole + (expected > whole && random.NextDouble() < expected - whole ? 1 : 0));
            nextPromotion[g] = promoted > 0 ? _promotions.Choose(g, promoted, GroupFoot[g], random) : int.MaxValue;
        }

        ClearCounts();

        // The hot loop handles the common member, a free foot soldier or lookout in a cell with nothing
        // decided, inline; prisoners, the upper tiers and busy cells go to methods of their own, so the
        // loop stays small enough for its locals to live in registers.
        var group = Group;
        var cell = Cell;
        var rank = Rank;
        var state = State;
        var prisoners = 0;
        var lookoutSkip = _lookoutSkip;

        // Members come in runs, one per cell as of the last compaction. A clean run (all its members free,
        // below the leaders and still in the cell) with nothing to befall it this week is counted from its
        // cached tier counts without visiting its members; any other run, and the members added since the
        // compaction, are visited one by one, and a visited run's cache is refreshed.
        var runs = _runCount;
        var end = Count; // members relocated during the pass are counted where they land, not visited again
        for (var r = 0; r <= runs; r++)
        {
            int from, to;
            if (r < runs)
            {
                from = _runStart[r];
                to = _runStart[r + 1];
                if (_runClean[r] && Quiet(r, busy, footSeen, nextPromotion, ref lookoutSkip, random))
                {
                    prisoners += _runPrisoners[r];
                    continue;
                }
            }
            else
            {
                from = _runStart[runs];
                to = end;
            }

            for (var i = from; i < to; i++)
            {
                var status = state[i];
                if (status != Status.Free)
                {
                    if (status is Status.PretrialDetained or Status.Sentenced)
                    {
                        prisoners += Serve(i, random, parameters, events);
                    }

                    continue;
                }

                int g = group[i];
                var tier = rank[i];
                if (tier == Tier.FootSoldier)
                {
                    if (footSeen[g]++ == nextPromotion[g])
                    {
                        rank[i] = tier = Tier.MiddleLayer;
                        nextPromotion[g] = _promotions.Next(g);
                    }
                }
                else if (tier == Tier.Lookout)
                {
                    // Lookouts rise to the armed rank in about a year (1/64 a week each). A skip count drawn from
                    // the geometric distribution picks the next lookout to rise: the same Bernoulli process
                    // over the lookouts visited, with one draw per rise instead of one per lookout.
                    if (lookoutSkip == 0)
                    {
                        lookoutSkip = Geometric(random, 64); // the position of the next lookout to rise
                    }

                    if (--lookoutSkip == 0)
                    {
                        rank[i] = tier = Tier.FootSoldier;
                    }
                }
                else
                {
                    var senior = Senior(i, g, tier, random, parameters, events);
                    if (senior != Proceed)
                    {
                        prisoners += senior;
                        continue;
                    }
                }

                var c = cell[i];
                if (!busy[c])
                {
                    CountFree(g, c, tier);
                }
                else if (seen[c]++ == nextEvent[c])
                {
                    nextEvent[c] = _events.Next(c);
                    prisoners += Befall(i, c, random, parameters, events);
                }
                else if (SplitTo[c] >= 0)
                {
                    Follow(i, c, Group[i], Place[i], random);
                }
                else
                {
                    CountFree(g, c, tier);
                }
            }

            if (r < runs)
            {
                Refresh(r, from, to);
            }
        }

        Prisoners = prisoners;
        _lookoutSkip = lookoutSkip;
        foreach (var c in cells)
        {
            if (busy[c])
            {
                Deaths[c] = Arrests[c] = Desist[c] = Moves[c] = 0;
                MoveTarget[c] = NoTarget;
                SplitTo[c] = NoTarget;
                busy[c] = false;
            }
        }

        Array.Clear(LeaderRemovals, 0, Groups);
        Array.Clear(LeaderInstalls, 0, Groups);
        Array.Clear(MiddleRemovalShare, 0, Groups);
        Array.Clear(Promotions, 0, Groups);
        return events;
    }

    // A clean run's week when nothing befalls it: no events in its cell, no promotion picked among its foot
    // soldiers, no lookout due to rise, no install or sweep among its middle layer. Counts it and returns
    // true; returns false (having changed nothing but a lookout skip drawn early, as the visit would) otherwise.
    private bool Quiet(int r, bool[] busy, int[] footSeen, int[] nextPromotion, ref int lookoutSkip, Xoshiro256StarStar random)
    {
        var c = _runCell[r];
        var g = _runGroup[r];
        int foot = _runFoot[r], middle = _runMiddle[r], lookouts = _runLookouts[r], leaders = _runLeaders[r];
        if (busy[c] || footSeen[g] + foot > nextPromotion[g] || (middle > 0 && (LeaderInstalls[g] > 0 || MiddleRemovalShare[g] > 0))
            || (leaders > 0 && LeaderRemovals[g] > 0) || (_runPrisoners[r] > 0 && _runDue[r] <= Week))
        {
            return false;
        }

        if (lookouts > 0)
        {
            if (lookoutSkip == 0)
            {
                lookoutSkip = Geometric(random, 64);
            }

            if (lookoutSkip <= lookouts)
            {
                return false;
            }

            lookoutSkip -= lookouts;
        }

        footSeen[g] += foot;
        _middleLeft[g] -= middle;
        _leadersLeft[g] -= leaders;
        GroupLeaders[g] += leaders;
        GroupMembers[g] += leaders;
        var n = foot + middle + lookouts;
        GroupMembers[g] += n;
        GroupMiddle[g] += middle;
        GroupFoot[g] += foot;
        Middle[c] += middle;
        if (Free[c] == 0 && n > 0) // a run of leaders and prisoners only does not make its cell active
        {
            ActiveCells.Add(c);
            _activeBits[c >> 6] |= 1UL << c;
        }

        Free[c] += n;
        return true;
    }

    // Re-reads a visited run. It is clean if its free members are all still in its cell (the dead, the
    // desisted and the slots of those who moved are skipped): it then caches their counts by tier, its
    // prisoners and the first week one of them is due out.
    private void Refresh(int r, int from, int to)
    {
        var c = _runCell[r];
        int foot = 0, middle = 0, lookouts = 0, leaders = 0, prisoners = 0, due = int.MaxValue;
        for (var i = from; i < to; i++)
        {
            switch (State[i])
            {
                case Status.Free:
                    break;
                case Status.PretrialDetained or Status.Sentenced:
                    prisoners++;
                    due = Math.Min(due, Due[i]);
                    continue;
                default:
                    continue;
            }

            if (Cell[i] != c)
            {
                _runClean[r] = false;
                return;
            }

            switch (Rank[i])
            {
                case Tier.Lookout:
                    lookouts++;
                    break;
                case Tier.FootSoldier:
                    foot++;
                    break;
                case Tier.MiddleLayer:
                    middle++;
                    break;
                default:
                    leaders++;
                    break;
            }
        }

        _runClean[r] = true;
        _runFoot[r] = foot;
        _runMiddle[r] = middle;
        _runLookouts[r] = lookouts;
        _runLeaders[r] = leaders;
        _runPrisoners[r] = prisoners;
        _runDue[r] = due;
    }

    // What the member pass's helpers return: the member goes on to its cell's events (Proceed), or is done
    // with and is free (0) or in prison (1) after the week.
    private const int Proceed = -1;

    // A detainee or prisoner serves a week: detention ends in conviction or release, a sentence in release.
    private int Serve(int i, Xoshiro256StarStar random, EngineParameters parameters, WeekEvents events)
    {
        if (Due[i] > Week)
        {
            return 1;
        }

        if (State[i] == Status.PretrialDetained && random.NextDouble() < (ConvictionIn is null ? parameters.Conviction : ConvictionIn[Place[i]]))
        {
            State[i] = Status.Sentenced;
            Due[i] = Week + Math.Min(MaxTerm, Geometric(random, parameters.SentenceWeeks));
            events.Convictions++;
            return 1;
        }

        Release(i, events);
        return 0;
    }

    // A leader may be removed (targeting) and a middle-layer member installed as leader or swept up, each
    // chosen by sequential sampling among the group's members of that tier.
    private int Senior(int i, int g, Tier tier, Xoshiro256StarStar random, EngineParameters parameters, WeekEvents events)
    {
        if (tier == Tier.Leader)
        {
            var removed = LeaderRemovals[g] > 0 && random.NextDouble() * _leadersLeft[g] < LeaderRemovals[g];
            _leadersLeft[g]--;
            if (!removed)
            {
                CountMember(i);
                return 0;
            }

            LeaderRemovals[g]--;
            RemovedLeaderCells.Add(Cell[i]);
            Detain(i, random, parameters, events);
            events.LeadersRemoved++;
            events.Arrests++;
            return 1;
        }

        var left = _middleLeft[g]--;
        if (LeaderInstalls[g] > 0 && random.NextDouble() * left < LeaderInstalls[g])
        {
            LeaderInstalls[g]--;
            Rank[i] = Tier.Leader;
            CountMember(i);
            return 0;
        }

        if (MiddleRemovalShare[g] > 0 && random.NextDouble() < MiddleRemovalShare[g])
        {
            Detain(i, random, parameters, events);
            events.Arrests++;
            events.MiddleRemoved++;
            return 1;
        }

        return Proceed;
    }

    // A member an event befalls: which one, in proportion to the events of each kind still to assign
    // (death, arrest, desistance, move).
    private int Befall(int i, int c, Xoshiro256StarStar random, EngineParameters parameters, WeekEvents events)
    {
        int d = Deaths[c], a = Arrests[c], s = Desist[c], k = Moves[c];
        var u = random.NextDouble() * (d + a + s + k);
        if (u < d)
        {
            Deaths[c]--;
            State[i] = Status.Dead;
            events.MemberDeaths++;
            return 0;
        }

        if (u < d + a)
        {
            Arrests[c]--;
            Detain(i, random, parameters, events);
            events.Arrests++;
            return 1;
        }

        if (u < d + a + s)
        {
            Desist[c]--;
            State[i] = Status.Desisted;
            events.Desisted++;
            return 0;
        }

        Moves[c]--;
        Follow(i, c, Group[i], MoveTarget[c], random);
        return 0;
    }

    // A free member of cell c goes on in group and place (a move), and in a splitting cell follows the
    // splinter with probability one half.
    private void Follow(int i, int c, int group, int place, Xoshiro256StarStar random)
    {
        if (SplitTo[c] >= 0 && (random.NextUInt64() & 1) == 0)
        {
            group = SplitTo[c]; // a faction: about half of each place's members follow the splinter
        }

        if (group == Group[i] && place == Place[i])
        {
            CountMember(i);
        }
        else
        {
            // The member goes on in a new slot (counted there), so its old cell's run stays one cell.
            State[i] = Status.Moved;
            Add(group, place, Rank[i], Age[i]);
        }
    }

    /// <summary>Member passes (<see cref="ApplyEvents"/>) so far: the clock of detentions and sentences.</summary>
    public int Week { get; private set; }

    // The longest detention or sentence, in weeks.
    private const int MaxTerm = short.MaxValue;

    /// <summary>Members in pretrial detention or serving a sentence, as of the last <see cref="ApplyEvents"/>.</summary>
    public int Prisoners { get; private set; }

    /// <summary>
    /// Drops dead and desisted members and orders the rest by cell (group, then place), ties by their
    /// previous order, so runs stay reproducible. The weekly member pass then walks each cell's counters
    /// in sequence instead of jumping across megabytes of them for every member.
    /// </summary>
    public void Compact()
    {
        // A counting sort by cell: stable, so ties keep their previous order, in two passes over the
        // members and one over the cells, instead of a comparison sort every quarter.
        if (_compactOrder.Length < Count)
        {
            _compactOrder = new int[Group.Length];
        }

        var cells = Cells;
        if (_cellStart.Length < cells + 1)
        {
            _cellStart = new int[(MaxGroups * M) + 1];
        }

        var start = _cellStart;
        var live = 0;
        for (var i = 0; i < Count; i++)
        {
            if (State[i] is not (Status.Dead or Status.Desisted or Status.Moved))
            {
                start[Cell[i] + 1]++;
                live++;
            }
        }

        for (var c = 1; c <= cells; c++)
        {
            start[c] += start[c - 1];
        }

        var order = _compactOrder;
        for (var i = 0; i < Count; i++)
        {
            if (State[i] is not (Status.Dead or Status.Desisted or Status.Moved))
            {
                order[start[Cell[i]]++] = i;
            }
        }

        // start[c] is now the end of cell c's members: each cell with members is a run.
        if (_runStart.Length < live + 1)
        {
            var size = Math.Max(1024, Group.Length + 1);
            _runStart = new int[size];
            _runCell = new int[size];
            _runGroup = new int[size];
            _runFoot = new int[size];
            _runMiddle = new int[size];
            _runLookouts = new int[size];
            _runLeaders = new int[size];
            _runPrisoners = new int[size];
            _runDue = new int[size];
            _runClean = new bool[size];
        }

        _runCount = 0;
        var previous = 0;
        for (var c = 0; c < cells; c++)
        {
            if (start[c] > previous)
            {
                _runStart[_runCount] = previous;
                _runCell[_runCount] = c;
                _runGroup[_runCount] = CellGroup[c];
                _runCount++;
                previous = start[c];
            }
        }

        _runStart[_runCount] = live;
        Array.Clear(start, 0, cells + 1);
        Group = Permute(Group, order, live, ref _spareGroup);
        Place = Permute(Place, order, live, ref _sparePlace);
        Rank = Permute(Rank, order, live, ref _spareRank);
        State = Permute(State, order, live, ref _spareState);
        Due = Permute(Due, order, live, ref _spareDue);
        Age = Permute(Age, order, live, ref _spareAge);
        Cell = Permute(Cell, order, live, ref _spareCell);
        Count = live;
        for (var r = 0; r < _runCount; r++)
        {
            Refresh(r, _runStart[r], _runStart[r + 1]);
        }
    }

    // Runs of members by cell, as of the last compaction (see ApplyEvents); _runStart[_runCount] is where
    // the members added since begin.
    private int _runCount;
    private int[] _runStart = [0];
    private int[] _runCell = [], _runGroup = [], _runFoot = [], _runMiddle = [], _runLookouts = [], _runLeaders = [], _runPrisoners = [], _runDue = [];
    private bool[] _runClean = [];

    // Compaction's working arrays, kept between quarters: each attribute is permuted into its spare and
    // the two swap, so a replicate allocates them once instead of every quarter.
    private int[] _cellStart = [];
    private int[] _compactOrder = [];
    private short[] _spareGroup = [], _sparePlace = [];
    private int[] _spareDue = [], _spareCell = [];
    private Tier[] _spareRank = [];
    private Status[] _spareState = [];
    private byte[] _spareAge = [];

    private static T[] Permute<T>(T[] array, int[] order, int count, ref T[] spare)
    {
        var result = spare.Length == array.Length ? spare : new T[array.Length];
        for (var k = 0; k < count; k++)
        {
            result[k] = array[order[k]];
        }

        Array.Clear(result, count, result.Length - count);
        spare = array;
        return result;
    }

    /// <summary>Probability that a detention ending this week in each municipality ends in a conviction (set by the justice system), or null: the parameter's national share.</summary>
    public double[]? ConvictionIn { get; set; }

    /// <summary>Local succession crises under way in each municipality (a plaza whose boss was removed, or next door to it where the group operates); they add up.</summary>
    public int[] PlazaCrisis { get; }

    /// <summary>Every local crisis under way: its municipality, the group whose boss was removed, and the weeks it has left.</summary>
    public List<(int Place, int Group, int WeeksLeft)> Crises { get; } = [];

    /// <summary>Cells (group, municipality) where leaders were removed in the last <see cref="ApplyEvents"/>, for the succession system.</summary>
    public List<int> RemovedLeaderCells { get; } = [];

    /// <summary>Killings attributed to each group, decayed (about the last month): who is the most violent.</summary>
    public double[] RecentViolence { get; }

    /// <summary>Killings attributed to each group since the start.</summary>
    public double[] Killings { get; }

    /// <summary>Attributes <paramref name="killings"/> to group <paramref name="group"/>.</summary>
    public void Attribute(int group, double killings)
    {
        RecentViolence[group] += killings;
        Killings[group] += killings;
    }

    /// <summary>Each group's violence multiplier this week (1: none; below 1: restraint under focused deterrence).</summary>
    public double[] Restraint { get; }

    /// <summary>Groups the state does not target (experiments hold one group's leadership fixed against the baseline's campaign).</summary>
    public bool[] Exempt { get; }

    /// <summary>Groups already swept (a sweep moves on to the next target).</summary>
    public bool[] Swept { get; }

    /// <summary>The group the current sweep is building intelligence on, or −1.</summary>
    public int SweepTarget { get; set; } = -1;

    /// <summary>Weeks of intelligence gathered on <see cref="SweepTarget"/>.</summary>
    public int Intelligence { get; set; }

    /// <summary>Sweeps carried out.</summary>
    public int SweepsDone { get; set; }

    /// <summary>Sweeps whose intelligence leaked before they could strike.</summary>
    public int SweepsFailed { get; set; }

    /// <summary>The rivalry weight between two groups.</summary>
    public double RivalryOf(int a, int b) => Rivalry[(a * MaxGroups) + b];

    /// <summary>Sets the symmetric rivalry weight between two groups.</summary>
    public void SetRivalry(int a, int b, double weight)
    {
        var old = Rivalry[(a * MaxGroups) + b];
        Rivalry[(a * MaxGroups) + b] = weight;
        Rivalry[(b * MaxGroups) + a] = weight;
        if (old == 0 && weight != 0)
        {
            Rivals[a].Add(b);
            Rivals[b].Add(a);
        }
        else if (old != 0 && weight == 0)
        {
            Rivals[a].Remove(b);
            Rivals[b].Remove(a);
        }
    }

    /// <summary>The groups with a listed rivalry with <paramref name="group"/> (so conflict visits rival pairs, not all pairs).</summary>
    public IReadOnlyList<int> RivalsOf(int group) => Rivals[group];

    private List<int>[] Rivals { get; }

    // The same list, typed concretely so the conflict pass indexes it without an enumerator.
    internal List<int> RivalList(int group) => Rivals[group];

    /// <summary>Per-cell working space for systems that draw per active cell (rates, counts, cumulative rates), grown as needed and reused every week.</summary>
    internal (double[] Rates, int[] Counts, double[] Cumulative) CellScratch()
    {
        if (_cellRates.Length < ActiveCells.Count)
        {
            var size = Math.Max(1024, ActiveCells.Count * 2);
            _cellRates = new double[size];
            _cellCounts = new int[size];
            _cellCumulative = new double[size];
        }

        return (_cellRates, _cellCounts, _cellCumulative);
    }

    private double[] _cellRates = [];
    private int[] _cellCounts = [];
    private double[] _cellCumulative = [];

    /// <summary>Per-group scratch space for systems that work one municipality at a time (index of a group in the place, or -1).</summary>
    internal int[] PlaceIndex { get; }

    // A released member returns to its group and place, and counts in next week's census.
    private void Release(int i, WeekEvents events)
    {
        State[i] = Status.Free;
        events.Releases++;
        CountMember(i);
    }

    private void Detain(int i, Xoshiro256StarStar random, EngineParameters parameters, WeekEvents events)
    {
        events.ArrestsByTier[(int)Rank[i]]++;
        State[i] = Status.PretrialDetained;
        Due[i] = Week + Math.Min(MaxTerm, Geometric(random, parameters.PretrialWeeks));
    }

    private static int Geometric(Xoshiro256StarStar random, double mean) =>
        1 + (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - (1 / Math.Max(1.0001, mean))));

    private void Grow()
    {
        var size = Math.Max(1024, Group.Length * 2);
        Group = Resize(Group, size);
        Place = Resize(Place, size);
        Rank = Resize(Rank, size);
        State = Resize(State, size);
        Due = Resize(Due, size);
        Age = Resize(Age, size);
        Cell = Resize(Cell, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        var bigger = new T[size];
        Array.Copy(array, bigger, array.Length);
        return bigger;
    }
}

/// <summary>What happened to members in one week's <see cref="World.ApplyEvents"/>.</summary>
public sealed class WeekEvents
{
    /// <summary>Members killed.</summary>
    public int MemberDeaths { get; set; }

    /// <summary>Members arrested (all tiers).</summary>
    public int Arrests { get; set; }

    /// <summary>Leaders removed by targeting.</summary>
    public int LeadersRemoved { get; set; }

    /// <summary>Middle-layer members arrested in sweeps.</summary>
    public int MiddleRemoved { get; set; }

    /// <summary>Arrests this week by tier (indexed by <see cref="Tier"/>: lookouts, foot soldiers, middle layer, leaders).</summary>
    public int[] ArrestsByTier { get; } = new int[4];

    /// <summary>Members who left their group.</summary>
    public int Desisted { get; set; }

    /// <summary>Detainees convicted.</summary>
    public int Convictions { get; set; }

    /// <summary>Detainees and prisoners released back to their groups.</summary>
    public int Releases { get; set; }
}
