using System.CommandLine;
using Paz.Data;
using Paz.Planning.Regions;

namespace Paz.Cli.Commands.Plan;

/// <summary>The options every <c>paz plan</c> command shares to draw (or redraw) its regions.</summary>
internal sealed class PartitionOptions
{
    public Option<int> Regions { get; } = new("--k") { Description = "Number of Guard regions.", DefaultValueFactory = _ => 266 };

    public Option<string> Weight { get; } = new("--weight") { Description = "What regions balance: population, homicides, or mix:a (a·population share + (1−a)·homicide share).", DefaultValueFactory = _ => "population" };

    public Option<int> Year { get; } = new("--year") { Description = "Year of the population and homicides used (2000-2018).", DefaultValueFactory = _ => 2018 };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the regionalization (same seed, same regions).", DefaultValueFactory = _ => 2019 };

    public Option<bool> CrossStateLines { get; } = new("--cross-state-lines") { Description = "Allow regions to span two or more states (the plan's regions do not)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON instead of tables." };

    public void AddTo(Command command)
    {
        command.Options.Add(Regions);
        command.Options.Add(Weight);
        command.Options.Add(Year);
        command.Options.Add(Seed);
        command.Options.Add(CrossStateLines);
        command.Options.Add(Json);
    }

    /// <summary>Loads the data and draws the regions the options describe.</summary>
    public Regionalization Build(ParseResult parsed)
    {
        var data = PazDataSet.Load(DataDirectory.Locate(parsed.GetValue(PazApp.DataOption)?.FullName));
        var year = parsed.GetValue(Year);
        var series = data.Homicides.MunicipalMonthly;
        if (year < series.First.Year || year > series.Last.Year)
        {
            throw new UsageException($"--year must be within the homicide series, {series.First.Year}-{series.Last.Year}, not {year}");
        }

        PlaceWeight weight;
        try
        {
            weight = PlaceWeight.Parse(parsed.GetValue(Weight)!);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--weight: {e.Message}", e);
        }

        var graph = RegionGraph.FromAtlas(data.Atlas, weight.Of(data.Atlas, series, year));
        var settings = new RegionalizationSettings(parsed.GetValue(Regions), parsed.GetValue(CrossStateLines), parsed.GetValue(Seed));
        Partition partition;
        try
        {
            partition = Regionalizer.Partition(graph, settings);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--k: {e.Message}", e);
        }

        return new Regionalization(data, weight, year, settings, partition, RegionProfile.Of(partition, data.Atlas, series, year));
    }
}

/// <summary>Regions drawn for a plan, with what they were drawn from.</summary>
internal sealed record Regionalization(PazDataSet Data, PlaceWeight Weight, int Year, RegionalizationSettings Settings, Partition Partition, IReadOnlyList<RegionProfile> Regions);
