using System.CommandLine;
using Paz.Cli.Commands;
using Paz.Data;

namespace Paz.Cli;

/// <summary>The <c>paz</c> command: its subcommands and how errors become exit codes.</summary>
public static class PazApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for bad input: a malformed data file, a bad option value, a missing file.</summary>
    public const int BadInput = 2;

    /// <summary>Global option: the data folder.</summary>
    public static readonly Option<DirectoryInfo?> DataOption = new("--data")
    {
        Description = $"Folder of shipped data (default: ./data or the nearest data/ above; or ${DataDirectory.EnvironmentVariable}).",
        Recursive = true,
    };

    /// <summary>Global option: plain progress lines instead of progress bars.</summary>
    public static readonly Option<bool> QuietOption = new("--quiet")
    {
        Description = "Report the progress of long work as plain lines, not as a progress bar (as when standard error is not a terminal).",
        Recursive = true,
    };

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var console = new CommandConsole(output, error);
        var root = new RootCommand(
            "Paz turns a national peace-and-security strategy into executable, testable policy. " +
            "Reference case: Mexico's National Peace and Security Plan 2018-2024.");
        root.Options.Add(DataOption);
        root.Options.Add(QuietOption);
        root.Subcommands.Add(AtlasCommand.Create(console));
        root.Subcommands.Add(PeerCommand.Create(console));
        root.Subcommands.Add(Commands.Plan.PlanCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(ClusterCommand.Create(console));
        root.Subcommands.Add(CalibrateCommand.Create(console));
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(SensitivityCommand.Create(console));
        root.Subcommands.Add(InferCommand.Create(console));
        root.Subcommands.Add(ParamsCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(ExperimentCommand.Create(console));
        root.Subcommands.Add(CouncilsCommand.Create(console));
        root.Subcommands.Add(Commands.Amnesty.AmnestyCommand.Create(console));
        root.Subcommands.Add(Commands.Tribunal.TribunalCommands.Tribunal(console));
        root.Subcommands.Add(Commands.Tribunal.TribunalCommands.Serve(console));
        root.Subcommands.Add(Commands.Tribunal.TribunalCommands.Audit(console));

        var parsed = root.Parse(args);
        console.Quiet = parsed.GetValue(QuietOption);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (DataFormatException e)
        {
            error.WriteLine($"paz: data error: {e.Message}");
            return BadInput;
        }
        catch (Paz.Tribunal.RegistryException e)
        {
            error.WriteLine($"paz: {e.Message}{string.Concat(e.Errors.Select(x => $"; {x.Key}: {string.Join(", ", x.Value)}"))}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UsageException or InvalidOperationException)
        {
            error.WriteLine($"paz: {e.Message}");
            return BadInput;
        }
    }
}
