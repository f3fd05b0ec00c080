namespace Paz.Core.Peacebuilding;

/// <summary>
/// How many seats of each role a Peacebuilding Council must have. The plan (seed, "Peacebuilding"): a council "staffed
/// by three government representatives, three civil society members, a 'guest' from the Human Rights Commission, and a
/// U.N. observer". The seed's recommendation (ibid., "Long overdue human rights protections"): "It is also not clear why
/// at the Peacebuilding Council, human rights commission representatives should be only guests, and not equal members".
/// </summary>
/// <param name="Name">The composition's name, as scenarios and council files refer to it.</param>
/// <param name="Source">The passage it encodes.</param>
/// <param name="Seats">The exact number of seats each role must hold; a role absent here may hold none.</param>
public sealed record CouncilComposition(string Name, string Source, IReadOnlyDictionary<CouncilRole, int> Seats)
{
    /// <summary>The plan as announced: 3 government, 3 civil society, a human-rights guest, a UN observer.</summary>
    public static CouncilComposition Plan2018 { get; } = new(
        "plan-2018",
        "seed: 'staffed by three government representatives, three civil society members, a \"guest\" from the Human Rights Commission, and a U.N. observer'",
        new Dictionary<CouncilRole, int>
        {
            [CouncilRole.Government] = 3,
            [CouncilRole.CivilSociety] = 3,
            [CouncilRole.HumanRightsGuest] = 1,
            [CouncilRole.UnObserver] = 1,
        });

    /// <summary>The seed's design: the human-rights commission as an equal member rather than a guest.</summary>
    public static CouncilComposition Recommended { get; } = new(
        "recommended",
        "seed: 'not clear why at the Peacebuilding Council, human rights commission representatives should be only guests, and not equal members'",
        new Dictionary<CouncilRole, int>
        {
            [CouncilRole.Government] = 3,
            [CouncilRole.CivilSociety] = 3,
            [CouncilRole.HumanRightsMember] = 1,
            [CouncilRole.UnObserver] = 1,
        });

    /// <summary>The compositions a council file may name.</summary>
    public static IReadOnlyList<CouncilComposition> Known { get; } = [Plan2018, Recommended];

    /// <summary>The composition of that name, or null.</summary>
    public static CouncilComposition? Find(string name) => Known.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// What is wrong with a council's seats under this composition, one sentence per role that differs (empty when it
    /// conforms): "2 civil_society members where the plan-2018 composition requires 3".
    /// </summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<CouncilRole> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var problems = new List<string>();
        foreach (var role in Enum.GetValues<CouncilRole>())
        {
            var have = members.Count(r => r == role);
            var need = Seats.GetValueOrDefault(role);
            if (have != need)
            {
                problems.Add(need == 0
                    ? $"{have} {role.Word()} member(s) where the {Name} composition has no such seat"
                    : $"{have} {role.Word()} member(s) where the {Name} composition requires {need}");
            }
        }

        return problems;
    }
}
