using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PartnerSim.Grains.Runs;
using PartnerSim.Grains.Driver;
using PartnerSim.Grains.Partners;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Population;
using PartnerSim.Silo;
using PartnerSim.Silo.Postgres;
using Xunit.Abstractions;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// The PostgreSQL-backed cluster (<see cref="ClusterSilo"/>, <see cref="ClusterClient"/>): schema creation, a
/// 2-silo run that matches the in-process loop, state surviving a silo restart.
/// </summary>
[Collection("Postgres")]
public sealed class PostgresClusterTests(PrivatePostgres postgres, ITestOutputHelper output)
{
    private static readonly string[] OrleansTables =
        ["orleansquery", "orleansmembershiptable", "orleansstorage", "partnersim_runs", "partnersim_run_quarters"];

    private static ScenarioOptions Options(int partners, int quarters) => new()
    {
        Run = new RunOptions { Name = "postgres-test", Seed = 20260125, Quarters = quarters },
        Population = new PopulationOptions { Partners = partners },
    };

    private static RunResult InProc(ScenarioOptions options)
    {
        var rules = new RuleBook(options);
        var generator = new PopulationGenerator(rules);
        return EngineLoop.Run(rules, new GeneratedPartners(generator, generator.ComputeTierCuts()), 0);
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static SiloHostOptions Silo(string db) => new() { Postgres = db, ClusterId = "pg-test", ServiceId = "pg-test" };

    [PostgresFact]
    public async Task Schema_IsCreatedOnce_SecondCallIsANoOp()
    {
        var db = await postgres.CreateDatabaseAsync("schema");
        foreach (var table in OrleansTables)
            Assert.False(await Scalar<bool>(db, $"SELECT to_regclass('{table}') IS NOT NULL"), $"{table} before EnsureAsync");

        await PostgresSchema.EnsureAsync(db);
        foreach (var table in OrleansTables)
            Assert.True(await Scalar<bool>(db, $"SELECT to_regclass('{table}') IS NOT NULL"), $"{table} after EnsureAsync");
        long queries = await Scalar<long>(db, "SELECT count(*) FROM orleansquery");
        Assert.True(queries > 10, $"{queries} Orleans queries");

        // Again, and twice at once (two silos starting together): nothing changes, nothing fails.
        await Task.WhenAll(PostgresSchema.EnsureAsync(db), PostgresSchema.EnsureAsync(db));
        Assert.Equal(queries, await Scalar<long>(db, "SELECT count(*) FROM orleansquery"));
    }

    [PostgresFact]
    public async Task Schema_ConcurrentFirstCalls_BothSucceed()
    {
        var db = await postgres.CreateDatabaseAsync("schema_race");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgresSchema.EnsureAsync(db)));
        foreach (var table in OrleansTables)
            Assert.True(await Scalar<bool>(db, $"SELECT to_regclass('{table}') IS NOT NULL"), table);
    }

    [PostgresFact]
    public async Task TwoSiloCluster_MatchesInProcDigest_AndStoresEveryPartner()
    {
        var db = await postgres.CreateDatabaseAsync("cluster");
        var options = Options(partners: 3000, quarters: 4);
        var expected = InProc(options);
        var clock = Stopwatch.StartNew();

        using var silo1 = ClusterSilo.Build(Silo(db));
        using var silo2 = ClusterSilo.Build(Silo(db));
        await Task.WhenAll(silo1.StartAsync(), silo2.StartAsync());
        using var client = ClusterClient.BuildClient(db, "pg-test");
        await client.StartAsync();
        output.WriteLine($"cluster up in {clock.Elapsed.TotalSeconds:F1} s");
        try
        {
            long active = await Scalar<long>(db, "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'pg-test' AND status = 3");
            Assert.Equal(2, active);

            clock.Restart();
            var actual = await new QuarterDriver(client.Services.GetRequiredService<IClusterClient>())
                .Run(options, "pg-cluster", shape: new CohortShape { LeafSize = 1024, FanOut = 2 }, checkpointEvery: 1);
            output.WriteLine($"run in {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(expected.Digest, actual.Digest);
            for (int q = 0; q < expected.PerQuarter.Count; q++)
                Assert.True(expected.PerQuarter[q].ToBytes().AsSpan().SequenceEqual(actual.PerQuarter[q].ToBytes()), $"quarter {q} stats");

            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync();
            await using (var types = new NpgsqlCommand(
                             "SELECT graintypestring, count(*), min(grainidextensionstring), min(length(payloadbinary)) FROM orleansstorage GROUP BY 1", connection))
            await using (var reader = await types.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    output.WriteLine($"{reader.GetString(0)}: {reader.GetInt64(1)} rows, e.g. '{reader.GetValue(2)}', min {reader.GetValue(3)} bytes");
            Assert.Equal(3000L, await Scalar<long>(db, PartnerRows("pg-cluster")));
            // Orleans' binary serializer, not JSON text.
            var payload = await Scalar<byte[]>(db, PartnerRows("pg-cluster").Replace("count(*)", "payloadbinary") + " LIMIT 1");
            Assert.NotEqual((byte)'{', payload[0]);
        }
        finally
        {
            await client.StopAsync();
            await Task.WhenAll(silo1.StopAsync(), silo2.StopAsync());
            NpgsqlConnection.ClearAllPools();
        }
    }

    [PostgresFact]
    public async Task PartnerState_SurvivesSiloRestart()
    {
        var db = await postgres.CreateDatabaseAsync("restart");
        const string runKey = "pg-restart";
        long[] ids = [1, 2, 377, 999, 1000];
        var before = new Dictionary<long, byte[]>();

        using (var silo = ClusterSilo.Build(Silo(db)))
        {
            await silo.StartAsync();
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            await new QuarterDriver(grains).Run(Options(partners: 1000, quarters: 2), runKey,
                shape: new CohortShape { LeafSize = 1024, FanOut = 2 }, checkpointEvery: 1);
            foreach (var id in ids) before[id] = await grains.GetGrain<IPartnerGrain>(id, runKey).StateBytes();
            await silo.StopAsync();
        }
        Assert.Equal(1000L, await Scalar<long>(db, PartnerRows(runKey)));

        using (var silo = ClusterSilo.Build(Silo(db)))
        {
            await silo.StartAsync();
            try
            {
                var grains = silo.Services.GetRequiredService<IGrainFactory>();
                foreach (var id in ids)
                {
                    var after = await grains.GetGrain<IPartnerGrain>(id, runKey).StateBytes();
                    Assert.True(before[id].AsSpan().SequenceEqual(after), $"partner {id}: state after restart differs");
                }
                // Different partners have different states (guards against a vacuous comparison).
                Assert.False(before[1].AsSpan().SequenceEqual(before[2]));
            }
            finally
            {
                await silo.StopAsync();
                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    [PostgresFact]
    public async Task Host_UnreachableDatabase_StartThrowsOneLineError()
    {
        int port = EmbeddedSilo.FreePort();
        using var silo = ClusterSilo.Build(new SiloHostOptions { Postgres = $"Host=127.0.0.1;Port={port};Username=x;Password=hunter2;Database=d;Timeout=5" });
        var e = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => silo.StartAsync());
        Assert.StartsWith($"cannot reach PostgreSQL at 127.0.0.1:{port}/d: ", e.Message);
    }

    /// <summary>Partner rows of one run in OrleansStorage.</summary>
    private static string PartnerRows(string runKey) =>
        $"SELECT count(*) FROM orleansstorage WHERE graintypestring = 'partner' AND grainidextensionstring LIKE '%{runKey}%'";
}

/// <summary>An unreachable database is a one-line error naming host and port, without the password (no server needed).</summary>
public sealed class PostgresUnavailableTests
{
    [Fact]
    public async Task EnsureAsync_ClosedPort_ThrowsOneLineError()
    {
        int port = EmbeddedSilo.FreePort();
        var e = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            PostgresSchema.EnsureAsync($"Host=127.0.0.1;Port={port};Username=sim;Password=hunter2;Database=partners;Timeout=5"));
        Assert.StartsWith($"cannot reach PostgreSQL at 127.0.0.1:{port}/partners: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public async Task SiloCommand_ClosedPort_ExitCode2_OneLine()
    {
        int port = EmbeddedSilo.FreePort();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await SiloCommand.RunAsync(["--postgres", $"Host=127.0.0.1;Port={port};Username=sim;Password=hunter2;Database=partners;Timeout=5"],
            stdout, stderr);
        Assert.Equal(2, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"error: cannot reach PostgreSQL at 127.0.0.1:{port}/partners: ", lines[0]);
        Assert.DoesNotContain("hunter2", lines[0]);
    }

    [Fact]
    public void ProviderConnectionString_DefaultsPoolAndTimeout_KeepsGivenValues()
    {
        var given = new NpgsqlConnectionStringBuilder(ClusterSilo.ProviderConnectionString("Host=h;Database=d"));
        Assert.Equal((32, 300), (given.MaxPoolSize, given.Timeout));
        var kept = new NpgsqlConnectionStringBuilder(ClusterSilo.ProviderConnectionString("Host=h;maximum pool size=7;timeout=9"));
        Assert.Equal((7, 9), (kept.MaxPoolSize, kept.Timeout));
    }

    [Fact]
    public async Task SiloCommand_BadArgument_ExitCode2()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await SiloCommand.RunAsync(["--silo-port", "x"], new StringWriter(), stderr));
        Assert.StartsWith("error: --silo-port: 'x' is not a port", stderr.ToString());
    }
}
