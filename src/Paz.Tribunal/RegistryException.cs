namespace Paz.Tribunal;

/// <summary>Why the registry refused a request; the web layer maps each kind to an HTTP status.</summary>
public enum Refusal
{
    /// <summary>No valid session (401).</summary>
    Unauthenticated,

    /// <summary>The role may not do this (403).</summary>
    Denied,

    /// <summary>No such record, or outside the user's scope (404, so existence is not revealed).</summary>
    NotFound,

    /// <summary>Invalid input (400, with errors per field).</summary>
    Invalid,

    /// <summary>Not allowed in the record's current state (409).</summary>
    Conflict,
}

/// <summary>A refused request, with errors per field for invalid input.</summary>
public sealed class RegistryException : Exception
{
    /// <summary>Creates a refusal.</summary>
    public RegistryException(Refusal refusal, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Refusal = refusal;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>Creates a refusal of kind Invalid for one field.</summary>
    public static RegistryException Invalid(string field, string message) =>
        new(Refusal.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The kind of refusal.</summary>
    public Refusal Refusal { get; }

    /// <summary>Errors per field (Invalid only).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
