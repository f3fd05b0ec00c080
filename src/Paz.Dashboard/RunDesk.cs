using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Paz.Data;
using Paz.Rules;
using Paz.Data.Scenarios;
using Paz.Runs.Catalogue;
using Paz.Runs.Execution;
using Paz.Runs.Posteriors;
using Paz.Simulation.Agents;
using Paz.Simulation.Inference;
using Paz.Tribunal;

namespace Paz.Dashboard;

/// <summary>A shipped scenario the dashboard offers.</summary>
/// <param name="File">Its path under the scenarios folder (what a start request names).</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it encodes.</param>
/// <param name="Replicates">Its ensemble size.</param>
public sealed record ShippedScenario(string File, string Name, string Description, int Replicates);

/// <summary>A run accepted for the worker.</summary>
internal sealed record QueuedRun(StoredRun Run, PreparedScenario Scenario, PosteriorSample? Posterior);

/// <summary>
/// The analysts' side of <c>paz serve</c> (docs/runs.md): the run catalogue, the shipped scenarios, the data (loaded once,
/// at the first run), and the queue the <see cref="RunWorker"/> empties. Configuration (section <c>Analyst</c>): <c>Runs</c>
/// (outputs and the SQLite catalogue, default <c>runs</c>), <c>PostgreSql</c> (the catalogue in PostgreSQL instead),
/// <c>Data</c>, <c>Scenarios</c> (default the nearest <c>scenarios/</c>), <c>Threads</c>, <c>MaxReplicates</c> (default 200).
/// </summary>
public sealed partial class RunDesk
{
    private readonly Lazy<Task<RunCatalogue>> _catalogue;
    private readonly Lazy<PazDataSet> _data;
    private readonly Channel<QueuedRun> _queue = Channel.CreateUnbounded<QueuedRun>();
    private readonly ConcurrentDictionary<string, int> _live = new(StringComparer.Ordinal);

