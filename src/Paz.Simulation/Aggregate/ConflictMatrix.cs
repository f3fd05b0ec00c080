using Paz.Core.Organizations;

namespace Paz.Simulation.Aggregate;

/// <summary>
/// The conflict matrix of the published model, M[i][j] = (rivalry(i, j) + 1) / (alliance strength of i + 1),
/// M[i][i] = 0: every pair has a baseline conflict, raised by rivalry and damped by the group's alliances.
/// Held as its sparse rivalry part plus the constant baseline, so M·C costs O(ties + groups)
/// rather than O(groups²): (M·C)_i = (Σ_j rivalry(i,j)·C_j + T − C_i) / (A_i + 1).
/// </summary>
public sealed class ConflictMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _column;
    private readonly double[] _weight;
    private readonly double[] _inverseAlliance;

    /// <summary>Builds the matrix for groups ordered as <paramref name="order"/> (model index k is network group order[k]).</summary>
    public ConflictMatrix(GroupNetwork network, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(order);
        Count = order.Count;
        _rowStart = new int[Count + 1];
        var columns = new List<int>();
        var weights = new List<double>();
        _inverseAlliance = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            _rowStart[i] = columns.Count;
            _inverseAlliance[i] = 1 / (network.AllianceStrength[order[i]] + 1);
            for (var j = 0; j < Count; j++)
            {
                var r = network.Rivalry(order[i], order[j]);
                if (r != 0)
                {
                    columns.Add(j);
                    weights.Add(r);
                }
            }
        }

        _rowStart[Count] = columns.Count;
        _column = [.. columns];
        _weight = [.. weights];
    }

    /// <summary>Number of groups.</summary>
    public int Count { get; }

    /// <summary>M[i][j], for inspection and tests.</summary>
    public double this[int i, int j]
    {
        get
        {
            if (i == j)
            {
                return 0;
            }

            var rivalry = 0.0;
            for (var p = _rowStart[i]; p < _rowStart[i + 1]; p++)
            {
                rivalry += _column[p] == j ? _weight[p] : 0;
            }

            return (rivalry + 1) * _inverseAlliance[i];
        }
    }

    /// <summary>Writes M·C into <paramref name="result"/>, given C and its total.</summary>
    public void Multiply(ReadOnlySpan<double> sizes, double total, Span<double> result)
    {
        for (var i = 0; i < Count; i++)
        {
            var rivalry = 0.0;
            for (var p = _rowStart[i]; p < _rowStart[i + 1]; p++)
            {
                rivalry += _weight[p] * sizes[_column[p]];
            }

            result[i] = (rivalry + total - sizes[i]) * _inverseAlliance[i];
        }
    }
}
