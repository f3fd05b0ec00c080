namespace Paz.Simulation.Agents;

/// <summary>
/// The rivalry weights between groups, kept twice: pair by pair, and as classes of groups that stand alike toward
/// every other group (<see cref="ClassOf"/>): any two groups of one class weigh <see cref="Within"/> of that class,
/// and a group of class c and one of class d weigh <see cref="Between"/>(c, d). A splinter inherits its parent's
/// rivalries and becomes a rival of its whole lineage, so a lineage is one class and a place where a hundred of its
/// splinters meet holds a handful of classes: conflict sums over the classes present (O(groups + classes²)) instead
/// of over pairs of groups (O(groups²)), with the same weights.
/// </summary>
/// <remarks>
/// The classes are exact, not an approximation: <see cref="Set"/> takes the two groups out of their classes before
/// it gives them a weight their classes do not share, so <see cref="Of"/> and the classes always agree
/// (<see cref="AgreesWithPairs"/> checks it). Class ids are drawn from the group ids: there are never more
/// classes than groups.
/// </remarks>
public sealed class Rivalries
{
    private readonly int _max;
    private readonly double[] _pairs;
    private readonly double[] _between;
    private readonly double[] _within;
    private readonly int[] _classOf;
    private readonly int[] _size;
    private readonly Stack<int> _free = new();

    /// <summary>Room for <paramref name="maxGroups"/> groups, each its own class, no rivalries.</summary>
    public Rivalries(int maxGroups)
    {
        _max = maxGroups;
        _pairs = new double[maxGroups * maxGroups];
        _between = new double[maxGroups * maxGroups];
        _within = new double[maxGroups];
        _classOf = [.. Enumerable.Range(0, maxGroups)];
        _size = Enumerable.Repeat(1, maxGroups).ToArray();
    }

    /// <summary>The class of each group.</summary>
    public ReadOnlySpan<int> ClassOf => _classOf;

    /// <summary>The rivalry weight between two groups.</summary>
    public double Of(int a, int b) => _pairs[(a * _max) + b];

    /// <summary>The weight between any two groups of <paramref name="rivalryClass"/> (meaningless for a class of one group).</summary>
    public double Within(int rivalryClass) => _within[rivalryClass];

    /// <summary>The weight between a group of class <paramref name="c"/> and one of class <paramref name="d"/> (c ≠ d).</summary>
    public double Between(int c, int d) => _between[(c * _max) + d];

    /// <summary>Sets the symmetric rivalry weight between two groups.</summary>
    public void Set(int a, int b, double weight)
    {
        _pairs[(a * _max) + b] = weight;
        _pairs[(b * _max) + a] = weight;
        if (_classOf[a] == _classOf[b] && _within[_classOf[a]] == weight)
        {
            return;
        }

        Isolate(a);
        Isolate(b);
        _between[(_classOf[a] * _max) + _classOf[b]] = weight;
        _between[(_classOf[b] * _max) + _classOf[a]] = weight;
    }

    /// <summary>
    /// Gives <paramref name="splinter"/> (a group with no rivalries yet) the rivalries of <paramref name="parent"/> and
    /// makes the two rivals of weight <paramref name="between"/>: the splinter joins its parent's class when that class
    /// is the parent alone or already weighs <paramref name="between"/> within.
    /// </summary>
    public void Inherit(int splinter, int parent, double between)
    {
        for (var other = 0; other < _max; other++)
        {
            _pairs[(splinter * _max) + other] = _pairs[(parent * _max) + other];
            _pairs[(other * _max) + splinter] = _pairs[(other * _max) + parent];
        }

        // The splinter stands as its parent's class does toward everyone; if that class weighs otherwise within than
        // the splinter and its parent do, Set takes the two out of it.
        var c = _classOf[parent];
        if (_size[c] == 1)
        {
            _within[c] = between;
        }

        Move(splinter, c);
        Set(splinter, parent, between);
    }

    /// <summary>Whether the classes give every pair among the first <paramref name="groups"/> groups its own weight.</summary>
    public bool AgreesWithPairs(int groups)
    {
        for (var a = 0; a < groups; a++)
        {
            for (var b = 0; b < groups; b++)
            {
                var c = _classOf[a];
                var d = _classOf[b];
                var classes = a == b ? 0 : c == d ? _within[c] : _between[(c * _max) + d];
                if (classes != Of(a, b))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // Takes a group out of its class into a class of its own that stands as the old one did toward every class,
    // the old one included (it weighs toward it what the old class weighed within).
    private void Isolate(int group)
    {
        var c = _classOf[group];
        if (_size[c] == 1)
        {
            return;
        }

        var own = Fresh();
        CopyClass(c, own);
        _between[(own * _max) + c] = _within[c];
        _between[(c * _max) + own] = _within[c];
        Move(group, own);
    }

    private void Move(int group, int to)
    {
        var from = _classOf[group];
        if (--_size[from] == 0)
        {
            _free.Push(from);
        }

        _classOf[group] = to;
        _size[to]++;
    }

    // An empty class id: a group's own id left when it joined another class.
    private int Fresh()
    {
        var id = _free.Pop();
        _within[id] = 0;
        return id;
    }

    private void CopyClass(int from, int to)
    {
        for (var d = 0; d < _max; d++)
        {
            _between[(to * _max) + d] = _between[(from * _max) + d];
            _between[(d * _max) + to] = _between[(d * _max) + from];
        }

        _between[(to * _max) + to] = 0;
    }
}
