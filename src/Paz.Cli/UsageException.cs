namespace Paz.Cli;

/// <summary>The command line asks for something that cannot be done (a missing --out, an unknown map); exit code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a cause.</summary>
    public UsageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates an empty error.</summary>
    public UsageException()
    {
    }
}
