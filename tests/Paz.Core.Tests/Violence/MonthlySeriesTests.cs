using Paz.Core.Territory;
using Paz.Core.Violence;

namespace Paz.Core.Tests.Violence;

public class MonthlySeriesTests
{
    private static readonly MunicipalityCode A = new("01001");
    private static readonly MunicipalityCode B = new("01002");

    // Two places, 14 months from November 2017 to December 2018.
    private static MonthlySeries<MunicipalityCode> Series() =>
        new([A, B], new YearMonth(2017, 11), 14, [.. Enumerable.Range(1, 14), .. Enumerable.Repeat(2, 14)]);

    [Fact]
    public void YearTotalsCountOnlyTheMonthsOfThatYear()
    {
        var s = Series();
        Assert.Equal(1 + 2, s.YearTotal(A, 2017));
        Assert.Equal(Enumerable.Range(3, 12).Sum(), s.YearTotal(A, 2018));
        Assert.Equal(Enumerable.Range(3, 12).Sum() + 24, s.YearTotal(2018));
        Assert.Equal(0, s.YearTotal(A, 2016));
    }

    [Fact]
    public void IndexesByPlaceAndMonth()
    {
        var s = Series();
        Assert.Equal(3, s[A, new YearMonth(2018, 1)]);
        Assert.Equal(new YearMonth(2018, 12), s.Last);
        Assert.Throws<ArgumentOutOfRangeException>(() => s[A, new YearMonth(2019, 1)]);
    }

    [Fact]
    public void RefusesNegativeCounts()
    {
        Assert.Throws<ArgumentException>(() => new MonthlySeries<MunicipalityCode>([A], new YearMonth(2018, 1), 1, [-1]));
    }

    [Fact]
    public void RatesAreUndefinedWithoutAPopulation()
    {
        Assert.Null(Rates.Per100k(5, null));
        Assert.Null(Rates.Per100k(5, 0));
        Assert.Equal(25.0, Rates.Per100k(25, 100_000));
    }
}
