using PartnerSim.Runs.Cluster;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// The tests' private PostgreSQL server (<see cref="PostgresServer"/>), started once for the collection.
/// Without PostgreSQL the tests are skipped (<see cref="PostgresFactAttribute"/>), or fail when
/// <c>PARTNERSIM_REQUIRE_POSTGRES=1</c> (CI).
/// </summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    public const string RequireVariable = "PARTNERSIM_REQUIRE_POSTGRES";

    /// <summary>The directory holding initdb, pg_ctl and postgres; null when PostgreSQL is not installed.</summary>
    public static string? BinDir => PostgresServer.BinDir;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private PostgresServer? _server;

    /// <summary>The running server (tests that lose the database stop and start it).</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL was not started");

    public int Port => Server.Port;

    /// <summary>Connection string of the server's <c>postgres</c> database (superuser, trust auth).</summary>
    public string AdminConnectionString => Server.AdminConnectionString;

    public async Task InitializeAsync()
    {
        if (BinDir is null && !Required) return; // every [PostgresFact] is skipped
        if (BinDir is null)
            throw new InvalidOperationException(
                $"PostgreSQL is not installed (no initdb from `pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH), " +
                $"and {RequireVariable}=1 requires it");
        _server = await PostgresServer.StartAsync();
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) => Server.CreateDatabaseAsync(prefix);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A test needing PostgreSQL: skipped when it is not installed, unless PARTNERSIM_REQUIRE_POSTGRES=1 (then it fails).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PrivatePostgres.BinDir is null && !PrivatePostgres.Required)
            Skip = $"PostgreSQL not installed (set {PrivatePostgres.RequireVariable}=1 to fail instead)";
    }
}

/// <summary>One private server for every PostgreSQL test; each test makes its own database. Run one at a time.</summary>
[CollectionDefinition("Postgres", DisableParallelization = true)]
public sealed class PostgresCollection : ICollectionFixture<PrivatePostgres>;
