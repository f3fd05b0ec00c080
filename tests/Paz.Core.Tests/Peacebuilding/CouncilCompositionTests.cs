using Paz.Core.Peacebuilding;

namespace Paz.Core.Tests.Peacebuilding;

/// <summary>The plan's council composition and the seed's alternative.</summary>
public class CouncilCompositionTests
{
    private static readonly CouncilRole[] PlanSeats =
    [
        CouncilRole.Government, CouncilRole.Government, CouncilRole.Government,
        CouncilRole.CivilSociety, CouncilRole.CivilSociety, CouncilRole.CivilSociety,
        CouncilRole.HumanRightsGuest, CouncilRole.UnObserver,
    ];

    [Fact]
    public void ThreeGovernmentThreeCivilSocietyAHumanRightsGuestAndAUnObserverMeetThePlan()
    {
        Assert.Empty(CouncilComposition.Plan2018.Problems(PlanSeats));
    }

    [Fact]
    public void AMissingCivilSocietySeatIsNamedWithWhatThePlanRequires()
    {
        var problems = CouncilComposition.Plan2018.Problems(PlanSeats.Skip(1).Where((_, k) => k != 3).Prepend(CouncilRole.Government).ToList());
        Assert.Equal(["2 civil_society member(s) where the plan-2018 composition requires 3"], problems);
    }

    [Fact]
    public void TheRecommendedCompositionSeatsTheHumanRightsCommissionAsAMemberNotAGuest()
    {
        var problems = CouncilComposition.Recommended.Problems(PlanSeats);
        Assert.Contains("0 human_rights_member member(s) where the recommended composition requires 1", problems);
        Assert.Contains("1 human_rights_guest member(s) where the recommended composition has no such seat", problems);
        Assert.Empty(CouncilComposition.Recommended.Problems([.. PlanSeats.Select(r => r == CouncilRole.HumanRightsGuest ? CouncilRole.HumanRightsMember : r)]));
    }

    [Fact]
    public void EveryRoleHasAWordAndEveryWordItsRole()
    {
        Assert.All(Enum.GetValues<CouncilRole>(), role => Assert.Equal(role, CouncilRoles.Parse(role.Word())));
        Assert.Null(CouncilRoles.Parse("mayor"));
    }
}
