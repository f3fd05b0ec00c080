namespace Paz.Core.Amnesty;

/// <summary>
/// Three-valued truth (Kleene): a condition over a fact the case does not state is Unknown, so the
/// screener sends the case to review instead of guessing.
/// </summary>
public enum Truth
{
    /// <summary>The condition does not hold on the stated facts.</summary>
    False,

    /// <summary>The condition holds on the stated facts.</summary>
    True,

    /// <summary>A fact the condition needs is not stated.</summary>
    Unknown,
}

/// <summary>Kleene's strong three-valued connectives.</summary>
public static class TruthLogic
{
    /// <summary>Negation: Unknown stays Unknown.</summary>
    public static Truth Not(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    /// <summary>Conjunction: False wins, then Unknown.</summary>
    public static Truth And(Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.True;

    /// <summary>
    /// Combines the parts left to right with <paramref name="combine"/> from <paramref name="identity"/>,
    /// stopping once the result is the opposite of the identity (False for all, True for any): the
    /// explanation then lists only the facts that decided.
    /// </summary>
    public static Truth Fold(IReadOnlyList<Condition> parts, ConditionScope scope, Truth identity, Func<Truth, Truth, Truth> combine)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(combine);
        var decided = Not(identity);
        var result = identity;
        foreach (var part in parts)
        {
            result = combine(result, part.Evaluate(scope));
            if (result == decided)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Disjunction: True wins, then Unknown.</summary>
    public static Truth Or(Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True
        : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown
        : Truth.False;
}
