using Paz.Core.Territory;

namespace Paz.Data.Tests;

/// <summary>A synthetic three-municipality atlas for loader tests (not real data).</summary>
internal static class TinyAtlas
{
    public static readonly Atlas Instance = new(
        [new State(new StateCode("01"), "Aguascalientes", "Aguascalientes", "AGS")],
        [M("01001"), M("01002"), M("01003")],
        []);

    public static readonly IReadOnlySet<MunicipalityCode> Codes = Instance.Municipalities.Select(m => m.Code).ToHashSet();

    private static Municipality M(string code) => new(new MunicipalityCode(code), code, new CensusPopulation([(2020, 1000)]), default, 1, null);
}
