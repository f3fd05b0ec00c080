using System.Collections.Frozen;
using Paz.Core.Common;

namespace Paz.Core.Territory;

/// <summary>
/// Mexico's territory as Paz sees it: states, municipalities with their census populations,
/// who borders whom, and simplified boundaries for maps. Immutable once built.
/// </summary>
public sealed class Atlas
{
    private readonly FrozenDictionary<StateCode, State> _states;
    private readonly FrozenDictionary<StateCode, int> _stateIndex;
    private readonly FrozenDictionary<MunicipalityCode, int> _index;
    private readonly MunicipalityCode[][] _neighbours;

    /// <summary>Builds an atlas, checking that every reference points at something that exists.</summary>
    /// <exception cref="ArgumentException">A code is duplicated or names nothing in the atlas.</exception>
    public Atlas(
        IEnumerable<State> states,
        IEnumerable<Municipality> municipalities,
        IEnumerable<Adjacency> adjacencies,
        IEnumerable<Shape>? municipalShapes = null,
        IEnumerable<Shape>? stateShapes = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(adjacencies);

        States = [.. states.OrderBy(s => s.Code)];
        Check.Require(States.Select(s => s.Code).Distinct().Count() == States.Count, "a state code appears twice");
        _states = States.ToFrozenDictionary(s => s.Code);
        _stateIndex = States.Select((s, i) => (s.Code, i)).ToFrozenDictionary(x => x.Code, x => x.i);

        Municipalities = [.. municipalities.OrderBy(m => m.Code)];
        var index = new Dictionary<MunicipalityCode, int>(Municipalities.Count);
        for (var i = 0; i < Municipalities.Count; i++)
        {
            var m = Municipalities[i];
            Check.Require(index.TryAdd(m.Code, i), $"municipality {m.Code} appears twice");
            Check.Require(_states.ContainsKey(m.State), $"municipality {m.Code} names unknown state {m.State}");
        }

        _index = index.ToFrozenDictionary();

        Adjacencies = [.. adjacencies];
        var lists = Municipalities.Select(_ => new List<MunicipalityCode>()).ToArray();
        foreach (var a in Adjacencies)
        {
            Check.Require(_index.TryGetValue(a.A, out var ia), $"adjacency names unknown municipality {a.A}");
            Check.Require(_index.TryGetValue(a.B, out var ib), $"adjacency names unknown municipality {a.B}");
            Check.Require(ia != ib, $"municipality {a.A} cannot neighbour itself");
            lists[ia].Add(a.B);
            lists[ib].Add(a.A);
        }

        _neighbours = [.. lists.Select(l => l.Distinct().Order().ToArray())];
        MunicipalShapes = (municipalShapes ?? []).ToFrozenDictionary(s => s.Id);
        StateShapes = (stateShapes ?? []).ToFrozenDictionary(s => s.Id);
    }

    /// <summary>The states, in code order.</summary>
    public IReadOnlyList<State> States { get; }

    /// <summary>The municipalities, in code order.</summary>
    public IReadOnlyList<Municipality> Municipalities { get; }

    /// <summary>Every adjacency, each pair once.</summary>
    public IReadOnlyList<Adjacency> Adjacencies { get; }

    /// <summary>Simplified municipal boundaries by cve_mun (may be empty if none were loaded).</summary>
    public IReadOnlyDictionary<string, Shape> MunicipalShapes { get; }

    /// <summary>Simplified state boundaries by cve_ent (may be empty if none were loaded).</summary>
    public IReadOnlyDictionary<string, Shape> StateShapes { get; }

    /// <summary>Whether the atlas has a municipality with this code.</summary>
    public bool Contains(MunicipalityCode code) => _index.ContainsKey(code);

    /// <summary>Whether the atlas has a state with this code.</summary>
    public bool Contains(StateCode code) => _states.ContainsKey(code);

    /// <summary>The position of a municipality in <see cref="Municipalities"/>.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the atlas.</exception>
    public int IndexOf(MunicipalityCode code) =>
        _index.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"municipality {code} is not in the atlas");

    /// <summary>The position of a state in <see cref="States"/>.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the atlas.</exception>
    public int StateIndexOf(StateCode code) =>
        TryStateIndexOf(code, out var i) ? i : throw new KeyNotFoundException($"state {code} is not in the atlas");

    /// <summary>The position of a state in <see cref="States"/>, where the code is in the atlas (for readers that report a bad row).</summary>
    public bool TryStateIndexOf(StateCode code, out int index) => _stateIndex.TryGetValue(code, out index);

    /// <summary>
    /// The position in <see cref="States"/> of the state INEGI numbers <paramref name="number"/>, as files that drop the
    /// code's leading zero write it (1 for "01").
    /// </summary>
    public int StateIndexOf(int number) => StateIndexOf(new StateCode(number.ToString("00", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The municipality with this code.</summary>
    public Municipality this[MunicipalityCode code] => Municipalities[IndexOf(code)];

    /// <summary>The state with this code.</summary>
    public State this[StateCode code] =>
        _states.TryGetValue(code, out var s) ? s : throw new KeyNotFoundException($"state {code} is not in the atlas");

    /// <summary>The municipalities that share a boundary or a vertex with <paramref name="code"/>, in code order.</summary>
    public IReadOnlyList<MunicipalityCode> Neighbours(MunicipalityCode code) => _neighbours[IndexOf(code)];

    /// <summary>National population in <paramref name="year"/> (see <see cref="CensusPopulation"/>).</summary>
    public double Population(int year) => Municipalities.Sum(m => m.Population.In(year) ?? 0);

    /// <summary>A state's population in <paramref name="year"/>, the sum of its municipalities.</summary>
    public double Population(StateCode state, int year) =>
        Municipalities.Where(m => m.State == state).Sum(m => m.Population.In(year) ?? 0);
}
