using Paz.Core.Randomness;

namespace Paz.Simulation.Agents;

/// <summary>
/// The engine's mutable state in struct-of-arrays form: one array per member attribute, and per
/// "cell" (a group in a municipality, numbered densely by <see cref="CellOf"/>) the counts and the events
/// decided for the week. Systems decide events at the cell level; <see cref="ApplyEvents"/> then applies
/// them in one pass, every member of a cell equally likely to be the one an event befalls.
/// </summary>
public sealed partial class World
{
    private const int NoTarget = -1;

    // The rivalry records a breakaway and the group it left weigh at least: assumed, a structural constant of the
    // network, not a parameter (BACRIM2020's pairs have 1 to 13 records, 1-3 for nine in ten of them).
    private const double BreakawayRivalry = 5;

    /// <summary>Creates an empty world for <paramref name="municipalities"/> places and up to <paramref name="maxGroups"/> groups.</summary>
    public World(int municipalities, int maxGroups, int capacity)
    {
        MunicipalityCount = municipalities;
        MaxGroups = maxGroups;
        Group = new short[capacity];
        Place = new short[capacity];
        TierOf = new Tier[capacity];
        Status = new MemberStatus[capacity];
        ReleaseWeek = new int[capacity];
        Age = new byte[capacity];
        Cell = new int[capacity];
        _cellOf = new int[MunicipalityCount * maxGroups];
        Array.Fill(_cellOf, -1);
        var cells = Math.Min(_cellOf.Length, InitialCellRoom);
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
        SplitShare = new double[cells];
        Rivalries = new Rivalries(maxGroups);
        RecentViolence = new double[maxGroups];
        Killings = new double[maxGroups];
        Exempt = new bool[maxGroups];
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
        _sparePlaceStart = new int[municipalities + 1];
        _placeChanged = new bool[municipalities];
        _numberedIn = [.. Enumerable.Range(0, municipalities).Select(_ => new List<int>())];
        GroupsIn = new PlaceColumn(_placeStart);
        FreeIn = new PlaceColumn(_placeStart);
        CellsIn = new PlaceColumn(_placeStart);
        _seen = new int[cells];
        _nextEvent = new int[cells];
        _events = new OrdinalPicks(cells);
        _groupCellStart = new int[maxGroups + 1];
        _spareGroupStart = new int[maxGroups + 1];
        _groupChanged = new bool[maxGroups];
        _numberedOf = [.. Enumerable.Range(0, maxGroups).Select(_ => new List<int>())];
        _leadersLeft = new int[maxGroups];
        _middleLeft = new int[maxGroups];
        _footSeen = new int[maxGroups];
        _nextPromotion = new int[maxGroups];
        _promotions = new OrdinalPicks(maxGroups);
        _busy = new bool[cells];
        _activeBits = new ulong[(cells + 63) / 64];
    }

    /// <summary>Number of municipalities.</summary>
    public int MunicipalityCount { get; }

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
    public Tier[] TierOf { get; private set; }

    /// <summary>Each member's status.</summary>
    public MemberStatus[] Status { get; private set; }

    /// <summary>The member pass (see <see cref="Week"/>) at which a detention or sentence ends.</summary>
    public int[] ReleaseWeek { get; private set; }

    /// <summary>Each member's age in years.</summary>
    public byte[] Age { get; private set; }

    /// <summary>Each member's cell (see <see cref="CellOf"/>).</summary>
    public int[] Cell { get; private set; }

    /// <summary>Free members below leader rank per cell.</summary>
    public int[] Free { get; private set; }

    /// <summary>Free middle-layer members per cell.</summary>
    public int[] Middle { get; private set; }

    /// <summary>Deaths decided for the week per cell.</summary>
    public int[] Deaths { get; private set; }

    /// <summary>Arrests decided for the week per cell.</summary>
    public int[] Arrests { get; private set; }

    /// <summary>Desistances decided for the week per cell.</summary>
    public int[] Desist { get; private set; }

    /// <summary>Members to move per cell.</summary>
    public int[] Moves { get; private set; }

    /// <summary>Where the moving members of a cell go.</summary>
    public int[] MoveTarget { get; private set; }

    /// <summary>The group a cell's members join when their group splits.</summary>
    public int[] SplitTo { get; private set; }

    /// <summary>The probability that each of a splitting cell's members follows <see cref="SplitTo"/> (read only where it is set).</summary>
    public double[] SplitShare { get; private set; }

