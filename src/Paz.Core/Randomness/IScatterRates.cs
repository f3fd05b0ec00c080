namespace Paz.Core.Randomness;

/// <summary>
/// The items' rates of a Poisson scatter, computed as the scatter totals them (see
/// <see cref="Distributions.PoissonScatter{TRates}(Xoshiro256StarStar, int, TRates, ScatterHits)"/>).
/// </summary>
public interface IScatterRates
{
    /// <summary>The mean count of <paramref name="item"/>; called once per item, in increasing order.</summary>
    double Rate(int item);
}
