using Paz.Core.Peacebuilding;
using Paz.Data.Peacebuilding;

namespace Paz.Data.Tests;

/// <summary>Council files: the shipped illustration conforms; a malformed file is refused with its file and line.</summary>
public class CouncilFileTests
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    private const string Header = "council,composition,scope,place,role,member\n";

    private static string Plan(string id = "c", string place = "16006") =>
        string.Concat(new[] { "government", "government", "government", "civil_society", "civil_society", "civil_society", "human_rights_guest", "un_observer" }
            .Select((role, k) => $"{id},plan-2018,region,{place},{role},member {k}\n"));

    private static DataFormatException Refused(string content)
    {
        using var file = new BrokenFile("councils.csv", Header + content);
        var error = Assert.Throws<DataFormatException>(() => CouncilFileLoader.Read(file.Path, Data.Value.Atlas));
        Assert.StartsWith($"{file.Path}:{error.Line}: ", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void TheShippedCouncilsMeetTheirCompositions()
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(DataDirectory.Locate().Root))!, "scenarios", "councils", "tierra-caliente.csv");
        var councils = CouncilFileLoader.Read(path, Data.Value.Atlas);
        Assert.Equal(["tierra-caliente-plan", "chilapa-recommended"], councils.Select(c => c.Id));
        Assert.Equal(CouncilScope.Region, councils[0].Scope);
        Assert.Equal(8, councils[1].Members.Count);
    }

    [Fact]
    public void AnUnknownRoleIsRefusedOnItsLineWithTheRolesAllowed()
    {
        var error = Refused(Plan().Replace("un_observer", "mayor", StringComparison.Ordinal));
        Assert.Equal(9, error.Line);
        Assert.Contains("one of government, civil_society, human_rights_guest, human_rights_member, un_observer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongCompositionIsRefusedOnTheCouncilsFirstLineWithWhatItLacks()
    {
        var error = Refused("x,plan-2018,municipality,12028,government,a\n" + Plan("c").Replace("civil_society,member 5", "government,member 5", StringComparison.Ordinal));
        Assert.Equal(2, error.Line);
        Assert.Contains("council 'x' breaks the plan-2018 composition", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 civil_society member(s) where the plan-2018 composition requires 3", error.Message, StringComparison.Ordinal);

        var second = Refused(Plan("c").Replace("civil_society,member 5", "government,member 5", StringComparison.Ordinal));
        Assert.Equal(2, second.Line);
        Assert.Contains("4 government member(s) where the plan-2018 composition requires 3", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsOfOneCouncilThatDisagreeAnUnknownPlaceOrAMemberSeatedTwiceAreRefusedOnTheirLine()
    {
        Assert.Equal(5, Refused(Plan().Replace("c,plan-2018,region,16006,civil_society,member 3", "c,plan-2018,municipality,16006,civil_society,member 3", StringComparison.Ordinal)).Line);
        Assert.Equal(2, Refused(Plan(place: "99999")).Line);
        Assert.Equal(3, Refused(Plan().Replace("member 1", "member 0", StringComparison.Ordinal)).Line);
        Assert.Contains("one of plan-2018, recommended", Refused(Plan().Replace("plan-2018", "plan-2019", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }
}
