namespace Paz.Rules;

/// <summary>
/// A data file is not what Paz expects. The message always names the file, the line (1-based;
/// the header is line 1) and what was expected, so the reader can open the file and fix it.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/>.</summary>
    public DataFormatException(string file, int line, string expectation)
        : base($"{file}:{line}: {expectation}")
    {
        File = file;
        Line = line;
        Expectation = expectation;
    }

    /// <summary>Creates the error with its cause.</summary>
    public DataFormatException(string file, int line, string expectation, Exception inner)
        : base($"{file}:{line}: {expectation}", inner)
    {
        File = file;
        Line = line;
        Expectation = expectation;
    }

    /// <summary>Creates an error with only a message (for serializers and tooling).</summary>
    public DataFormatException(string message)
        : base(message)
    {
        File = string.Empty;
        Expectation = message;
    }

    /// <summary>Creates an error with only a message and a cause.</summary>
    public DataFormatException(string message, Exception inner)
        : base(message, inner)
    {
        File = string.Empty;
        Expectation = message;
    }

    /// <summary>Creates an empty error (for serializers and tooling).</summary>
    public DataFormatException()
    {
        File = string.Empty;
        Expectation = string.Empty;
    }

    /// <summary>The file, as the loader was given it.</summary>
    public string File { get; }

    /// <summary>The 1-based line; 0 when the problem is the file as a whole.</summary>
    public int Line { get; }

    /// <summary>What was expected, and what was found.</summary>
    public string Expectation { get; }
}
