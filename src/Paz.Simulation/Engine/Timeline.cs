namespace Paz.Simulation.Engine;

/// <summary>
/// A scenario's settings over time: the settings at the start and any number of dated changes, each a
/// complete <see cref="Settings"/> (the earlier period's values with the entry's changes applied).
/// </summary>
public sealed class Timeline
{
    private readonly PolicyPeriod[] _periods;

    /// <summary>A timeline of <paramref name="periods"/>, the first starting at the run's start.</summary>
    /// <exception cref="ArgumentException">No period, or periods out of date order.</exception>
    public Timeline(IReadOnlyList<PolicyPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("a timeline needs at least its first period", nameof(periods));
        }

        for (var k = 1; k < periods.Count; k++)
        {
            if (periods[k].From <= periods[k - 1].From)
            {
                throw new ArgumentException($"timeline periods must be in date order: {periods[k].From:yyyy-MM} after {periods[k - 1].From:yyyy-MM}", nameof(periods));
            }
        }

        _periods = [.. periods];
    }

    /// <summary>A timeline of one period: the same settings throughout.</summary>
    public static Timeline Constant(Settings settings) => new([new PolicyPeriod(DateOnly.MinValue, settings)]);

    /// <summary>The periods in date order.</summary>
    public IReadOnlyList<PolicyPeriod> Periods => _periods;

    /// <summary>The settings in force at the start.</summary>
    public Settings First => _periods[0].Settings;

    /// <summary>The index of the period in force on <paramref name="date"/>.</summary>
    public int IndexAt(DateOnly date)
    {
        var k = 0;
        while (k + 1 < _periods.Length && date >= _periods[k + 1].From)
        {
            k++;
        }

        return k;
    }

    /// <summary>The period in force on <paramref name="date"/>.</summary>
    public PolicyPeriod At(DateOnly date) => _periods[IndexAt(date)];

    /// <summary>A timeline with a period appended (its settings derived from the last period's by <paramref name="change"/>).</summary>
    public Timeline Then(DateOnly from, Func<Settings, Settings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Timeline([.. _periods, new PolicyPeriod(from, change(_periods[^1].Settings))]);
    }

    /// <summary>The same timeline with every period's settings passed through <paramref name="change"/> (e.g. a parameter set for the whole run).</summary>
    public Timeline Select(Func<Settings, Settings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Timeline([.. _periods.Select(p => p with { Settings = change(p.Settings) })]);
    }
}

/// <summary>One period of a timeline: from a date, these settings, and what was resolved from the data for them.</summary>
/// <param name="From">First day in force (the first period: the run's start).</param>
/// <param name="Settings">Every parameter and lever in force.</param>
public sealed record PolicyPeriod(DateOnly From, Settings Settings)
{
    /// <summary>Deployments and plans resolved from the data before the run (Guard regions, pullback exits), or null: none needed.</summary>
    public ResolvedForces? Forces { get; init; }

    /// <summary>The amnesty's rule set the period's <c>amnesty_rules</c> names, read from rules/amnesty before the run, or null: no amnesty.</summary>
    public Core.Amnesty.RuleSet? AmnestyRules { get; init; }
}
