using Paz.Simulation.Engine;

namespace Paz.Simulation.Backtesting;

/// <summary>
/// What a backtest may know of the record at its origin. A scenario's timeline mixes policy (what the state did: the
/// forecast may run it, as the policy actually in force) with records of outcomes (<see cref="Core.Parameters.ParameterSpec.Recorded"/>:
/// which organizations had broken away, which wars were fought where); after the origin the records are outcomes the forecast may not see.
/// </summary>
public static class RecordedHistory
{
    /// <summary>
    /// <paramref name="timeline"/> with every recorded declaration held, in the periods that begin after December of
    /// <paramref name="origin"/>, at its value on the origin's last day; policy is left as it was.
    /// </summary>
    public static Timeline Through(Timeline timeline, int origin)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var after = new DateOnly(origin + 1, 1, 1);
        var known = timeline.At(after.AddDays(-1)).Settings;
        var recorded = Declarations.All.Where(s => s.Recorded).ToList();
        return new Timeline([.. timeline.Periods.Select(p => p.From < after ? p : p with
        {
            Settings = recorded.Aggregate(p.Settings, (s, spec) => spec.Kind == Core.Parameters.ValueKind.Names ? s.With(spec, known.Names(spec)) : s.With(spec, known[spec])),
        })]);
    }
}
