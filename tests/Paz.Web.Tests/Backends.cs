namespace Paz.Web.Tests;

/// <summary>A fresh host on a backend, or a loud skip when that backend's server is unavailable.</summary>
internal static class Backends
{
    public static TribunalHost NewHost(Backend backend)
    {
        if (backend == Backend.Postgres && TribunalHost.PostgresServer is null)
        {
            Assert.Skip("SKIPPED ON POSTGRESQL: PAZ_TEST_POSTGRES is not set and '.ci/postgres' could not install or start Debian's postgresql.");
        }

        return new TribunalHost(backend);
    }
}

/// <summary>The service's JSON conventions (snake_case names and enum values), for reading its answers.</summary>
internal static class TestJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower) },
    };
}
