using Spectre.Console;

namespace Paz.Cli;

/// <summary>Where a command writes: plain writers for JSON and files, a Spectre console for tables.</summary>
public sealed class CommandConsole
{
    /// <summary>Wraps the given writers.</summary>
    public CommandConsole(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
        Tables = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            // Piped or captured output has no terminal width to detect; 80 columns would wrap the tables.
            Tables.Profile.Width = 120;
        }
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether <c>--quiet</c> asked for plain progress lines instead of progress bars.</summary>
    public bool Quiet { get; set; }

    /// <summary>A Spectre console over <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole Tables { get; }
}
