using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Paz.Cli.Commands.Plan;

/// <summary><c>paz plan</c>: Guard regions, insecurity classes, deployments and the military's transition, as transparent algorithms.</summary>
public static class PlanCommand
{
    internal static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Creates the command, writing to <paramref name="console"/>.</summary>
    public static Command Create(CommandConsole console)
    {
        var plan = new Command("plan", "Turn the plan's opaque choices into reproducible algorithms on the real atlas: regions, classes, deployments, transition.");
        plan.Subcommands.Add(PlanRegionsCommand.Create(console));
        plan.Subcommands.Add(PlanClassifyCommand.Create(console));
        plan.Subcommands.Add(PlanAllocateCommand.Create(console));
        plan.Subcommands.Add(PlanPriorityCommand.Create(console));
        plan.Subcommands.Add(PlanTransitionCommand.Create(console));
        return plan;
    }

    internal static void WriteJson(CommandConsole console, object value) =>
        console.Output.WriteLine(JsonSerializer.Serialize(value, AtlasCommand.Json));

    internal static DirectoryInfo OutputFolder(ParseResult parsed, Option<DirectoryInfo?> option)
    {
        var folder = parsed.GetValue(option) ?? throw new UsageException($"{option.Name} DIR is required: it says where the files go");
        folder.Create();
        return folder;
    }
}
