namespace Paz.Core.Amnesty;

/// <summary>
/// The facts of one application as the screener sees them: case-level facts and one set of facts per
/// offence, all named from <see cref="FactCatalog"/>. A fact that is absent is unknown, not false.
/// </summary>
public sealed class AmnestyCase
{
    /// <summary>Builds a case; every fact must be in the catalogue with the right type and scope.</summary>
    /// <param name="id">The case's identifier (for messages only).</param>
    /// <param name="facts">Case-level facts.</param>
    /// <param name="offences">Facts of each offence (paths start with <c>offence.</c>).</param>
    /// <exception cref="ArgumentException">A fact is unknown, of the wrong type or in the wrong scope.</exception>
    public AmnestyCase(string id, IReadOnlyDictionary<string, FactValue> facts, IReadOnlyList<IReadOnlyDictionary<string, FactValue>> offences)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(offences);
        Id = id ?? throw new ArgumentNullException(nameof(id));
        foreach (var (path, value) in facts)
        {
            Check(path, value, perOffence: false);
        }

        foreach (var offence in offences)
        {
            foreach (var (path, value) in offence)
            {
                Check(path, value, perOffence: true);
            }
        }

        Facts = facts;
        Offences = offences;
    }

    /// <summary>The case's identifier.</summary>
    public string Id { get; }

    /// <summary>Case-level facts by path.</summary>
    public IReadOnlyDictionary<string, FactValue> Facts { get; }

    /// <summary>Each offence's facts by path.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, FactValue>> Offences { get; }

    /// <summary>Why a fact cannot be stated, or null when it can (used by readers to point at the line).</summary>
    public static string? Problem(string path, FactValue value, bool perOffence)
    {
        var definition = FactCatalog.Find(path);
        if (definition is null)
        {
            return $"unknown fact '{path}'; the catalogue is in docs/amnesty.md";
        }

        if (definition.PerOffence != perOffence)
        {
            return perOffence
                ? $"'{path}' is a fact about the case, not about one offence"
                : $"'{path}' describes one offence and belongs in an entry of 'offences'";
        }

        if (definition.Type != value.Type)
        {
            return $"'{path}' must be {Article(definition.Type)}, found '{value}'";
        }

        if (definition.Type == FactType.Number && (value.Number < definition.Minimum || value.Number > definition.Maximum || !double.IsFinite(value.Number)))
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{path}' must be a number from {definition.Minimum} to {definition.Maximum} ({definition.Description}); found '{value}'");
        }

        return definition.Words.Count > 0 && !definition.Words.Contains(value.Text!, StringComparer.Ordinal)
            ? $"'{path}' must be one of: {string.Join(", ", definition.Words)}; found '{value}'"
            : null;
    }

    private static void Check(string path, FactValue value, bool perOffence)
    {
        if (Problem(path, value, perOffence) is { } problem)
        {
            throw new ArgumentException(problem, nameof(path));
        }
    }

    private static string Article(FactType type) => type switch
    {
        FactType.Boolean => "true or false",
        FactType.Number => "a number",
        FactType.Date => "a date (yyyy-MM-dd)",
        _ => "text",
    };
}
