namespace Paz.Planning.Deployment;

/// <summary>The plan's three insecurity classes of a Guard region.</summary>
public enum InsecurityClass
{
    /// <summary>Low insecurity: 300 personnel by the plan's rule.</summary>
    Low,

    /// <summary>Medium insecurity: 450 personnel.</summary>
    Medium,

    /// <summary>High insecurity: 600 personnel.</summary>
    High,
}

/// <summary>Personnel per region by class; the plan's sizes are 300, 450 and 600.</summary>
/// <param name="Low">Personnel for a low-insecurity region.</param>
/// <param name="Medium">Personnel for a medium-insecurity region.</param>
/// <param name="High">Personnel for a high-insecurity region.</param>
public sealed record Contingents(int Low = 300, int Medium = 450, int High = 600)
{
    /// <summary>The contingent of a class.</summary>
    public int Of(InsecurityClass c) => c switch
    {
        InsecurityClass.Low => Low,
        InsecurityClass.Medium => Medium,
        _ => High,
    };
}