    /// <summary>The rivalry weights between groups, pair by pair and by classes of groups that stand alike.</summary>
    public Rivalries Rivalries { get; }

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

    /// <summary>Adds a member and returns its index.</summary>
    public int Add(int group, int place, Tier tier, byte age)
    {
        var i = Append(group, place, tier, age, MemberStatus.Free, 0);
        CountMember(i);
        _countedSinceCensus = true;
        return i;
    }

    /// <summary>
    /// Adds a member already held (recruited inside a prison): pretrial or sentenced, released after a term
    /// drawn with mean <paramref name="meanWeeks"/> (geometric, as the member pass draws terms). Held members
    /// count in no cell until released, and among <see cref="Prisoners"/> at once.
    /// </summary>
    public int AddHeld(int group, int place, Tier tier, byte age, bool pretrial, double meanWeeks, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var release = Week + Math.Min(MaxTerm, Geometric(random, meanWeeks));
        Prisoners++;
        return Append(group, place, tier, age, pretrial ? MemberStatus.PretrialDetained : MemberStatus.Sentenced, release);
    }

    private int Append(int group, int place, Tier tier, byte age, MemberStatus status, int releaseWeek)
    {
        if (Count == Group.Length)
        {
            Grow();
        }

        var i = Count++;
        Group[i] = (short)group;
        Place[i] = (short)place;
        TierOf[i] = tier;
        Status[i] = status;
        ReleaseWeek[i] = releaseWeek;
        Age[i] = age;
        Cell[i] = CellOf(group, place);
        return i;
    }

    /// <summary>Cells (group, municipality) where leaders were removed in the last <see cref="ApplyEvents"/>, for the succession crises (which clear it).</summary>
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

    /// <summary>Groups the state does not target (experiments hold one group's leadership fixed against the baseline's campaign).</summary>
    public bool[] Exempt { get; }

    /// <summary>The rivalry weight between two groups.</summary>
    public double RivalryOf(int a, int b) => Rivalries.Of(a, b);

    /// <summary>Sets the symmetric rivalry weight between two groups.</summary>
    public void SetRivalry(int a, int b, double weight) => Rivalries.Set(a, b, weight);

    /// <summary>Per-cell working space for systems that draw per active cell (their rates, and a second value per cell), grown as needed and reused every week.</summary>
    internal (double[] Rates, double[] Values) CellScratch()
    {
        if (_cellRates.Length < ActiveCells.Count)
        {
            var size = Math.Max(1024, ActiveCells.Count * 2);
            _cellRates = new double[size];
            _cellValues = new double[size];
        }

        return (_cellRates, _cellValues);
    }

    /// <summary>The items a week's scatter over the active cells hit (see <see cref="Distributions.PoissonScatter(Xoshiro256StarStar, ReadOnlySpan{double}, ScatterHits)"/>), reused every week.</summary>
    internal ScatterHits CellHits { get; } = new();

    private double[] _cellRates = [];
    private double[] _cellValues = [];

    // Cells numbered before the per-cell arrays grow: the baseline's world numbers some 37,000 cells of the 740,000 its
    // groups and places allow, so the arrays are sized to the cells in use, not to every pair.
    private const int InitialCellRoom = 16_384;

    // Set while the member pass runs with the per-cell arrays in locals (see EnsureCellRoom).
    private bool _passing;

    // Makes room for extra more cells in every per-cell array (doubling), so that nothing holding one of them, the
    // member pass above all, sees it replaced while cells are numbered.
    private void EnsureCellRoom(int extra)
    {
        var needed = Cells + extra;
        if (needed <= Free.Length)
        {
            return;
        }

        if (_passing)
        {
            // The member pass holds the per-cell arrays in locals: replacing them under it would lose its counts.
            throw new InvalidOperationException($"the member pass numbers more cells than the {Free.Length} it made room for");
        }

        var size = Math.Min(_cellOf.Length, Math.Max(needed, Free.Length * 2));
        var old = Free.Length;
        CellGroup = Resize(CellGroup, size);
        CellPlace = Resize(CellPlace, size);
        Free = Resize(Free, size);
        Middle = Resize(Middle, size);
        Deaths = Resize(Deaths, size);
        Arrests = Resize(Arrests, size);
        Desist = Resize(Desist, size);
        Moves = Resize(Moves, size);
        MoveTarget = Resize(MoveTarget, size);
        SplitTo = Resize(SplitTo, size);
        SplitShare = Resize(SplitShare, size);
        Array.Fill(MoveTarget, NoTarget, old, size - old);
        Array.Fill(SplitTo, NoTarget, old, size - old);
        _seen = Resize(_seen, size);
        _nextEvent = Resize(_nextEvent, size);
        _events.Reserve(size);
        _busy = Resize(_busy, size);
        _activeBits = Resize(_activeBits, (size + 63) / 64);
    }

