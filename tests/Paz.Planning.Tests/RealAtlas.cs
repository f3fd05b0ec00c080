using Paz.Data;

namespace Paz.Planning.Tests;

internal static class RealAtlas
{
    private static readonly Lazy<PazDataSet> Data = new(() => PazDataSet.Load(DataDirectory.Locate()));

    public static PazDataSet Instance => Data.Value;
}
