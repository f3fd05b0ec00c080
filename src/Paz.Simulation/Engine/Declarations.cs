using System.Collections.Frozen;
using Paz.Core.Parameters;

namespace Paz.Simulation.Engine;

/// <summary>
/// Every parameter and lever the engine knows: those of the world itself (<see cref="WorldParameters"/>)
/// and those each registered mechanism declares beside its code. This is the one list the scenario reader,
/// the calibration, <c>paz params</c> and the documentation read.
/// </summary>
public static class Declarations
{
    // Who declares what: the world's shared lists, then each registered mechanism in schedule order.
    private static readonly (string Owner, IReadOnlyList<ParameterSpec> Specs)[] Declared =
    [
        ("world", WorldParameters.All),
        ("world", ReformLevers.All),
        ("world", ForceLevers.All),
        ("world", Explanations.All),
        .. Schedule.Mechanisms.Concat(Schedule.AfterEvents).Select(m => (m.Name, m.Declares)),
    ];

    /// <summary>All declarations, the world's first, then each mechanism's in schedule order.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } = Build();

    private static readonly FrozenDictionary<string, int> IndexByName =
        All.Select((spec, i) => (spec.Name, i)).ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>Which mechanism (or "world") declares each name.</summary>
    public static IReadOnlyDictionary<string, string> Owner { get; } =
        Declared.SelectMany(d => d.Specs.Select(s => (s.Name, d.Owner))).ToFrozenDictionary(x => x.Name, x => x.Owner, StringComparer.Ordinal);

    /// <summary>The declaration named <paramref name="name"/>, or null.</summary>
    public static ParameterSpec? Find(string name) => IndexByName.TryGetValue(name, out var i) ? All[i] : null;

    /// <summary>The position of <paramref name="name"/> in <see cref="All"/>.</summary>
    /// <exception cref="ArgumentException">No such parameter or lever.</exception>
    public static int IndexOf(string name) =>
        IndexByName.TryGetValue(name, out var i) ? i : throw new ArgumentException($"unknown parameter or lever '{name}'", nameof(name));

    /// <summary>The model parameters (not levers).</summary>
    public static IEnumerable<ParameterSpec> Parameters => All.Where(s => !s.IsLever);

    /// <summary>The policy levers.</summary>
    public static IEnumerable<ParameterSpec> Levers => All.Where(s => s.IsLever);

    private static List<ParameterSpec> Build()
    {
        var all = Declared.SelectMany(d => d.Specs).ToList();
        var twice = all.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? all : throw new InvalidOperationException($"'{twice.Key}' is declared twice: a parameter belongs to one mechanism");
    }
}
