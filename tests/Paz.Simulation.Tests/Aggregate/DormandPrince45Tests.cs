using Paz.Simulation.Aggregate;

namespace Paz.Simulation.Tests.Aggregate;

public class DormandPrince45Tests
{
    [Fact]
    public void SolvesTheLogisticEquationToTolerance()
    {
        // y' = r y (1 - y/K) has y(t) = K / (1 + (K/y0 - 1) e^{-rt}).
        const double r = 0.3, k = 1000, y0 = 10;
        var solver = new DormandPrince45(1, 1e-10, 1e-10);
        var y = new[] { y0 };
        for (var t = 0; t < 50; t++)
        {
            solver.Integrate((_, s, d) => d[0] = r * s[0] * (1 - (s[0] / k)), t, t + 1, y);
            var exact = k / (1 + (((k / y0) - 1) * Math.Exp(-r * (t + 1))));
            Assert.Equal(exact, y[0], 1e-6 * exact);
        }

        Assert.True(solver.AcceptedSteps >= 50);
    }

    [Fact]
    public void TakesFewerStepsWhenAllowedMoreError()
    {
        static int Steps(double tolerance)
        {
            var solver = new DormandPrince45(2, tolerance, tolerance);
            var y = new[] { 1.0, 0.0 };
            solver.Integrate((_, s, d) => { d[0] = s[1]; d[1] = -s[0]; }, 0, 100, y);
            return solver.AcceptedSteps;
        }

        Assert.True(Steps(1e-4) < Steps(1e-10));
    }
}
