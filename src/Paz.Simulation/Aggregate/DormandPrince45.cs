namespace Paz.Simulation.Aggregate;

/// <summary>
/// The Dormand-Prince 5(4) embedded Runge-Kutta method with adaptive step-size control (Hairer,
/// Nørsett &amp; Wanner, Solving ODEs I, §II.4-5): fifth-order solution, fourth-order error estimate,
/// first-same-as-last. Written here rather than taken from MathNet.Numerics, whose ODE solvers
/// are fixed-step; deterministic (no clock, no threads), and it counts its work.
/// </summary>
public sealed class DormandPrince45
{
    /// <summary>Writes dy/dt at (t, y) into <c>dydt</c>.</summary>
    public delegate void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt);

    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    private readonly double[] _k1, _k2, _k3, _k4, _k5, _k6, _k7, _stage, _next;
    private readonly double _relative;
    private readonly double _absolute;
    private double _h;
    private bool _haveK1;
    private double _k1Time = double.NaN;

    /// <summary>Creates an integrator for systems of <paramref name="dimension"/> equations.</summary>
    /// <param name="dimension">Number of equations.</param>
    /// <param name="relativeTolerance">Relative error allowed per step.</param>
    /// <param name="absoluteTolerance">Absolute error allowed per step, in the units of y.</param>
    /// <param name="initialStep">First step to try, in units of t.</param>
    public DormandPrince45(int dimension, double relativeTolerance = 1e-9, double absoluteTolerance = 1e-6, double initialStep = 1)
    {
        Core.Common.Check.Require(dimension > 0, "dimension must be positive");
        Core.Common.Check.Require(relativeTolerance > 0 && absoluteTolerance > 0, "tolerances must be positive");
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _k5 = new double[dimension];
        _k6 = new double[dimension];
        _k7 = new double[dimension];
        _stage = new double[dimension];
        _next = new double[dimension];
        _relative = relativeTolerance;
        _absolute = absoluteTolerance;
        _h = initialStep;
    }

    /// <summary>Accepted steps so far.</summary>
    public int AcceptedSteps { get; private set; }

    /// <summary>Rejected steps so far (error above tolerance, step retried smaller).</summary>
    public int RejectedSteps { get; private set; }

    /// <summary>Evaluations of the derivative so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// Advances <paramref name="y"/> from <paramref name="t0"/> to exactly <paramref name="t1"/> in place.
    /// The step size carries over between calls, so integrating week by week costs little more than at once.
    /// </summary>
    public void Integrate(Derivative f, double t0, double t1, double[] y)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(y);
        Core.Common.Check.Require(y.Length == _k1.Length, "state has the wrong dimension");
        var t = t0;
        if (!_haveK1 || _k1Time != t0)
        {
            // The derivative from the last accepted step (FSAL) is only reusable if the caller continues from there with the same system.
            Evaluate(f, t, y, _k1);
        }

        while (t < t1)
        {
            var h = Math.Min(_h, t1 - t);
            var last = h >= t1 - t;
            Stages(f, t, h, y);
            var error = ErrorNorm(h, y);
            if (error <= 1)
            {
                t = last ? t1 : t + h;
                Array.Copy(_next, y, y.Length);
                Array.Copy(_k7, _k1, y.Length);
                AcceptedSteps++;
            }
            else
            {
                RejectedSteps++;
            }

            // Standard controller: safety 0.9, growth limited to [0.2, 5].
            var factor = error == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(error, -0.2), 0.2, 5);
            if (error <= 1 && last && h < _h)
            {
                continue; // a step clipped to hit t1 says nothing about the step size the dynamics allow
            }

            _h = h * factor;
        }

        _haveK1 = true;
        _k1Time = t1;
    }

    /// <summary>Forgets the derivative carried over from the last step (call when the system changes, e.g. a policy switch).</summary>
    public void Reset() => _haveK1 = false;

    private void Evaluate(Derivative f, double t, ReadOnlySpan<double> y, double[] into)
    {
        f(t, y, into);
        Evaluations++;
    }

    private void Stages(Derivative f, double t, double h, double[] y)
    {
        var n = y.Length;
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h * A21 * _k1[i]);
        }

        Evaluate(f, t + (C2 * h), _stage, _k2);
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h * ((A31 * _k1[i]) + (A32 * _k2[i])));
        }

        Evaluate(f, t + (C3 * h), _stage, _k3);
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h * ((A41 * _k1[i]) + (A42 * _k2[i]) + (A43 * _k3[i])));
        }

        Evaluate(f, t + (C4 * h), _stage, _k4);
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h * ((A51 * _k1[i]) + (A52 * _k2[i]) + (A53 * _k3[i]) + (A54 * _k4[i])));
        }

        Evaluate(f, t + (C5 * h), _stage, _k5);
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h * ((A61 * _k1[i]) + (A62 * _k2[i]) + (A63 * _k3[i]) + (A64 * _k4[i]) + (A65 * _k5[i])));
        }

        Evaluate(f, t + h, _stage, _k6);
        for (var i = 0; i < n; i++)
        {
            _next[i] = y[i] + (h * ((A71 * _k1[i]) + (A73 * _k3[i]) + (A74 * _k4[i]) + (A75 * _k5[i]) + (A76 * _k6[i])));
        }

        Evaluate(f, t + h, _next, _k7);
    }

    private double ErrorNorm(double h, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var e = h * ((E1 * _k1[i]) + (E3 * _k3[i]) + (E4 * _k4[i]) + (E5 * _k5[i]) + (E6 * _k6[i]) + (E7 * _k7[i]));
            var scale = _absolute + (_relative * Math.Max(Math.Abs(y[i]), Math.Abs(_next[i])));
            sum += (e / scale) * (e / scale);
        }

        return Math.Sqrt(sum / y.Length);
    }
}
