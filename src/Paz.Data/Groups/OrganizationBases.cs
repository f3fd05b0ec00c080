using Paz.Core.Organizations;
using Paz.Data.Csv;

namespace Paz.Data.Groups;

/// <summary>
/// The state an organization was based in before 2007 (data/groups/organization_bases_transcribed.csv, each row with its
/// source): where its members gather at the start when <c>home_pull</c> is above 1 (<see cref="Simulation.Agents.InitialWorld"/>).
/// </summary>
/// <remarks>
/// MCO says only whether an organization was present in a state; read alone, it spreads the Sinaloa cartel, listed in 29
/// states in 2007, as thickly over Tamaulipas and Chihuahua as over Sinaloa, and the Arellano Félix over Sinaloa as
/// over Tijuana. The bases say where each organization ran its trade from.
/// </remarks>
public static class OrganizationBases
{
    /// <summary>The home states (atlas indices) of each network node, empty where the file names none.</summary>
    /// <exception cref="DataFormatException">A node not in the network, a state not in the atlas, or a pair listed twice.</exception>
    public static IReadOnlyList<int[]> Load(string path, GroupNetwork network, Core.Territory.Atlas atlas)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(atlas);
        var homes = network.Groups.Select(_ => new SortedSet<int>()).ToArray();
        var file = CsvFile.Open(path);
        int nodeColumn = file.Column("node"), stateColumn = file.Column("cve_ent");
        var seen = new FirstSeen<(string, string)>("organization and state");
        file.ForEachRow(row =>
        {
            var id = row.Text(nodeColumn);
            if (!network.TryIndexOfNode(id, out var g))
            {
                throw row.Fail(nodeColumn, "a node of the network (groups/BACRIM2020_Nodes.csv)", id);
            }

            var code = row.Text(stateColumn);
            if (!Core.Territory.StateCode.IsValid(code) || !atlas.TryStateIndexOf(new Core.Territory.StateCode(code), out var state))
            {
                throw row.Fail(stateColumn, "a state code of the atlas", code);
            }

            seen.Add(row, (id, code), $"{id} in state {code}");
            homes[g].Add(state);
        });
        return [.. homes.Select(h => h.ToArray())];
    }
}
