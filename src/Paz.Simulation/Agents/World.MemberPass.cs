using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Paz.Core.Randomness;

namespace Paz.Simulation.Agents;

// The weekly member pass: the events systems decided per cell befall members, detentions and sentences
// run their course, and the survivors are counted for next week (see ApplyEvents).
public sealed partial class World
{
    private int[] _seen;
    private int[] _nextEvent;
    private OrdinalPicks _events;
    private readonly int[] _footSeen;
    private readonly int[] _leadersLeft;
    private readonly int[] _middleLeft;
    private readonly int[] _nextPromotion;
    private readonly OrdinalPicks _promotions;

    // Lookouts still to visit until the next one rises (see ApplyEvents); 0: draw the next distance.
    private int _lookoutSkip;

    /// <summary>
    /// Applies the week's decided events to individual members, and advances detention and sentences;
    /// the same pass counts the survivors for next week's census. Returns what happened, for the week's flows.
    /// </summary>
    public WeekEvents ApplyEvents(Xoshiro256StarStar random, DetentionTerms parameters)
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            ArgumentNullException.ThrowIfNull(random);
            Week++;
            _countedSinceCensus = true;
            var events = new WeekEvents();
            _events.Clear();
            if (_busyCells.Length < ActiveCells.Count)
            {
                _busyCells = new int[ActiveCells.Count * 2];
            }

