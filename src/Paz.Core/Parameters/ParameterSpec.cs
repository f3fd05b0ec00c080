namespace Paz.Core.Parameters;

/// <summary>
/// A model parameter's or policy lever's declaration: every one in Paz has a default, a unit, a source
/// (or the word "assumed") and a valid range; a parameter that inference or calibration may move also
/// has a prior. The declaration is the only list: scenario readers, calibration, <c>paz params</c> and the
/// documentation table all read it.
/// </summary>
/// <param name="Name">Key used in scenario files.</param>
/// <param name="Default">Default value (for a choice, the index of its word; for a month, 0: none).</param>
/// <param name="Unit">Unit, in words.</param>
/// <param name="Source">Where the default comes from, or "assumed".</param>
/// <param name="Minimum">Lowest admissible value.</param>
/// <param name="Maximum">Highest admissible value.</param>
/// <param name="Description">What the parameter means.</param>
public sealed record ParameterSpec(string Name, double Default, string Unit, string Source, double Minimum, double Maximum, string Description)
{
    /// <summary>A model parameter (fixed by evidence or fitted) or a policy lever (what a government chooses).</summary>
    public ParameterRole Role { get; init; } = ParameterRole.Parameter;

    /// <summary>What kind of value it holds (number, whole number, flag, choice...).</summary>
    public ValueKind Kind { get; init; } = ValueKind.Number;

    /// <summary>For <see cref="ValueKind.Choice"/> and <see cref="ValueKind.Choices"/>: the words a scenario may use, in order (a choice's value is its word's index; a set of choices is a bit mask).</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Whether a scenario's timeline may change it on a date (every lever may; a parameter only where the mechanism reads it each week and a change on a date has a meaning).</summary>
    public bool Switchable { get; init; }

    /// <summary>Prior distribution over the range inference and calibration search (null: not uncertain enough to search, or not a number).</summary>
    public Prior? Prior { get; init; }

    /// <summary>Whether <c>paz calibrate</c> fits it by default (within <see cref="Prior"/>'s support).</summary>
    public bool Fitted { get; init; }

    /// <summary>
    /// Whether it records what happened rather than what anyone chose (which organizations had broken away by a date): a
    /// backtest holds it, after its origin, at its value on the origin's last day, since a later value is an outcome.
    /// </summary>
    public bool Recorded { get; init; }

    /// <summary>
    /// The year from which a run's start no longer reads it (null: every run reads it): a parameter of the replay's world
    /// before 2015, which a posterior inferred on a later start need not carry.
    /// </summary>
    public int? ReadByStartsBefore { get; init; }

    /// <summary>Whether a run starting in <paramref name="year"/> reads it (<see cref="ReadByStartsBefore"/>).</summary>
    public bool ReadByAStartIn(int year) => ReadByStartsBefore is not { } before || year < before;

    /// <summary>Whether <paramref name="value"/> lies within the range.</summary>
    public bool Admits(double value) => value >= Minimum && value <= Maximum && double.IsFinite(value);

    /// <summary>Whether it is a policy lever.</summary>
    public bool IsLever => Role == ParameterRole.Lever;

    /// <summary>A lever: switchable on a date by definition.</summary>
    public ParameterSpec AsLever() => this with { Role = ParameterRole.Lever, Switchable = true };
}

/// <summary>Whether a declaration is a model parameter or a policy lever.</summary>
public enum ParameterRole
{
    /// <summary>Describes the world (fixed by evidence, assumed, or fitted).</summary>
    Parameter,

    /// <summary>Describes a policy a government may choose.</summary>
    Lever,
}

/// <summary>The kind of value a declaration holds.</summary>
public enum ValueKind
{
    /// <summary>A real number.</summary>
    Number,

    /// <summary>A whole number.</summary>
    Whole,

    /// <summary>Yes or no (1 or 0).</summary>
    Flag,

    /// <summary>One word of <see cref="ParameterSpec.Words"/>.</summary>
    Choice,

    /// <summary>A list of words of <see cref="ParameterSpec.Words"/> (held as a bit mask).</summary>
    Choices,

    /// <summary>A list of names (held beside the numbers).</summary>
    Names,

    /// <summary>A month, as YYYY-MM (held as year · 12 + month − 1; 0: none).</summary>
    Month,
}

/// <summary>Shape of a prior.</summary>
public enum PriorShape
{
    /// <summary>Uniform between the bounds.</summary>
    Uniform,

    /// <summary>Uniform in the logarithm between the bounds (rates spanning decades).</summary>
    LogUniform,
}

/// <summary>A prior distribution over a parameter, also the range calibration searches.</summary>
/// <param name="Shape">Uniform or log-uniform.</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public sealed record Prior(PriorShape Shape, double Low, double High)
{
    /// <summary>A uniform prior.</summary>
    public static Prior Uniform(double low, double high) => new(PriorShape.Uniform, low, high);

    /// <summary>A log-uniform prior.</summary>
    public static Prior LogUniform(double low, double high) => new(PriorShape.LogUniform, low, high);

    /// <summary>The value at quantile <paramref name="u"/> (0-1).</summary>
    public double At(double u) => Shape == PriorShape.LogUniform ? Low * Math.Pow(High / Low, u) : Low + (u * (High - Low));

    /// <summary>The quantile (0-1) of <paramref name="value"/>, clamped.</summary>
    public double QuantileOf(double value) =>
        Math.Clamp(Shape == PriorShape.LogUniform ? Math.Log(value / Low) / Math.Log(High / Low) : (value - Low) / (High - Low), 0, 1);

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{(Shape == PriorShape.LogUniform ? "log-uniform" : "uniform")}({Low:G4}, {High:G4})");
}
