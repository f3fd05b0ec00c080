namespace Paz.Core.Amnesty;

/// <summary>A fact a condition read while it was evaluated, for the explanation (null value: not stated).</summary>
/// <param name="Path">The fact.</param>
/// <param name="Offence">The offence's position in the case (1-based), or 0 for a case-level fact.</param>
/// <param name="Value">The stated value, or null when the case does not state it.</param>
public sealed record FactUse(string Path, int Offence, FactValue? Value)
{
    /// <summary>As read aloud: <c>offence 2: offence.firearm = yes</c>.</summary>
    public override string ToString() =>
        $"{(Offence > 0 ? $"offence {Offence}: " : string.Empty)}{Path} = {(Value is { } v ? v.ToString() : "not stated")}";
}

/// <summary>Where a condition is evaluated: the case and, inside a per-offence rule, one offence.</summary>
public sealed class ConditionScope
{
    private readonly List<FactUse> _uses = [];

    /// <summary>A scope over the case; <paramref name="offence"/> is the 0-based offence or -1.</summary>
    public ConditionScope(AmnestyCase @case, int offence = -1)
    {
        Case = @case ?? throw new ArgumentNullException(nameof(@case));
        Offence = offence;
    }

    /// <summary>The case.</summary>
    public AmnestyCase Case { get; }

    /// <summary>The offence in scope (0-based), or -1.</summary>
    public int Offence { get; private set; }

    /// <summary>The facts read so far.</summary>
    public IReadOnlyList<FactUse> Uses => _uses;

    /// <summary>Reads a fact, recording the use.</summary>
    public FactValue? Read(string path)
    {
        FactValue? value;
        int offence;
        if (path.StartsWith(FactCatalog.OffencePrefix, StringComparison.Ordinal))
        {
            if (Offence < 0)
            {
                throw new InvalidOperationException($"'{path}' read outside an offence (the rule file reader refuses this)");
            }

            value = Case.Offences[Offence].TryGetValue(path, out var v) ? v : null;
            offence = Offence + 1;
        }
        else
        {
            value = Case.Facts.TryGetValue(path, out var v) ? v : null;
            offence = 0;
        }

        var use = new FactUse(path, offence, value);
        if (!_uses.Contains(use))
        {
            _uses.Add(use);
        }

        return value;
    }

    /// <summary>Runs <paramref name="body"/> with <paramref name="offence"/> in scope.</summary>
    public T Within<T>(int offence, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var saved = Offence;
        Offence = offence;
        try
        {
            return body();
        }
        finally
        {
            Offence = saved;
        }
    }
}

/// <summary>A condition over a case's facts, read from a rule file.</summary>
public abstract record Condition
{
    /// <summary>Evaluates the condition, recording the facts it reads in <paramref name="scope"/>.</summary>
    public abstract Truth Evaluate(ConditionScope scope);

    /// <summary>Every fact path the condition reads (for validation).</summary>
    public abstract IEnumerable<string> Paths();
}

/// <summary>All of the parts hold. Stops at the first part that fails, so the explanation lists only the facts that decided.</summary>
public sealed record AllOf(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc/>
    public override Truth Evaluate(ConditionScope scope) => TruthLogic.Fold(Parts, scope, Truth.True, TruthLogic.And);

    /// <inheritdoc/>
    public override IEnumerable<string> Paths() => Parts.SelectMany(p => p.Paths());
}

/// <summary>At least one of the parts holds. Stops at the first part that holds.</summary>
public sealed record AnyOf(IReadOnlyList<Condition> Parts) : Condition
{
    /// <inheritdoc/>
    public override Truth Evaluate(ConditionScope scope) => TruthLogic.Fold(Parts, scope, Truth.False, TruthLogic.Or);

    /// <inheritdoc/>
    public override IEnumerable<string> Paths() => Parts.SelectMany(p => p.Paths());
}

/// <summary>The part does not hold.</summary>
public sealed record NotThis(Condition Part) : Condition
{
    /// <inheritdoc/>
    public override Truth Evaluate(ConditionScope scope) => TruthLogic.Not(Part.Evaluate(scope));

    /// <inheritdoc/>
    public override IEnumerable<string> Paths() => Part.Paths();
}

/// <summary>The part holds for at least one offence (<paramref name="Every"/> false) or for every offence.</summary>
public sealed record ForOffences(bool Every, Condition Part) : Condition
{
    /// <inheritdoc/>
    public override Truth Evaluate(ConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = Every ? Truth.True : Truth.False;
        for (var i = 0; i < scope.Case.Offences.Count; i++)
        {
            var index = i;
            var one = scope.Within(index, () => Part.Evaluate(scope));
            result = Every ? TruthLogic.And(result, one) : TruthLogic.Or(result, one);
        }

        return result;
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Paths() => Part.Paths();
}

/// <summary>How a fact test compares.</summary>
public enum FactTest
{
    /// <summary>A boolean fact has the given value.</summary>
    Is,

    /// <summary>The fact equals the value.</summary>
    EqualsValue,

    /// <summary>The fact is one of the values.</summary>
    In,

    /// <summary>A number is at least the value.</summary>
    AtLeast,

    /// <summary>A number is at most the value.</summary>
    AtMost,

    /// <summary>A date is strictly before the value.</summary>
    Before,
}

/// <summary>A test on one fact; Unknown when the case does not state it.</summary>
public sealed record FactCondition(string Path, FactTest Test, IReadOnlyList<FactValue> Values) : Condition
{
    /// <inheritdoc/>
    public override Truth Evaluate(ConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Read(Path) is not { } value)
        {
            return Truth.Unknown;
        }

        var holds = Test switch
        {
            FactTest.Is or FactTest.EqualsValue => value == Values[0],
            FactTest.In => Values.Contains(value),
            FactTest.AtLeast => value.Number >= Values[0].Number,
            FactTest.AtMost => value.Number <= Values[0].Number,
            FactTest.Before => value.Date < Values[0].Date,
            _ => throw new InvalidOperationException($"unknown test {Test}"),
        };
        return holds ? Truth.True : Truth.False;
    }

    /// <inheritdoc/>
    public override IEnumerable<string> Paths() => [Path];
}