            var relocating = 0;
            var busyCount = 0;
            // The cells with something decided this week, met in cell order (the order the census sorts the active list
            // in), in one streaming sweep over every numbered cell: a cell without free members has nothing decided, and
            // most cells with free members have nothing either, so the sweep tests four counters and the split of eight
            // cells at once and visits only the cells the test picks (a cell's visit writes only its own counters, so the
            // cells after it are tested as the visit leaves them, as in a sweep one cell at a time).
            var (free, deaths, arrests, desist, moves, splitTo) = (Free, Deaths, Arrests, Desist, Moves, SplitTo);
            var numbered = Cells;
            var width = Vector256<int>.Count;
            var at = 0;
            for (; at + width <= numbered; at += width)
            {
                var decided = Vector256.Create(deaths, at) | Vector256.Create(arrests, at) | Vector256.Create(desist, at) | Vector256.Create(moves, at);
                var picked = ~Vector256.Equals(Vector256.Create(free, at), Vector256<int>.Zero)
                    & (~Vector256.Equals(decided, Vector256<int>.Zero) | Vector256.GreaterThanOrEqual(Vector256.Create(splitTo, at), Vector256<int>.Zero));
                for (var bits = picked.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                {
                    Decide(at + BitOperations.TrailingZeroCount(bits), random, ref relocating, ref busyCount);
                }
            }

            for (; at < numbered; at++)
            {
                if ((free[at] != 0) & (((deaths[at] | arrests[at] | desist[at] | moves[at]) != 0) | (splitTo[at] >= 0)))
                {
                    Decide(at, random, ref relocating, ref busyCount);
                }
            }

            // The pass counts every cell afresh from here on: the active cells' counts and bits cleared at once (a cell that
            // is not active counts no one, so clearing every numbered cell clears the same).
            Array.Clear(free, 0, numbered);
            Array.Clear(Middle, 0, numbered);
            Array.Clear(_activeBits, 0, Math.Min(_activeBits.Length, (numbered + 63) / 64));

            // Each member who moves or follows a splinter may number a new cell: room for all of them now, so the
            // per-cell arrays the pass holds are not replaced under it.
            EnsureCellRoom(relocating);
            var (seen, nextEvent, busy) = (_seen, _nextEvent, _busy);
            _passing = true;

            // A member who moves or follows a splinter goes on in a new slot at the end: room for all of them
            // now, so the arrays the pass holds are not replaced under it.
            while (Group.Length < Count + relocating + Block)
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

            ClearGroupCounts();

            // The hot loop handles the common member, a free foot soldier or lookout in a cell with nothing
            // decided, inline; prisoners, the upper tiers and busy cells go to methods of their own, so the
            // loop stays small enough for its locals to live in registers.
            var group = Group;
            var cell = Cell;
            var rank = TierOf;
            var state = Status;
            var prisoners = 0;
            var lookoutSkip = _lookoutSkip;

            // Members come in runs, one per cell as of the last compaction (a member who changes cell goes on in a new
            // slot, so every live member of a run is of its cell). A run with nothing to befall it this week is counted
            // from its cached tier counts without visiting its members; a run with something to befall it is visited by
            // VisitRun, which knows its cell and group; the members added since the compaction are visited one by one here.
            var runs = _runCount;
            var end = Count; // members relocated during the pass are counted where they land, not visited again
            for (var r = CountQuiet(0, runs, ref prisoners, ref lookoutSkip, random); r < runs; r = CountQuiet(r + 1, runs, ref prisoners, ref lookoutSkip, random))
            {
                prisoners += VisitRun(r, random, parameters, events, ref lookoutSkip);
            }

            for (var i = _runStart[runs]; i < end; i++)
            {
                var status = state[i];
                if (status != MemberStatus.Free)
                {
                    if (status is MemberStatus.PretrialDetained or MemberStatus.Sentenced)
                    {
                        prisoners += Serve(i, random, parameters, events);
                    }

                    continue;
                }

                int g = group[i];
                var tier = rank[i];
                var senior = Advance(i, g, ref tier, ref footSeen[g], ref nextPromotion[g], ref lookoutSkip, random, parameters, events);
                if (senior != Proceed)
                {
                    prisoners += senior;
                    continue;
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
                    Follow(i, c, g, Place[i], random);
                }
                else
                {
                    CountFree(g, c, tier);
                }
            }

            _passing = false;
            Prisoners = prisoners;
            _lookoutSkip = lookoutSkip;
            foreach (var c in _busyCells.AsSpan(0, busyCount))
            {
                Deaths[c] = Arrests[c] = Desist[c] = Moves[c] = 0;
                MoveTarget[c] = NoTarget;
                SplitTo[c] = NoTarget;
                busy[c] = false;
            }

            Array.Clear(LeaderRemovals, 0, Groups);
            Array.Clear(LeaderInstalls, 0, Groups);
            Array.Clear(MiddleRemovalShare, 0, Groups);
            Array.Clear(Promotions, 0, Groups);
            return events;
        }
    }

    // A cell with free members and something decided this week: no more members move than are left free, and who the
    // events befall is decided now — as many of the cell's members, by their rank in the order the pass meets them, each
    // as likely as any other (what sequential sampling gives, with a draw per event instead of one per member).
    private void Decide(int c, Xoshiro256StarStar random, ref int relocating, ref int busyCount)
    {
        var free = Free[c];
        Moves[c] = Math.Min(Moves[c], free - Deaths[c] - Arrests[c] - Desist[c]);
        var events = Deaths[c] + Arrests[c] + Desist[c] + Moves[c];

        // The pass reads one flag for a cell instead of six counters.
        _busy[c] = events > 0 || SplitTo[c] >= 0;
        if (_busy[c])
        {
            _seen[c] = 0;
            var decided = Math.Min(free, events);
            _nextEvent[c] = decided > 0 ? _events.Choose(c, decided, free, random) : int.MaxValue;
            relocating += SplitTo[c] >= 0 ? free : Moves[c];
            _busyCells[busyCount++] = c;
        }
    }

    // Counts the runs from `first` on to which nothing befalls this week, until the first to which something does, and
    // returns that run (`end` if none). Nothing befalls a run when its cell has no events, no promotion is picked among its
    // foot soldiers, no lookout is due to rise, no install or sweep is among its middle layer, no removal among its
    // leaders and no prisoner is due out: it is counted from its cache. A run that is not quiet is left as it was, but for
    // a lookout skip drawn early, as the visit would draw it. The loop keeps in locals only what its tests need (the
    // sweep over every run each week is the member pass's largest part): the group's tier counts and the prisoners are
    // summed over each stretch of one group's runs when the stretch ends (WriteBack), and the cells the runs make active
    // are written straight into the active list's storage, its count set once at the end.
    private int CountQuiet(int first, int end, ref int prisoners, ref int lookoutSkip, Xoshiro256StarStar random)
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            var (runs, busy, free, middleOf, activeBits) = (_runs, _busy, Free, Middle, _activeBits);
            var (week, skip) = (Week, lookoutSkip);
            var list = ActiveCells;
            var listed = list.Count;
            CollectionsMarshal.SetCount(list, listed + end - first); // room for a cell per run
            var active = CollectionsMarshal.AsSpan(list);

            // The group of the runs being counted, the run its stretch began at, and what the tests read of it.
            int current = -1, from = first, seenFoot = 0, promotion = 0, drawn = 0;
            var r = first;
            for (; r < end; r++)
            {
                ref readonly var run = ref runs[r];
                var c = run.Cell;
                if (run.Group != current)
                {
                    if (current >= 0)
                    {
                        prisoners += WriteBack(current, from, r, seenFoot);
                    }

                    (current, from) = (run.Group, r);
                    (seenFoot, promotion) = (_footSeen[current], _nextPromotion[current]);
                    drawn = (LeaderInstalls[current] > 0 || MiddleRemovalShare[current] > 0 ? MiddleDrawn : 0) | (LeaderRemovals[current] > 0 ? LeaderDrawn : 0);
                }

                // One test of every reason to visit, not a branch for each: a run is rarely not quiet. A run's release week is
                // int.MaxValue when it holds no prisoners.
                int foot = run.Tally.Foot, middle = run.Tally.Middle, lookouts = run.Tally.Lookouts;
                var tiers = (middle > 0 ? MiddleDrawn : 0) | (run.Tally.Leaders > 0 ? LeaderDrawn : 0);
                if (busy[c] | (seenFoot + foot > promotion) | ((tiers & drawn) != 0) | (run.Tally.Due <= week))
                {
                    break;
                }

                // The lookouts are skipped over unless one of them is due to rise, or the next rise's distance is to be drawn
                // (after a rise; not for a run without lookouts).
                if (skip <= lookouts & lookouts > 0)
                {
                    if (skip == 0)
                    {
                        skip = LookoutRise(random);
                    }

                    if (skip <= lookouts)
                    {
                        break;
                    }
                }

                skip -= lookouts;
                seenFoot += foot;
                middleOf[c] += middle;
                var n = foot + middle + lookouts;
                if (free[c] == 0 && n > 0) // a run of leaders and prisoners only does not make its cell active
                {
                    // Activate's work, the list written through its storage.
                    active[listed++] = c;
                    activeBits[c >> 6] |= 1UL << c; // the shift count is taken modulo 64
                }

                free[c] += n;
            }

            if (current >= 0)
            {
                prisoners += WriteBack(current, from, r, seenFoot);
            }

            CollectionsMarshal.SetCount(list, listed);
            lookoutSkip = skip;
            return r;
        }
    }

    // What a group's run counts toward in CountQuiet's test: its middle layer (the group installs leaders or sweeps it) and
    // its leaders (the group loses some).
    private const int MiddleDrawn = 1, LeaderDrawn = 2;

    // Writes back what CountQuiet counted of group g's runs from `from` to `to` (the foot soldiers met so far are
    // seenFoot): the free members they add to the group's counts. Returns their prisoners.
    private int WriteBack(int g, int from, int to, int seenFoot)
    {
        unchecked
        {
            int middle = 0, leaders = 0, lookouts = 0, held = 0;
            foreach (ref readonly var run in _runs.AsSpan(from, to - from))
            {
                middle += run.Tally.Middle;
                leaders += run.Tally.Leaders;
                lookouts += run.Tally.Lookouts;
                held += run.Tally.Prisoners;
            }

            var foot = seenFoot - _footSeen[g];
            _footSeen[g] = seenFoot;
            _middleLeft[g] -= middle;
            _leadersLeft[g] -= leaders;
            GroupLeaders[g] += leaders;
            GroupMembers[g] += foot + middle + leaders + lookouts;
            GroupMiddle[g] += middle;
            GroupFoot[g] += foot;
            return held;
        }
    }

    // Visits a run with something to befall it: the member pass's loop (same members, same order, same draws)
    // for a run, whose members are all of one cell and group, so the cell's and group's counters live in locals and
    // the run's cache is refreshed in the same sweep instead of a second one. Returns the run's members in prison
    // after the week.
    //
    // The run is read a block of members at a time, as bit masks of its free members by tier and of its prisoners
    // (BlockMasks). Within a block only the members at which something happens are visited one by one: a leader, a
    // prisoner due out, a middle-layer member while the group installs leaders or sweeps its middle layer, the foot
    // soldier at the group's next promotion, the lookout due to rise (or at which the next rise's distance is drawn),
    // the member at the cell's next event, and in a splitting cell every member who stays free. Their positions are
    // read from the masks (the k-th set bit); the members between them, to whom the loop would only count, are counted
    // from the masks at once. The draws and their order are those of visiting every member.
    private int VisitRun(int r, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events, ref int lookoutSkip)
    {
        // Counts and positions here are bounded by the members (far below int.MaxValue): unchecked, so the hot loop carries no overflow test per addition.
        unchecked
        {
            int from = _runStart[r], to = _runStart[r + 1];
            var c = _runs[r].Cell;
            int g = CellGroup[c];
            var busyCell = _busy[c];
            var splitting = SplitTo[c] >= 0;
            var rank = TierOf;
            int seen = _seen[c], nextEvent = _nextEvent[c];
            int footSeen = _footSeen[g], nextPromotion = _nextPromotion[g];
            var middleDrawn = LeaderInstalls[g] > 0 || MiddleRemovalShare[g] > 0;
            var skip = lookoutSkip;
            ref var free = ref Free[c];
            var prisoners = 0;

            // Members counted free in the cell on the common path, by tier; the rest of the run's cache (what the
            // events and the senior ranks leave) is tallied after each of those members.
            int foot = 0, middle = 0, lookouts = 0;
            var tally = new RunTally();
            var statusBytes = MemoryMarshal.Cast<MemberStatus, byte>(Status.AsSpan());
            var tierBytes = MemoryMarshal.Cast<Tier, byte>(rank.AsSpan());
            for (var block = from; block < to; block += Block)
            {
                var length = Math.Min(Block, to - block);
                var masks = BlockMasks.Of(statusBytes.Slice(block, Block), tierBytes.Slice(block, Block), length);

                // A prisoner not yet due out only serves the week (Serve draws nothing for them): counted here.
                var due = 0u;
                for (var bits = masks.Held; bits != 0; bits &= bits - 1)
                {
                    var k = BitOperations.TrailingZeroCount(bits);
                    var release = ReleaseWeek[block + k];
                    if (release <= Week)
                    {
                        due |= 1u << k;
                    }
                    else
                    {
                        tally.Due = Math.Min(tally.Due, release);
                    }
                }

                var serving = BitOperations.PopCount(masks.Held & ~due);
                prisoners += serving;
                tally.Prisoners += serving;

                var position = 0;
                while (position < length)
                {
                    var rest = ~0u << position;
                    uint footBits = masks.Foot & rest, middleBits = masks.Middle & rest, lookoutBits = masks.Lookouts & rest;
                    var proceeding = footBits | middleBits | lookoutBits;
                    var next = Math.Min(Lowest(masks.Leaders & rest), Lowest(due & rest));
                    if (middleDrawn)
                    {
                        next = Math.Min(next, Lowest(middleBits));
                    }

                    next = Math.Min(next, NthBit(footBits, nextPromotion - footSeen));
                    next = Math.Min(next, skip == 0 ? Lowest(lookoutBits) : NthBit(lookoutBits, skip - 1));
                    if (busyCell)
                    {
                        next = Math.Min(next, splitting ? Lowest(proceeding) : NthBit(proceeding, nextEvent - seen));
                    }

                    // The members before the next one visited are only counted.
                    var before = next >= Block ? ~0u : (1u << next) - 1;
                    int f = BitOperations.PopCount(footBits & before), m = BitOperations.PopCount(middleBits & before), l = BitOperations.PopCount(lookoutBits & before);
                    var n = f + m + l;
                    if (n > 0 && free == 0)
                    {
                        Activate(c);
                    }

                    free += n;
                    foot += f;
                    middle += m;
                    lookouts += l;
                    footSeen += f;
                    skip -= l;
                    _middleLeft[g] -= m;
                    seen += busyCell ? n : 0;
                    if (next >= length)
                    {
                        break;
                    }

                    position = next + 1;
                    var i = block + next;
                    if (Status[i] != MemberStatus.Free)
                    {
                        prisoners += Serve(i, random, parameters, events); // a prisoner due out
                        tally.Add(this, i);
                        continue;
                    }

                    var tier = rank[i];
                    var senior = Advance(i, g, ref tier, ref footSeen, ref nextPromotion, ref skip, random, parameters, events);
                    if (senior != Proceed)
                    {
                        prisoners += senior;
                        tally.Add(this, i);
                        continue;
                    }

                    if (busyCell)
                    {
                        if (seen++ == nextEvent)
                        {
                            nextEvent = _events.Next(c);
                            prisoners += Befall(i, c, random, parameters, events);
                            tally.Add(this, i);
                            continue;
                        }

                        if (splitting)
                        {
                            Follow(i, c, g, Place[i], random);
                            tally.Add(this, i);
                            continue;
                        }
                    }

                    // CountFree's work, the group's and the cell's tier counts kept here until the run ends.
                    if (free++ == 0)
                    {
                        Activate(c);
                    }

                    if (tier == Tier.FootSoldier)
                    {
                        foot++;
                    }
                    else if (tier == Tier.MiddleLayer)
                    {
                        middle++;
                    }
                    else
                    {
                        lookouts++;
                    }
                }
            }

            GroupMembers[g] += foot + middle + lookouts;
            GroupFoot[g] += foot;
            GroupMiddle[g] += middle;
            Middle[c] += middle;
            _seen[c] = seen;
            _nextEvent[c] = nextEvent;
            _footSeen[g] = footSeen;
            _nextPromotion[g] = nextPromotion;
            lookoutSkip = skip;
            tally.Foot += foot;
            tally.Middle += middle;
            tally.Lookouts += lookouts;
            _runs[r].Tally = tally;
            return prisoners;
        }
    }

    // Members a block of a run holds, read at once (BlockMasks): the member arrays keep this many slots spare after the
    // last member, so a run's last block is read whole and masked to its length.
    private const int Block = 32;

    // The position of the lowest set bit, Block when none.
    private static int Lowest(uint bits) => BitOperations.TrailingZeroCount(bits);

    // The position of the set bit with n set bits below it, Block when there are not that many (n negative included).
    private static int NthBit(uint bits, int n)
    {
        if ((uint)n >= (uint)BitOperations.PopCount(bits))
        {
            return Block;
        }

        for (; n > 0; n--)
        {
            bits &= bits - 1;
        }

        return BitOperations.TrailingZeroCount(bits);
    }

    // A block's members as one bit each: the free ones by tier, and the prisoners (pretrial or sentenced), from their
    // status and tier bytes; bits at or after length (members of the next run, or spare slots) are cleared.
    private readonly record struct BlockMasks(uint Foot, uint Middle, uint Lookouts, uint Leaders, uint Held)
    {
        public static BlockMasks Of(ReadOnlySpan<byte> status, ReadOnlySpan<byte> tier, int length)
        {
            var s = Vector256.Create(status);
            var t = Vector256.Create(tier);
            var valid = length >= Block ? ~0u : (1u << length) - 1;
            var free = Vector256.Equals(s, Vector256<byte>.Zero).ExtractMostSignificantBits() & valid;
            var held = (Vector256.Equals(s, Vector256.Create((byte)MemberStatus.PretrialDetained)) | Vector256.Equals(s, Vector256.Create((byte)MemberStatus.Sentenced))).ExtractMostSignificantBits() & valid;
            return new(
                free & Vector256.Equals(t, Vector256.Create((byte)Tier.FootSoldier)).ExtractMostSignificantBits(),
                free & Vector256.Equals(t, Vector256.Create((byte)Tier.MiddleLayer)).ExtractMostSignificantBits(),
                free & Vector256.Equals(t, Vector256.Create((byte)Tier.Lookout)).ExtractMostSignificantBits(),
                free & Vector256.Equals(t, Vector256.Create((byte)Tier.Leader)).ExtractMostSignificantBits(),
                held);
        }
    }

    // What a run's members come to after the week, for its cache: the visit tallies those it leaves off its common path.
    private struct RunTally()
    {
        public int Foot, Middle, Lookouts, Leaders, Prisoners;
        public int Due = int.MaxValue;

        // Tallies member i: free in its tier, or in prison with its release week. A member of a run who is free is in
        // the run's cell: a member who changes cell goes on in a new slot.
        public void Add(World world, int i)
        {
            switch (world.Status[i])
            {
                case MemberStatus.Free:
                    switch (world.TierOf[i])
                    {
                        case Tier.Lookout:
                            Lookouts++;
                            break;
                        case Tier.FootSoldier:
                            Foot++;
                            break;
                        case Tier.MiddleLayer:
                            Middle++;
                            break;
                        default:
                            Leaders++;
                            break;
                    }

                    break;
                case MemberStatus.PretrialDetained or MemberStatus.Sentenced:
                    Prisoners++;
                    Due = Math.Min(Due, world.ReleaseWeek[i]);
                    break;
            }
        }
    }

    // What the member pass's helpers return: the member goes on to its cell's events (Proceed), or is done
    // with and is free (0) or in prison (1) after the week.
    private const int Proceed = -1;

    // A detainee or prisoner serves a week: detention ends in conviction or release, a sentence in release.
    private int Serve(int i, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events)
    {
        if (ReleaseWeek[i] > Week)
        {
            return 1;
        }

        if (Status[i] == MemberStatus.PretrialDetained && random.NextDouble() < (parameters.ConvictionIn is null ? parameters.Conviction : parameters.ConvictionIn[Place[i]]))
        {
            Status[i] = MemberStatus.Sentenced;
            ReleaseWeek[i] = Week + Math.Min(MaxTerm, Geometric(random, parameters.SentenceWeeks));
            events.Convictions++;
            return 1;
        }

        Release(i, events);
        return 0;
    }

    // A leader may be removed (targeting) and a middle-layer member installed as leader or swept up, each
    // chosen by sequential sampling among the group's members of that tier.
    private int Senior(int i, int g, Tier tier, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events)
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
            TierOf[i] = Tier.Leader;
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
    private int Befall(int i, int c, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events)
    {
        int d = Deaths[c], a = Arrests[c], s = Desist[c], k = Moves[c];
        var u = random.NextDouble() * (d + a + s + k);
        if (u < d)
        {
            Deaths[c]--;
            Status[i] = MemberStatus.Dead;
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
            Status[i] = MemberStatus.Desisted;
            events.Desisted++;
            return 0;
        }

        Moves[c]--;
        Follow(i, c, Group[i], MoveTarget[c], random);
        return 0;
    }

    // A free member of cell c goes on in group and place (a move), and in a splitting cell follows the
    // splinter with the cell's probability (one half unless a recorded breakaway says otherwise).
    private void Follow(int i, int c, int group, int place, Xoshiro256StarStar random)
    {
        if (SplitTo[c] >= 0 && Follows(SplitShare[c], random))
        {
            group = SplitTo[c]; // a faction: the place's members who follow the splinter
        }

        if (group == Group[i] && place == Place[i])
        {
            CountMember(i);
        }
        else
        {
            // The member goes on in a new slot (counted there), so its old cell's run stays one cell.
            Status[i] = MemberStatus.Moved;
            Add(group, place, TierOf[i], Age[i]);
        }
    }

    // Whether a member follows a splinter its cell's members follow with probability `share`: a coin (one bit of a draw)
    // at one half, a uniform draw otherwise, no draw where all follow.
    private static bool Follows(double share, Xoshiro256StarStar random) => share switch
    {
        HalfFollow => (random.NextUInt64() & 1) == 0,
        >= 1 => true,
        _ => random.NextDouble() < share,
    };

    /// <summary>Member passes (<see cref="ApplyEvents"/>) so far: the clock of detentions and sentences.</summary>
    public int Week { get; private set; }

    // The longest detention or sentence, in weeks.
    private const int MaxTerm = short.MaxValue;

    /// <summary>Members in pretrial detention or serving a sentence, as of the last <see cref="ApplyEvents"/>.</summary>
    public int Prisoners { get; private set; }

    // A released member returns to its group and place, and counts in next week's census.
    private void Release(int i, WeekEvents events)
    {
        Status[i] = MemberStatus.Free;
        events.Releases++;
        CountMember(i);
    }

    private void Detain(int i, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events)
    {
        events.ArrestsByTier[(int)TierOf[i]]++;
        Status[i] = MemberStatus.PretrialDetained;
        ReleaseWeek[i] = Week + Math.Min(MaxTerm, Geometric(random, parameters.PretrialWeeks));
    }

    // A free member's rank for the week, before its cell's events: a foot soldier at its group's next promotion rises to
    // the middle layer, a lookout due to rise to the armed rank (its tier updated in place); a leader or middle-layer
    // member may be removed, installed or swept (Senior). Returns Proceed when the member goes on to its cell's events,
    // else what Senior returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Advance(int i, int g, ref Tier tier, ref int footSeen, ref int nextPromotion, ref int lookoutSkip, Xoshiro256StarStar random, DetentionTerms parameters, WeekEvents events)
    {
        if (tier == Tier.FootSoldier)
        {
            if (Promoted(g, ref footSeen, ref nextPromotion))
            {
                TierOf[i] = tier = Tier.MiddleLayer;
            }

            return Proceed;
        }

        if (tier == Tier.Lookout)
        {
            if (Rises(ref lookoutSkip, random))
            {
                TierOf[i] = tier = Tier.FootSoldier;
            }

            return Proceed;
        }

        return Senior(i, g, tier, random, parameters, events);
    }

    // Whether the foot soldier the pass meets now is its group's next to be promoted (the ranks were picked before the
    // pass, see ApplyEvents); if so the next pick is read out.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Promoted(int g, ref int footSeen, ref int nextPromotion)
    {
        if (footSeen++ != nextPromotion)
        {
            return false;
        }

        nextPromotion = _promotions.Next(g);
        return true;
    }

    // Whether the lookout the pass meets now rises to the armed rank. Lookouts rise in about a year (1/64 a week each): a
    // skip count drawn from the geometric distribution picks the next lookout to rise, the same Bernoulli process over
    // the lookouts met, with one draw per rise instead of one per lookout.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Rises(ref int lookoutSkip, Xoshiro256StarStar random)
    {
        if (lookoutSkip == 0)
        {
            lookoutSkip = LookoutRise(random); // the position of the next lookout to rise
        }

        return --lookoutSkip == 0;
    }

    private static int Geometric(Xoshiro256StarStar random, double mean) => GeometricOfStay(random, LogOfStay(mean));

    // A geometric draw (trials to the first success) given the logarithm of the chance of no success in a trial.
    private static int GeometricOfStay(Xoshiro256StarStar random, double logOfStay) =>
        1 + (int)Math.Floor(Math.Log(1 - random.NextDouble()) / logOfStay);

    private static double LogOfStay(double mean) => Math.Log(1 - (1 / Math.Max(1.0001, mean)));

    // The lookouts met until the next one rises: Geometric with mean 64, its logarithm computed once.
    private static int LookoutRise(Xoshiro256StarStar random) => GeometricOfStay(random, LogOfLookoutStay);

    private static readonly double LogOfLookoutStay = LogOfStay(64);

    // This week's cells with events decided, for the pass's cleanup.
    private int[] _busyCells = [];
    private bool[] _busy;
}
