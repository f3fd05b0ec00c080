using Paz.Core.Organizations;
using Paz.Core.Randomness;

namespace Paz.Simulation.Aggregate;

/// <summary>
/// Paz's aggregate ("mean-field") engine: the national model of cartel size, recruitment,
/// incapacitation and conflict deaths of Prieto-Curiel, Campedelli &amp; Hope (2023), written from
/// the published equations. For each group i of size C_i, with T = Σ C:
/// <code>dC_i/dt = C_i · (ρ − η/T − θ·(M·C)_i − ω·C_i)</code>
/// Weekly flows: recruits ρT, incapacitations η, conflict deaths θ·C'MC, saturation ω·Σ C_i².
/// The flows are integrated alongside the sizes, so each week's members change by exactly
/// recruits − deaths − incapacitations − saturation, to integration tolerance.
/// </summary>
public sealed class PrietoCurielModel
{
    /// <summary>Calendar date of week 0: the model starts in January 2012.</summary>
    public static readonly DateOnly Start = new(2012, 1, 1);

    private const int Flows = 4;

    /// <summary>Prepares the model for a network: groups ordered by strength, conflict matrix built.</summary>
    public PrietoCurielModel(GroupNetwork network)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Order = network.StrengthOrder;
        Conflict = new ConflictMatrix(network, Order);
    }

    /// <summary>The network the model runs on.</summary>
    public GroupNetwork Network { get; }

    /// <summary>Model index k is network group Order[k]: strongest first.</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>The conflict matrix in model order.</summary>
    public ConflictMatrix Conflict { get; }

    /// <summary>Initial sizes proportional to 1/k (k = 1 for the strongest group), summing to <paramref name="members"/>.</summary>
    public double[] ExpectedInitialSizes(double members)
    {
        var harmonic = Enumerable.Range(1, Order.Count).Sum(k => 1.0 / k);
        return [.. Enumerable.Range(1, Order.Count).Select(k => members / (k * harmonic))];
    }

    /// <summary>Initial sizes drawn from Poisson distributions with the expected sizes as means, as the authors' code does.</summary>
    public double[] PoissonInitialSizes(double members, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return [.. ExpectedInitialSizes(members).Select(lambda => (double)random.Poisson(lambda))];
    }

    /// <summary>
    /// Runs <paramref name="weeks"/> weeks from January 2012, switching to <paramref name="experiment"/>'s
    /// levers at its week if given; initial sizes default to the expected ones.
    /// </summary>
    public AggregateRun Run(PrietoCurielParameters parameters, int weeks, PolicyExperiment? experiment = null, double[]? initialSizes = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Core.Common.Check.Require(weeks > 0, "a run needs at least one week");
        var n = Order.Count;
        var sizes = initialSizes ?? ExpectedInitialSizes(parameters.InitialMembers);
        Core.Common.Check.Require(sizes.Length == n, $"expected {n} initial sizes");
        var y = new double[n + Flows];
        Array.Copy(sizes, y, n);

        var solver = new DormandPrince45(n + Flows);
        var multiplied = new double[n];
        var levers = (Rho: parameters.Rho, Eta: parameters.Eta);
        void Derivative(double t, ReadOnlySpan<double> state, Span<double> rate)
        {
            var c = state[..n];
            var total = 0.0;
            foreach (var ci in c)
            {
                total += ci;
            }

            if (total <= 0)
            {
                rate.Clear();
                return;
            }

            Conflict.Multiply(c, total, multiplied);
            double deaths = 0, saturation = 0;
            var perMemberIncapacitation = levers.Eta / total;
            for (var i = 0; i < n; i++)
            {
                var ci = c[i];
                rate[i] = ci * (levers.Rho - perMemberIncapacitation - (parameters.Theta * multiplied[i]) - (parameters.Omega * ci));
                deaths += ci * multiplied[i];
                saturation += ci * ci;
            }

            rate[n] = levers.Rho * total;
            rate[n + 1] = levers.Eta;
            rate[n + 2] = parameters.Theta * deaths;
            rate[n + 3] = parameters.Omega * saturation;
        }

        var rows = new List<AggregateWeek>(weeks + 1);
        var previous = new double[Flows];
        for (var week = 0; week < weeks; week++)
        {
            if (experiment is not null && week == experiment.FromWeek)
            {
                levers = (parameters.Rho * experiment.RecruitmentFactor, parameters.Eta * experiment.IncapacitationFactor);
                solver.Reset();
            }

            var members = Members(y, n);
            solver.Integrate(Derivative, week, week + 1, y);
            rows.Add(new AggregateWeek(week, Start.AddDays(7 * week), members,
                y[n] - previous[0], y[n + 2] - previous[2], y[n + 1] - previous[1], y[n + 3] - previous[3]));
            Array.Copy(y, n, previous, 0, Flows);
        }

        rows.Add(new AggregateWeek(weeks, Start.AddDays(7 * weeks), Members(y, n), double.NaN, double.NaN, double.NaN, double.NaN));
        return new AggregateRun(rows, y[..n], solver.AcceptedSteps, solver.RejectedSteps, solver.Evaluations);
    }

    private static double Members(double[] y, int n)
    {
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += y[i];
        }

        return total;
    }
}
