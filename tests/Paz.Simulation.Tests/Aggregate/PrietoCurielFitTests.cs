using Paz.Data;
using Paz.Data.Homicides;
using Paz.Simulation.Aggregate;

namespace Paz.Simulation.Tests.Aggregate;

public class PrietoCurielFitTests
{
    private static readonly PrietoCurielModel Model = new(PublishedNetwork.Instance);

    private static List<(int Year, double Casualties)> Casualties() =>
        [.. HomicideLoader.ReadNationalFlows(DataDirectory.Locate().NationalFlows).Select(f => (f.Year, (double)(f.Homicides + f.MissingPersons)))];

    [Fact]
    public void TheRefitIsNoWorseThanThePublishedParametersAndStaysWithinTheBounds()
    {
        var result = PrietoCurielFit.Fit(Model, Casualties(), maximumIterations: 400);
        Assert.True(result.SumOfSquares <= result.PublishedSumOfSquares, $"refit {result.SumOfSquares} vs published {result.PublishedSumOfSquares}");
        var values = result.Parameters.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(PrietoCurielParameters.Specs[i].Admits(values[i]), $"{PrietoCurielParameters.Specs[i].Name} = {values[i]} is outside its bounds");
        }

        Assert.Equal(Enumerable.Range(2012, 7), result.Years.Select(y => y.Year));
    }

    [Fact]
    public void OutcomesAfter2018MayNotEnterTheFit()
    {
        var error = Assert.Throws<ArgumentException>(() => PrietoCurielFit.Fit(Model, [(2018, 50_000), (2019, 55_000)]));
        Assert.Contains("validation only", error.Message, StringComparison.Ordinal);
    }
}
