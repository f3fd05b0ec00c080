using Paz.Core.Peacebuilding;
using Paz.Core.Territory;
using Paz.Data.Csv;

namespace Paz.Data.Peacebuilding;

/// <summary>
/// Reads a council file: one row per seat (<c>council, composition, scope, place, role, member</c>), where
/// <c>composition</c> names the rules the council must meet (<see cref="CouncilComposition.Known"/>), <c>scope</c> is
/// <c>region</c> or <c>municipality</c> and <c>place</c> a municipality code (for a region: any municipality of it, so
/// the file does not depend on how regions are numbered). Every council is checked against its composition; the first
/// problem is refused with the file and the line of the row that shows it (for a missing seat, the council's first row).
/// </summary>
public static class CouncilFileLoader
{
    /// <summary>The columns a council file must have.</summary>
    public static readonly IReadOnlyList<string> Columns = ["council", "composition", "scope", "place", "role", "member"];

    private sealed class Draft(string id, CouncilComposition composition, CouncilScope scope, MunicipalityCode place, int line)
    {
        public string Id { get; } = id;

        public CouncilComposition Composition { get; } = composition;

        public CouncilScope Scope { get; } = scope;

        public MunicipalityCode Place { get; } = place;

        public int FirstLine { get; } = line;

        public List<CouncilRole> Members { get; } = [];
    }

    /// <summary>The councils of a file, in the order they first appear.</summary>
    /// <exception cref="DataFormatException">A malformed row, an unknown role, composition, scope or place, a council whose rows disagree, or one whose seats break its composition.</exception>
    public static IReadOnlyList<PeacebuildingCouncil> Read(string path, Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var file = CsvFile.Open(path);
        int council = file.Column("council"), composition = file.Column("composition"), scope = file.Column("scope");
        int place = file.Column("place"), role = file.Column("role"), member = file.Column("member");
        var drafts = new List<Draft>();
        var byId = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var seated = new FirstSeen<string>("council and member");
        file.ForEachRow(row =>
        {
            var id = row.Text(council);
            var rules = CouncilComposition.Find(row.Text(composition))
                ?? throw row.Fail(composition, $"one of {string.Join(", ", CouncilComposition.Known.Select(c => c.Name))}", row.Text(composition));
            var where = row.Text(scope) switch
            {
                "region" => CouncilScope.Region,
                "municipality" => CouncilScope.Municipality,
                var other => throw row.Fail(scope, "region or municipality", other),
            };
            var code = row.Text(place);
            if (!MunicipalityCode.IsValid(code) || !atlas.Contains(new MunicipalityCode(code)))
            {
                throw row.Fail(place, "a municipality code of the atlas", code);
            }

            var seat = CouncilRoles.Parse(row.Text(role)) ?? throw row.Fail(role, $"one of {string.Join(", ", CouncilRoles.Words)}", row.Text(role));
            seated.Add(row, $"{id} {row.Text(member)}");
            if (!byId.TryGetValue(id, out var draft))
            {
                draft = new Draft(id, rules, where, new MunicipalityCode(code), row.Line);
                byId[id] = draft;
                drafts.Add(draft);
            }
            else if (draft.Composition != rules || draft.Scope != where || draft.Place.Value != code)
            {
                throw row.Fail($"council '{id}' was declared on line {draft.FirstLine} as {draft.Composition.Name}, {Word(draft.Scope)} {draft.Place.Value}; every row of a council must repeat its composition, scope and place");
            }

            draft.Members.Add(seat);
        });

        foreach (var d in drafts)
        {
            if (d.Composition.Problems(d.Members) is { Count: > 0 } problems)
            {
                throw new DataFormatException(file.Path, d.FirstLine, $"council '{d.Id}' breaks the {d.Composition.Name} composition ({d.Composition.Source}): {string.Join("; ", problems)}");
            }
        }

        return [.. drafts.Select(d => new PeacebuildingCouncil(d.Id, d.Composition, d.Scope, d.Place, d.Members))];
    }

    private static string Word(CouncilScope scope) => scope == CouncilScope.Region ? "region" : "municipality";
}