    /// <summary>Reads the configuration; nothing is opened or loaded until first needed.</summary>
    public RunDesk(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection("Analyst");
        RunsFolder = Path.GetFullPath(settings["Runs"] ?? "runs");
        ScenariosFolder = settings["Scenarios"] is { Length: > 0 } scenarios ? Path.GetFullPath(scenarios) : LocateScenarios();
        Threads = int.TryParse(settings["Threads"], out var threads) && threads > 0 ? threads : Environment.ProcessorCount;
        MaxReplicates = int.TryParse(settings["MaxReplicates"], out var max) && max > 0 ? max : 200;
        var postgres = settings["PostgreSql"];
        _catalogue = new(() => CatalogueLocation.OpenAsync(CatalogueLocation.FileIn(RunsFolder), postgres));
        _data = new(() => PazDataSet.Load(DataDirectory.Locate(settings["Data"])), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The longest pasted scenario accepted (the shipped ones are under 5,000 characters): uploads are kept on disk.</summary>
    public const int MaxScenarioCharacters = 100_000;

    /// <summary>Where outputs (and the SQLite catalogue) go.</summary>
    public string RunsFolder { get; }

    /// <summary>The shipped scenarios' folder.</summary>
    public string ScenariosFolder { get; }

    /// <summary>Replicates run in parallel.</summary>
    public int Threads { get; }

    /// <summary>The largest ensemble a request may ask for.</summary>
    public int MaxReplicates { get; }

    /// <summary>The data every run works on.</summary>
    public PazDataSet Data => _data.Value;

    /// <summary>The catalogue.</summary>
    public Task<RunCatalogue> CatalogueAsync() => _catalogue.Value;

    /// <summary>Runs waiting for the worker.</summary>
    internal ChannelReader<QueuedRun> Queue => _queue.Reader;

    /// <summary>Replicates done of a run the worker is running now, if it is.</summary>
    public int? LiveProgress(string id) => _live.TryGetValue(id, out var done) ? done : null;

    internal void Report(string id, int done) => _live[id] = done;

    internal void Forget(string id) => _live.TryRemove(id, out _);

    /// <summary>The scenarios under <see cref="ScenariosFolder"/> that run on the agent-based engine, by path.</summary>
    public IReadOnlyList<ShippedScenario> Shipped() =>
        [.. Directory.EnumerateFiles(ScenariosFolder, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where(f => AgentScenarioReader.EngineOf(f) == "agent")
            .Select(f => (File: f, Scenario: TryRead(f)))
            .Where(x => x.Scenario is not null)
            .Select(x => new ShippedScenario(Path.GetRelativePath(ScenariosFolder, x.File).Replace('\\', '/'), x.Scenario!.Name, x.Scenario.Description, x.Scenario.Replicates))];

    /// <summary>
    /// Validates and starts a run: a shipped scenario by its path, or an uploaded one's text (refused with its file and line
    /// when malformed); a finished identical run is served from the catalogue, an identical one in progress is joined.
    /// </summary>
    public async Task<(StoredRun Run, Claim Claim)> StartAsync(string? shipped, string? uploaded, string? uploadName, int? replicates, bool point, string startedBy)
    {
        var path = (shipped, uploaded) switch
        {
            ({ Length: > 0 }, null or "") => ShippedPath(shipped),
            (null or "", { Length: > 0 }) => Upload(uploaded, uploadName),
            _ => throw RegistryException.Invalid("scenario", "give either a shipped scenario's file or an uploaded scenario's text"),
        };

        var scenario = Read(path, uploadName);
        if (replicates is { } n)
        {
            scenario = n >= 1 && n <= MaxReplicates ? scenario with { Replicates = n } : throw RegistryException.Invalid("replicates", $"replicates must be between 1 and {MaxReplicates}, not {n}");
        }

        string? posteriorPath;
        PosteriorSample? posterior;
        PreparedScenario prepared;
        try
        {
            posteriorPath = PosteriorChoice.PathFor(scenario, null, point);
            posterior = PosteriorChoice.Usable(scenario, PosteriorChoice.Read(posteriorPath), posteriorPath);
            // Names of states and rule sets are checked against the data, with their lines, before anything is queued;
            // the worker runs what was prepared here.
            prepared = EnsembleJob.Prepare(Data, scenario);
        }
        catch (Exception e) when (e is InvalidOperationException or DataFormatException)
        {
            throw RegistryException.Invalid("scenario", Shown(e.Message, path, uploadName));
        }

        var key = RunKey.For(scenario, posteriorPath);
        var catalogue = await CatalogueAsync().ConfigureAwait(false);
        var (run, claim) = await catalogue.ClaimAsync(key, Path.Combine(RunsFolder, key.Folder), startedBy).ConfigureAwait(false);
        if (claim == Claim.Claimed)
        {
            await _queue.Writer.WriteAsync(new QueuedRun(run, prepared, posterior)).ConfigureAwait(false);
        }

        return (run, claim);
    }

    private string ShippedPath(string file)
    {
        var shipped = Shipped();
        var known = shipped.FirstOrDefault(s => s.File == file || s.Name == file)
            ?? throw RegistryException.Invalid("scenario", $"'{file}' is not a shipped scenario; expected one of {string.Join(", ", shipped.Select(s => s.File))}");
        return Path.Combine(ScenariosFolder, known.File);
    }

    // An upload is kept under runs/uploads/<digest of its text>/, so that the run's catalogue entry points at the text it ran.
    private string Upload(string text, string? name)
    {
        if (text.Length > MaxScenarioCharacters)
        {
            throw RegistryException.Invalid("yaml", $"a scenario file is at most {MaxScenarioCharacters:N0} characters; this one has {text.Length:N0}");
        }

        var safe = name is { Length: > 0 } && SafeName().IsMatch(name) ? name : "uploaded.yaml";
        var folder = Path.Combine(RunsFolder, "uploads", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, safe.EndsWith(".yaml", StringComparison.Ordinal) ? safe : safe + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static AgentScenario Read(string path, string? uploadName)
    {
        try
        {
            return AgentScenarioReader.EngineOf(path) == "agent"
                ? AgentScenarioReader.Read(path)
                : throw RegistryException.Invalid("scenario", "the dashboard runs scenarios of the agent-based engine (engine: agent)");
        }
        catch (Exception e) when (e is DataFormatException or InvalidOperationException or FileNotFoundException or YamlDotNet.Core.YamlException)
        {
            throw RegistryException.Invalid("scenario", Shown(e.Message, path, uploadName));
        }
    }

    // Errors name the file as the analyst knows it, not the server's folder.
    private static string Shown(string message, string path, string? uploadName) =>
        path.Contains($"{Path.DirectorySeparatorChar}uploads{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? message.Replace(path, uploadName is { Length: > 0 } ? uploadName : Path.GetFileName(path), StringComparison.Ordinal)
            : message;

    private static AgentScenario? TryRead(string file)
    {
        try
        {
            return AgentScenarioReader.Read(file);
        }
        catch (Exception e) when (e is DataFormatException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string LocateScenarios()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scenarios");
                if (File.Exists(Path.Combine(candidate, "baseline.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("no scenarios/ folder with baseline.yaml found; set Analyst:Scenarios");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")]
    private static partial Regex SafeName();
}
