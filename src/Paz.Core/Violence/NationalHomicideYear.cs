namespace Paz.Core.Violence;

/// <summary>
/// INEGI's national homicide count for one year by year of <em>registration</em> (the headline
/// series), which differs a little from the sum of municipal counts by year of occurrence.
/// </summary>
/// <param name="Year">Calendar year of registration.</param>
/// <param name="Definitive">Definitive count, when published.</param>
/// <param name="Preliminary">Preliminary count, when published.</param>
/// <param name="PublishedRate">Rate per 100,000 as INEGI published it, when known.</param>
/// <param name="RateStatus">How the published rate was given ("rounded", "definitive"), when known.</param>
/// <param name="MidyearPopulation">Mid-year population used for the computed rate, when known.</param>
public sealed record NationalHomicideYear(
    int Year,
    int? Definitive,
    int? Preliminary,
    double? PublishedRate,
    string? RateStatus,
    double? MidyearPopulation)
{
    /// <summary>The best count available: definitive, else preliminary.</summary>
    public int? Count => Definitive ?? Preliminary;

    /// <summary>Whether <see cref="Count"/> is the preliminary figure.</summary>
    public bool IsPreliminary => Definitive is null && Preliminary is not null;

    /// <summary>The rate per 100,000: the published one where there is one, else computed from the count.</summary>
    public double? Rate => PublishedRate is { } published && RateStatus == "definitive"
        ? published
        : Count is { } c ? Rates.Per100k(c, MidyearPopulation) : PublishedRate;
}
