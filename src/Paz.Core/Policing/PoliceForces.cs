using Paz.Core.Territory;

namespace Paz.Core.Policing;

/// <summary>How a municipality's or a state's police figure was obtained.</summary>
public enum PoliceFigureOrigin
{
    /// <summary>Reported by the source.</summary>
    Reported,

    /// <summary>Missing in the source; imputed from comparable places (see <see cref="PoliceImputation"/>).</summary>
    Imputed,

    /// <summary>No municipal police by law: the state government polices the place (Mexico City's alcaldías).</summary>
    PolicedByState,
}

/// <summary>A density of police and where it comes from.</summary>
/// <param name="PerHundredThousand">Operational police per 100,000 inhabitants.</param>
/// <param name="Origin">Reported, imputed, or policed by the state.</param>
public readonly record struct PoliceFigure(double PerHundredThousand, PoliceFigureOrigin Origin);

/// <summary>The share of a state's police who failed vetting (control de confianza), and where it comes from.</summary>
/// <param name="FailedShare">Failed as a share of those evaluated.</param>
/// <param name="Origin">Reported, or imputed from the national remainder.</param>
public readonly record struct VettingFigure(double FailedShare, PoliceFigureOrigin Origin);

/// <summary>
/// Civilian police where people live: each municipality's own operational police and its state's
/// preventive police, both as densities per 100,000 inhabitants. Densities, not headcounts, because the
/// sources measure them in different years (municipal 2010, state 2017): a place keeps its density as
/// its population changes (assumed; no later municipal census table was found).
/// </summary>
public sealed class PoliceForces
{
    private readonly Atlas _atlas;
    private readonly PoliceFigure[] _municipal;
    private readonly Dictionary<StateCode, PoliceFigure> _state;
    private readonly Dictionary<StateCode, VettingFigure> _vetting;

    /// <summary>Police of every municipality (atlas order) and every state of <paramref name="atlas"/>.</summary>
    /// <param name="atlas">The territory.</param>
    /// <param name="municipal">Municipal police of each atlas municipality, in atlas order.</param>
    /// <param name="state">State preventive police of every state.</param>
    /// <param name="source">Where the figures come from, in words.</param>
    /// <param name="vetting">Share of each state's police who failed vetting, or null: none known (0 everywhere).</param>
    public PoliceForces(Atlas atlas, IReadOnlyList<PoliceFigure> municipal, IReadOnlyDictionary<StateCode, PoliceFigure> state, string source, IReadOnlyDictionary<StateCode, VettingFigure>? vetting = null)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(municipal);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (municipal.Count != atlas.Municipalities.Count)
        {
            throw new ArgumentException($"expected a municipal figure for each of the atlas's {atlas.Municipalities.Count} municipalities, got {municipal.Count}", nameof(municipal));
        }

        if (atlas.States.FirstOrDefault(s => !state.ContainsKey(s.Code)) is { } missing)
        {
            throw new ArgumentException($"no state police figure for {missing.Name}", nameof(state));
        }

        _atlas = atlas;
        _municipal = [.. municipal];
        _state = new Dictionary<StateCode, PoliceFigure>(state);
        _vetting = vetting is null ? [] : new Dictionary<StateCode, VettingFigure>(vetting);
        Source = source;
    }

    /// <summary>Where the figures come from.</summary>
    public string Source { get; }

    /// <summary>Municipal police of each atlas municipality (atlas order).</summary>
    public IReadOnlyList<PoliceFigure> Municipal => _municipal;

    /// <summary>The state preventive police of <paramref name="state"/>.</summary>
    public PoliceFigure State(StateCode state) => _state[state];

    /// <summary>The share of <paramref name="state"/>'s police who failed vetting (0 where none is known).</summary>
    public VettingFigure Vetting(StateCode state) => _vetting.GetValueOrDefault(state);

    /// <summary>Municipal and state police per 100,000 inhabitants of the atlas municipality <paramref name="municipality"/>.</summary>
    public double PerHundredThousand(int municipality) =>
        _municipal[municipality].PerHundredThousand + _state[_atlas.Municipalities[municipality].State].PerHundredThousand;

    /// <summary>Officers in the atlas municipality <paramref name="municipality"/> in <paramref name="year"/> (0 before its first census count).</summary>
    public double Officers(int municipality, int year) =>
        PerHundredThousand(municipality) * (_atlas.Municipalities[municipality].Population.In(year) ?? 0) / 100_000;

    /// <summary>Municipal and state officers nationally in <paramref name="year"/>.</summary>
    public double National(int year) => Enumerable.Range(0, _municipal.Length).Sum(m => Officers(m, year));
}
