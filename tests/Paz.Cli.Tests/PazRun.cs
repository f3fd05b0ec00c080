namespace Paz.Cli.Tests;

/// <summary>Runs the <c>paz</c> command in-process and captures what it prints.</summary>
internal sealed record PazRun(int ExitCode, string Output, string Error)
{
    public static PazRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PazApp.Run(args, output, error);
        return new PazRun(code, output.ToString(), error.ToString());
    }
}