    private void Grow()
    {
        var size = Math.Max(1024, Group.Length * 2);
        Group = Extend(Group, size);
        Place = Extend(Place, size);
        TierOf = Extend(TierOf, size);
        Status = Extend(Status, size);
        ReleaseWeek = Extend(ReleaseWeek, size);
        Age = Extend(Age, size);
        Cell = Extend(Cell, size);
    }

    // A member attribute's array with room for size members: the slots after the members are written before they are
    // read (Append; the member pass reads a run's last block whole but masks what follows the run), so they are not zeroed.
    private static T[] Extend<T>(T[] array, int size)
    {
        var bigger = GC.AllocateUninitializedArray<T>(size);
        Array.Copy(array, bigger, array.Length);
        return bigger;
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        var bigger = new T[size];
        Array.Copy(array, bigger, array.Length);
        return bigger;
    }

    /// <summary>
    /// The organization of the network <paramref name="group"/> belongs to: itself when it is one of the network's
    /// <paramref name="organizations"/> (a recorded breakaway included), or for a splinter the nearest such above it.
    /// </summary>
    public int OrganizationOf(int group, int organizations)
    {
        while (group >= organizations && Parent[group] >= 0)
        {
            group = Parent[group];
        }

        return group;
    }

    /// <summary>The founding group of <paramref name="group"/>'s lineage (itself unless it is a splinter).</summary>
    public int LineageOf(int group)
    {
        while (Parent[group] >= 0)
        {
            group = Parent[group];
        }

        return group;
    }

    /// <summary>
    /// Splits <paramref name="parent"/>: a new group that inherits its rivalries and becomes its rival; about half
    /// of the parent's members in each of its places follow it when the week's events are applied.
    /// </summary>
    public int Split(int parent)
    {
        var splinter = Groups++;
        Rivalries.Inherit(splinter, parent, BreakawayRivalry);
        BreakAway(parent, splinter, _ => true);
        return splinter;
    }

    /// <summary>
    /// <paramref name="group"/> (already in the world, with its own rivalries) breaks away from <paramref name="parent"/>
    /// and becomes its rival: about half of the parent's members in each of its places where <paramref name="where"/>
    /// holds follow it when the week's events are applied, and the lieutenants who follow take its lead.
    /// </summary>
    public void BreakAway(int parent, int group, Func<int, bool> where) => BreakAway(parent, group, where, [parent]);

    /// <summary>
    /// As <see cref="BreakAway(int, int, Func{int, bool})"/>, with about half of the members of each group of
    /// <paramref name="followers"/> (the parent and the splinters it has thrown off) in the places where
    /// <paramref name="where"/> holds following the breakaway.
    /// </summary>
    public void BreakAway(int parent, int group, Func<int, bool> where, IReadOnlyList<int> followers)
    {
        ArgumentNullException.ThrowIfNull(where);
        BreakAway(parent, group, place => where(place) ? HalfFollow : 0, followers);
    }

    /// <summary>
    /// As <see cref="BreakAway(int, int, Func{int, bool}, IReadOnlyList{int})"/>, with each member of
    /// <paramref name="followers"/> in a place following the breakaway with the probability <paramref name="share"/>
    /// gives the place (0: none follow there; 1: all do).
    /// </summary>
    public void BreakAway(int parent, int group, Func<int, double> share, IReadOnlyList<int> followers)
    {
        ArgumentNullException.ThrowIfNull(share);
        ArgumentNullException.ThrowIfNull(followers);
        Parent[group] = parent;
        SetRivalry(group, parent, Math.Max(BreakawayRivalry, RivalryOf(group, parent)));
        foreach (var from in followers)
        {
            foreach (var c in CellsOfGroup(from))
            {
                var follow = share(CellPlace[c]);
                if (follow > 0)
                {
                    SplitTo[c] = group;
                    SplitShare[c] = Math.Min(1, follow);
                }
            }
        }

        CrisisLeft[group] = 0;
    }

    /// <summary>The share of a splitting cell's members who follow the splinter when nothing else is said: a coin per member.</summary>
    public const double HalfFollow = 0.5;
}
