namespace Paz.Core.Territory;

/// <summary>How two municipalities touch.</summary>
public enum Contact
{
    /// <summary>They share a boundary line.</summary>
    Border,

    /// <summary>They touch at a vertex only.</summary>
    Point,
}

/// <summary>An undirected adjacency between two municipalities.</summary>
/// <param name="A">The lower code of the pair.</param>
/// <param name="B">The higher code of the pair.</param>
/// <param name="Contact">Shared line or vertex.</param>
/// <param name="SharedBorderKm">Approximate length of the shared boundary, km.</param>
public sealed record Adjacency(MunicipalityCode A, MunicipalityCode B, Contact Contact, double SharedBorderKm)
{
    /// <summary>Whether the pair crosses a state line.</summary>
    public bool CrossesStateLine => A.State != B.State;
}
