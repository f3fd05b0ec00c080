using Paz.Core.Organizations;
using Paz.Data;
using Paz.Data.Groups;

namespace Paz.Simulation.Tests.Aggregate;

/// <summary>The shipped BACRIM 2020 network, loaded once for all tests.</summary>
internal static class PublishedNetwork
{
    private static readonly Lazy<GroupNetwork> Network = new(() => GroupNetworkLoader.Load(DataDirectory.Locate()));

    public static GroupNetwork Instance => Network.Value;
}
