using System.Globalization;
using Paz.Rules;
using Paz.Data.Engine;
using Paz.Data.Groups;
using Paz.Data.Scenarios;
using Paz.Simulation.Agents;
using Paz.Simulation.Engine;
using Paz.Simulation.Mechanisms;

namespace Paz.Data.Tests;

/// <summary>The replay of 2007-2018 starts from what was known in 2006, and its policy timeline switches on the dates of its sources.</summary>
public class HistoryInputTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    private static string Scenario(string name) => Path.Combine(Path.GetDirectoryName(DataDirectory.Locate().Root)!, "scenarios", name);

    private static readonly Lazy<Core.Organizations.GroupNetwork> Network = new(() => GroupNetworkLoader.Load(Data.Value.Source));

    private static int Node(string id) => Network.Value.Groups.Select((g, i) => (g, i)).First(x => x.g.Node == id).i;

    [Fact]
    public void In2007TheGroupsThatBrokeAwayLaterAreAbsentAndSinaloaIsTheBroadest()
    {
        var data = Data.Value;
        var (states, order) = HistoricalPresence.Load(data.Source, Network.Value, data.Atlas, 2007);
        Assert.Empty(states[Node("N10134")]); // the Zetas: the Gulf cartel's armed wing until 2010
        Assert.Empty(states[Node("N10008")]); // the Beltrán Leyva: inside Sinaloa until 2008
        Assert.Equal(29, states[Node("N10013")].Length);
        Assert.Equal(Node("N10013"), order[0]);
        Assert.All(order, g => Assert.NotEmpty(states[g]));

        var (later, _) = HistoricalPresence.Load(data.Source, Network.Value, data.Atlas, 2010);
        Assert.NotEmpty(later[Node("N10134")]);
        Assert.NotEmpty(later[Node("N10008")]);
    }

    [Fact]
    public void AReplayFrom2007PlacesMembersByHomicidesOf2004To2006AndSeesNoLaterPrisonIndex()
    {
        var inputs = EngineInputsBuilder.Build(Data.Value, new DateOnly(2007, 1, 1));
        var series = Data.Value.Homicides.MunicipalMonthly;
        var expected = Enumerable.Range(2004, 3).Sum(y => series.YearTotal(y));
        Assert.Equal(expected, inputs.ViolenceHistory.Sum(), 6);
        Assert.Null(inputs.ProsecutionIndex);
        Assert.NotNull(inputs.SizeOrder);
    }

    [Theory]
    [InlineData("2007-01-15", "Tamaulipas", false)]
    [InlineData("2007-02-05", "Tamaulipas", true)]
    [InlineData("2008-02-15", "Sonora", false)]
    [InlineData("2008-03-10", "Sonora", true)]
    [InlineData("2015-04-20", "Jalisco", false)]
    [InlineData("2015-05-04", "Jalisco", true)]
    public void TheJointOperationsOfTheHistoryBeginOnTheirMonths(string date, string state, bool underWay)
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        var settings = history.Timeline.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Settings;
        Assert.Equal(underWay, settings.Names(ForceLevers.OperationStates).Contains(state));
    }

    [Theory]
    [InlineData("2012-11-26", 0.0803)]
    [InlineData("2012-12-03", 0.0646)]
    [InlineData("2016-11-28", 0.0441)]
    [InlineData("2016-12-05", 0.0159)]
    public void HighValueTargetingFollowsThePublishedTallies(string date, double removalsPerWeek)
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        Assert.Equal(removalsPerWeek, history.Timeline.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Settings[Targeting.LeaderRemovalsPerWeek], 12);
    }

    [Theory]
    [InlineData("2007-06-04", "Cártel de Sinaloa")]
    [InlineData("2008-10-27", "Cártel de Los Arellano Félix")]
    [InlineData("2010-01-11", "Cártel de Los Arellano Félix")] // García Simental, 2010-01-12
    [InlineData("2010-09-06", "Cártel de los Beltrán Leyva")] // Valdez and Villarreal, after the Beltrán Leyva broke away
    [InlineData("2013-08-05", "Los Zetas")] // Z-40, July 2013, in the year the 122-list hit mostly Zetas
    [InlineData("2014-02-24", "Cártel de Sinaloa")] // Guzmán, 2014-02-22
    [InlineData("2014-03-10", "Caballeros Templarios")] // Moreno and Plancarte of the Knights Templar
    [InlineData("2015-03-09", "Los Zetas")] // Z-42
    [InlineData("2017-06-05", "Cártel de Sinaloa")]
    public void HighValueTargetingHitsOnlyTheOrganizationsTheTranscribedEventsName(string date, string organization)
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        var settings = history.Timeline.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Settings;
        Assert.Equal(organization, settings.Names(Targeting.Priority)[0]);
        Assert.True(settings.Flag(Targeting.OnlyPriority));
    }

    [Fact]
    public void TheBreakawaysAfter2007AreTheThreeTheRecordShowsInTheStatesMcoFirstListsThem()
    {
        var data = Data.Value;
        var breakaways = HistoricalPresence.Breakaways(data.Source, Network.Value, data.Atlas, 2007);
        Assert.Equal([Node("N10008"), Node("N10134"), Node("N10003")], breakaways.Select(b => b.Group));
        Assert.Equal([Node("N10013"), Node("N10017"), Node("N10076")], breakaways.Select(b => b.Parent));
        Assert.Equal([2008, 2010, 2011], breakaways.Select(b => b.Year));
        Assert.Equal([21, 30, 14], breakaways.Select(b => b.States.Count));

        // From a later start, only the breakaways after it: the ones before are in MCO's picture of the start year.
        Assert.Equal([Node("N10003")], HistoricalPresence.Breakaways(data.Source, Network.Value, data.Atlas, 2010).Select(b => b.Group));
        Assert.Empty(HistoricalPresence.Breakaways(data.Source, Network.Value, data.Atlas, 2011));
        var (states2011, _) = HistoricalPresence.Load(data.Source, Network.Value, data.Atlas, 2011);
        Assert.Equal(14, states2011[Node("N10003")].Length);
    }

    [Theory]
    [InlineData("2007-12-31", new string[0])]
    [InlineData("2008-01-07", new[] { "Cártel de los Beltrán Leyva" })]
    [InlineData("2010-01-04", new[] { "Cártel de los Beltrán Leyva", "Los Zetas" })]
    [InlineData("2011-01-03", new[] { "Cártel de los Beltrán Leyva", "Los Zetas", "Caballeros Templarios" })]
    public void TheHistoryRecordsEachBreakawayFromTheMonthUcdpFirstRecordsItsFighting(string date, string[] brokenAway)
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        var settings = history.Timeline.At(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Settings;
        Assert.Equal(brokenAway, settings.Names(Breakaways.Recorded));
        var ucdp = File.ReadLines(Path.Combine(DataDirectory.Locate().Root, "history", "ucdp_ged_mexico_events_2006_2018.csv")).ToList();
        foreach (var (group, dyad) in new[] { ("Cártel de los Beltrán Leyva", "Beltrán Leyva Cartel - Sinaloa Cartel"), ("Los Zetas", "Gulf Cartel - Los Zetas"), ("Caballeros Templarios", "La Familia - Los Caballeros Templarios") })
        {
            // The first exactly dated event of the dyad falls in the month the scenario records the breakaway.
            var first = ucdp.Where(l => l.Contains($"\"{dyad}\"", StringComparison.Ordinal) && l.Split(',')[4] == "1").Select(l => l.Split(',')[1].Trim('"')).Min()!;
            var from = history.Timeline.Periods.First(p => p.Settings.Names(Breakaways.Recorded).Contains(group)).From;
            Assert.Equal(first[..7], from.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void TheHistoryFightsEachYearTheWarsUcdpRecordsInTheStatesItRecordsThem()
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        for (var year = 2007; year <= 2018; year++)
        {
            Assert.Equal(year, history.Timeline.At(new DateOnly(year, 1, 15)).Settings[RecordedWars.WarsOf]);
            Assert.Equal(year, history.Timeline.At(new DateOnly(year, 12, 31)).Settings[RecordedWars.WarsOf]);
        }

        var wars = UcdpWars.ByYear(DataDirectory.Locate());
        War(2010, "Cártel de Sinaloa", "Cártel del Golfo");
        War(2011, "Cártel de Sinaloa", "Cártel del Golfo"); // 38 deaths in 2010: it holds through 2011
        Assert.DoesNotContain(wars[2012], w => w.A == "Cártel de Sinaloa" && w.B == "Cártel del Golfo");
        Assert.DoesNotContain(wars[2014], w => w.A == "CJNG" && w.B == "Cártel de Sinaloa");
        Assert.Equal([6], War(2015, "CJNG", "Cártel de Sinaloa").States); // Colima
        Assert.Equal([1, 2, 3, 5, 6, 14, 25], War(2018, "CJNG", "Cártel de Sinaloa").States); // and where it spread by 2018, 2017 included
        Assert.Equal([8, 25], War(2011, "Cártel de Juárez", "Cártel de Sinaloa").States); // Chihuahua, Sinaloa

        // Each front dated from the first of its unbroken run of years: Juárez against Sinaloa in Chihuahua from 2007;
        // Sinaloa against the Arellano Félix in Baja California in 2006-2008, and again from 2015; CJNG against Sinaloa in
        // Colima from 2015, in Baja California from 2016.
        Assert.Equal(2007, Began(2014, "Cártel de Juárez", "Cártel de Sinaloa", 8));
        Assert.Equal(2006, Began(2008, "Cártel de Los Arellano Félix", "Cártel de Sinaloa", 2));
        Assert.Equal(2015, Began(2018, "Cártel de Los Arellano Félix", "Cártel de Sinaloa", 2));
        Assert.Equal(2015, Began(2018, "CJNG", "Cártel de Sinaloa", 6));
        Assert.Equal(2016, Began(2018, "CJNG", "Cártel de Sinaloa", 2));

        // As the engine reads them: network indices and atlas states.
        var resolved = UcdpWars.Resolve(wars, Network.Value, Data.Value.Atlas);
        Assert.Equal(wars.Values.Sum(w => w.Count), resolved.Count);
        var sinaloa = resolved.Single(w => w.Year == 2011 && w.A == Network.Value.IndexOf("Cártel de Juárez"));
        Assert.Equal(["Chihuahua", "Sinaloa"], sinaloa.States.Select(s => Data.Value.Atlas.States[s].Name));

        Assert.Equal(2007, sinaloa.BeganIn(0));

        UcdpWars.War War(int year, string a, string b) => wars[year].Single(w => w.A == a && w.B == b);
        int Began(int year, string a, string b, int state) => War(year, a, b) is var war ? war.Since[war.States.ToList().IndexOf(state)] : 0;
    }

    [Theory]
    [InlineData(2005)]
    [InlineData(2019)]
    public void AScenarioFightingTheWarsOfAYearTheRecordDoesNotHoldIsRefusedWithItsLine(int year)
    {
        var folder = Directory.CreateTempSubdirectory("paz-war-");
        try
        {
            var file = Path.Combine(folder.FullName, "war.yaml");
            File.WriteAllText(file, $"name: war\nengine: agent\nstart: 2015-01\nend: 2016-12\nreplicates: 1\nseed: 1\ntimeline:\n  - from: 2016-01\n    wars_of: {year}\n");
            var scenario = AgentScenarioReader.Read(file);
            var inputs = EngineInputsBuilder.Build(Data.Value, new DateOnly(2015, 1, 1));
            var error = Assert.Throws<DataFormatException>(() => ScenarioResolver.CheckWars(scenario, inputs));
            Assert.Equal(9, error.Line);
            Assert.Contains("2006-2018", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ThePresenceRecordIsCidePpdsYearsWithCjngInMostStatesBy2018()
    {
        var data = Data.Value;
        var record = PresenceRecord.ByYear(data.Source, Network.Value, data.Atlas);
        Assert.Equal([2015, 2017, 2018], record.Keys.Order());
        var cjng = Node("N10025");
        Assert.InRange(record[2015][cjng].Length, 7, 9); // PGR's 2015 list: 8 states
        Assert.InRange(record[2018][cjng].Length, 28, 32); // CIDE-PPD's own list alone names 28
        Assert.True(record[2018][cjng].Length > record[2017][cjng].Length);
        Assert.Contains(data.Atlas.StateIndexOf(new Core.Territory.StateCode("11")), record[2018][cjng]); // Guanajuato
        Assert.Contains(data.Atlas.StateIndexOf(new Core.Territory.StateCode("15")), record[2018][Node("N10013")]); // Sinaloa (the Pacific cartel) in the State of México
    }

    [Theory]
    [InlineData("2014-12-31", 0)]
    [InlineData("2015-01-05", 2015)]
    [InlineData("2016-06-30", 2015)]
    [InlineData("2017-01-02", 2017)]
    [InlineData("2018-01-01", 2018)]
    public void TheHistoryTakesInLocalGroupsInEachJanuaryOfAYearThePresenceRecordHolds(string date, int year)
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        Assert.Equal(year, history.Timeline.At(DateOnly.Parse(date, CultureInfo.InvariantCulture)).Settings[RecordedFootholds.PresenceOf]);
        Assert.True(history.Settings.Holds(Explanation.Franchise));
    }

    [Theory]
    [InlineData("Cartel Jalisco Nueva Generacion  CJNG   Antes  Los Mata Zetas", "Cartel Jalisco Nueva Generacion")]
    [InlineData("Los Zetas", "Los Zetas")]
    public void ACidePpdNameLosesTheAnnotationsAfterTwoSpaces(string raw, string name) =>
        Assert.Equal(name, PresenceRecord.NameBeforeAnnotations(raw));

    [Theory]
    [InlineData(2016, 2015)]
    [InlineData(2010, 2007)]
    [InlineData(2017, 2015)]
    public void AScenarioNamingAPresenceYearTheRecordDoesNotHoldIsRefusedWithItsLine(int year, int start)
    {
        var folder = Directory.CreateTempSubdirectory("paz-presence-");
        try
        {
            var file = Path.Combine(folder.FullName, "presence.yaml");
            File.WriteAllText(file, $"name: presence\nengine: agent\nstart: {start}-01\nend: 2018-12\nreplicates: 1\nseed: 1\ntimeline:\n  - from: 2018-01\n    presence_of: {year}\n");
            var scenario = AgentScenarioReader.Read(file);
            var inputs = EngineInputsBuilder.Build(Data.Value, new DateOnly(start, 1, 1));
            var error = Assert.Throws<DataFormatException>(() => ScenarioResolver.CheckPresence(scenario, inputs));
            Assert.Equal(9, error.Line);
            Assert.Contains(start < 2015 ? "2015, 2017, 2018" : "none loaded", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void AScenarioNamingABreakawayTheRunsStartCannotHaveIsRefusedWithItsLine()
    {
        var folder = Directory.CreateTempSubdirectory("paz-breakaway-");
        try
        {
            var file = Path.Combine(folder.FullName, "late.yaml");
            File.WriteAllText(file, "name: late\nengine: agent\nstart: 2015-01\nend: 2016-12\nreplicates: 1\nseed: 1\ntimeline:\n  - from: 2016-01\n    breakaways: [Los Zetas]\n");
            var scenario = AgentScenarioReader.Read(file);
            var inputs = EngineInputsBuilder.Build(Data.Value, new DateOnly(2015, 1, 1));
            var error = Assert.Throws<DataFormatException>(() => ScenarioResolver.CheckBreakaways(scenario, inputs));
            Assert.Equal(9, error.Line);
            Assert.Contains("no recorded breakaway after the run's start", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheSoldiersOfEachYearAreTheSedenaSeries()
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        var file = Path.Combine(DataDirectory.Locate().Root, "history", "national_security_forces_year_2006_2018.csv");
        var sedena = File.ReadLines(file).Skip(1).Select(l => l.Split(','))
            .Where(f => f[1] == "sedena_soldiers_commissioned_vs_organized_crime" && f[4] == "annual figure")
            .GroupBy(f => int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        foreach (var year in new[] { 2007, 2008, 2009, 2010, 2012, 2017, 2018 })
        {
            var inForce = history.Timeline.At(new DateOnly(year, 6, 1)).Settings.Whole(ForceLevers.MilitaryPersonnel);
            Assert.Contains((double)inForce, sedena[year]);
        }
    }

    [Fact]
    public void TheEnvelopeOfNationalChangesIsINEGIsRecordTo2018()
    {
        var envelope = ValidationTargetsBuilder.Envelope(Data.Value);
        Assert.Equal(1990, envelope.FromYear);
        Assert.Equal(2018, envelope.ToYear);
        Assert.Equal(-0.152, envelope.Low, 3);
        Assert.Equal(0.580, envelope.High, 3);
    }

    [Fact]
    public void TheProactiveArrestRateIsSedenasDetentionsPerSoldierOf2007To2012()
    {
        var history = Path.Combine(DataDirectory.Locate().Root, "history");
        var detained = File.ReadLines(Path.Combine(history, "published_aggregates.csv"))
            .Single(l => l.StartsWith("arrests,civilians detained by Sedena", StringComparison.Ordinal)).Split(',')[3];
        var soldiers = File.ReadLines(Path.Combine(history, "national_security_forces_year_2006_2018.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[1] == "sedena_soldiers_commissioned_vs_organized_crime" && int.Parse(f[0], CultureInfo.InvariantCulture) is >= 2007 and <= 2012)
            .GroupBy(f => f[0]).Select(g => double.Parse(g.First()[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, soldiers.Count);
        var perSoldierWeek = double.Parse(detained, CultureInfo.InvariantCulture) / 6 / soldiers.Average() / 52;
        Assert.Equal(perSoldierWeek, GuardOperations.ProactiveArrests.Default, 0.0001);
        Assert.Equal(2 * perSoldierWeek, GuardOperations.ProactiveArrests.Prior!.High, 0.0002);
    }

    [Fact]
    public void TheShippedReplayScenariosRunThePlansOwnChangesOnTheHistory()
    {
        var history = AgentScenarioReader.Read(Scenario("history.yaml"));
        var plan = AgentScenarioReader.Read(Scenario(Path.Combine("replay", "plan-2018.yaml")));
        var continued = AgentScenarioReader.Read(Scenario(Path.Combine("replay", "baseline.yaml")));
        Assert.Equal((history.Start, new DateOnly(2024, 12, 1)), (plan.Start, plan.End));
        Assert.Equal(history.Settings[WorldParameters.InitialMembers], plan.Settings[WorldParameters.InitialMembers]);
        var november = new DateOnly(2018, 11, 1);
        Assert.Equal(history.Timeline.At(november).Settings[Targeting.LeaderRemovalsPerWeek], plan.Timeline.At(november).Settings[Targeting.LeaderRemovalsPerWeek]);
        Assert.Equal(TargetingStrategy.None, plan.Timeline.At(new DateOnly(2019, 1, 1)).Settings.Choice<TargetingStrategy>(Targeting.Strategy));
        Assert.Equal(history.Timeline.At(november).Settings[Targeting.LeaderRemovalsPerWeek], continued.Timeline.At(new DateOnly(2024, 1, 1)).Settings[Targeting.LeaderRemovalsPerWeek]);
        Assert.DoesNotContain(plan.Files, f => f.EndsWith(Path.DirectorySeparatorChar + "baseline.yaml", StringComparison.Ordinal));
    }
}
