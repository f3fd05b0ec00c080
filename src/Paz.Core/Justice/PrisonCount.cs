namespace Paz.Core.Justice;

/// <summary>People held in prison, by legal status.</summary>
/// <param name="Pretrial">Held without a sentence ("sin sentencia").</param>
/// <param name="Sentenced">Serving a sentence.</param>
public readonly record struct PrisonCount(double Pretrial, double Sentenced)
{
    /// <summary>Everyone held.</summary>
    public double Total => Pretrial + Sentenced;

    /// <summary>The share held without a sentence (0 when no one is held).</summary>
    public double PretrialShare => Total > 0 ? Pretrial / Total : 0;

    /// <summary>This count scaled so that its total is <paramref name="total"/>, the shares kept.</summary>
    public PrisonCount ScaledTo(double total) => Total > 0 ? new(total * PretrialShare, total * (1 - PretrialShare)) : default;
}
