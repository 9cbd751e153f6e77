using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PartnerSim.Grains.Driver;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;
using PartnerSim.Silo.Postgres;

namespace PartnerSim.Runs.Durable;

/// <summary>
/// A run's record in PostgreSQL (<c>silo/Sql/PartnerSim-Runs.sql</c>): a row per run (scenario, seed, state, the last
/// durable quarter) and a row per completed quarter holding its reduction. A journal drives one run: it is opened when
/// the run starts (<see cref="BeginAsync"/>) or is resumed (<see cref="TakeOverAsync"/>), and only the client holding
/// the latest one may record, so a client that was given up for dead and comes back cannot write over its successor.
/// </summary>
public sealed class RunJournal : IQuarterJournal
{
    private readonly string _connectionString;
    private readonly string _owner = Guid.NewGuid().ToString("N");

    public string RunId { get; }

    public string Where { get; }

    private RunJournal(string connectionString, string runId)
    {
        // Never wait long on a database that is gone: a connection gets 15 s unless the caller chose otherwise.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!new[] { "Timeout", "Connection Timeout", "ConnectionTimeout", "Connect Timeout" }.Any(given.ContainsKey)) b.Timeout = 15;
        _connectionString = b.ConnectionString;
        RunId = runId;
        Where = $"PostgreSQL at {PostgresSchema.Describe(connectionString)}";
    }

    /// <summary>A new run id: the scenario's name, the UTC start time and four random hex digits (never part of a result).</summary>
    public static string NewRunId(string scenario) =>
        $"{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}";

    /// <summary>Records a new run (state running, no quarter durable yet) and returns its journal.</summary>
    public static async Task<RunJournal> BeginAsync(string connectionString, string runId, ScenarioOptions options, int partners,
        double topBookingsShare, int checkpointEvery)
    {
        var journal = new RunJournal(connectionString, runId);
        await using var connection = await journal.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO partnersim_runs (run_id, scenario, seed, partners, quarters, options, top_bookings_share, checkpoint_every, state, owner)
            VALUES (@id, @scenario, @seed, @partners, @quarters, @options, @share, @every, 'running', @owner)
            """, connection);
        insert.Parameters.AddWithValue("id", runId);
        insert.Parameters.AddWithValue("scenario", options.Run.Name);
        insert.Parameters.AddWithValue("seed", (decimal)options.Run.Seed);
        insert.Parameters.AddWithValue("partners", partners);
        insert.Parameters.AddWithValue("quarters", options.Run.Quarters);
        insert.Parameters.AddWithValue("options", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(options));
        insert.Parameters.AddWithValue("share", topBookingsShare);
        insert.Parameters.AddWithValue("every", checkpointEvery);
        insert.Parameters.AddWithValue("owner", journal._owner);
        await insert.ExecuteNonQueryAsync();
        return journal;
    }

    /// <summary>What a resumed run needs: its scenario, the quarters recorded so far (in order), and its report inputs.</summary>
    public sealed record Resumable(JournaledRun Run, ScenarioOptions Options, double TopBookingsShare, IReadOnlyList<QuarterStats> Recorded);

    /// <summary>
    /// Makes this client the run's driver (a resume): reads what was recorded and takes ownership, so that the client
    /// that drove it before records nothing more.
    /// </summary>
    /// <exception cref="Inputs.BadInputException">No such run, or it completed already.</exception>
    public static async Task<(RunJournal Journal, Resumable Run)> TakeOverAsync(string connectionString, string runId)
    {
        var journal = new RunJournal(connectionString, runId);
        await using var connection = await journal.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var run = await Find(connection, runId, tx, forUpdate: true)
                  ?? throw new Inputs.BadInputException($"{runId}: no such run in {journal.Where} (`partnersim runs` lists them)");
        if (run.Run.State == JournaledRun.Completed)
            throw new Inputs.BadInputException($"{runId}: the run completed already (digest {run.Run.Digest})");
        var recorded = new List<QuarterStats>();
        await using (var quarters = new NpgsqlCommand(
                         "SELECT quarter, stats FROM partnersim_run_quarters WHERE run_id = @id AND quarter <= @last ORDER BY quarter", connection, tx))
        {
            quarters.Parameters.AddWithValue("id", runId);
            quarters.Parameters.AddWithValue("last", run.Run.DurableQuarter);
            await using var reader = await quarters.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetInt32(0) != recorded.Count)
                    throw new InvalidOperationException($"{runId}: quarter {recorded.Count} is missing from the record");
                recorded.Add(QuarterStats.FromBytes(reader.GetFieldValue<byte[]>(1)));
            }
        }
        if (recorded.Count != run.Run.DurableQuarter + 1)
            throw new InvalidOperationException($"{runId}: {recorded.Count} quarters recorded, but quarter {run.Run.DurableQuarter} is said durable");
        await using (var take = new NpgsqlCommand(
                         "UPDATE partnersim_runs SET owner = @owner, state = 'running', error = NULL, resumes = resumes + 1, updated_at = now() WHERE run_id = @id",
                         connection, tx))
        {
            take.Parameters.AddWithValue("owner", journal._owner);
            take.Parameters.AddWithValue("id", runId);
            await take.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return (journal, run with { Recorded = recorded });
    }

    public async Task Record(int quarter, QuarterStats stats)
    {
        var bytes = stats.ToBytes();
        await using var connection = await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
                         "INSERT INTO partnersim_run_quarters (run_id, quarter, stats) VALUES (@id, @q, @stats) ON CONFLICT (run_id, quarter) DO NOTHING",
                         connection, tx))
        {
            insert.Parameters.AddWithValue("id", RunId);
            insert.Parameters.AddWithValue("q", quarter);
            insert.Parameters.AddWithValue("stats", bytes);
            await insert.ExecuteNonQueryAsync();
        }
        await using (var stored = new NpgsqlCommand("SELECT stats FROM partnersim_run_quarters WHERE run_id = @id AND quarter = @q", connection, tx))
        {
            stored.Parameters.AddWithValue("id", RunId);
            stored.Parameters.AddWithValue("q", quarter);
            // The same (run, quarter) is one reduction: recorded twice, it must be the same bytes.
            if (await stored.ExecuteScalarAsync() is not byte[] held || !held.AsSpan().SequenceEqual(bytes))
                throw new InvalidOperationException($"{RunId}: quarter {quarter} was recorded before with other figures");
        }
        await Owned(connection, tx, "durable_quarter = GREATEST(durable_quarter, @q)", ("q", quarter));
        await tx.CommitAsync();
    }

    public async Task CompleteAsync(string digest)
    {
        await using var connection = await OpenAsync();
        await Owned(connection, null, "state = 'completed', digest = @digest", ("digest", digest));
    }

    /// <summary>Records why the run stopped, when the database can still be told (a lost database cannot).</summary>
    public async Task FailAsync(string error)
    {
        try
        {
            await using var connection = await OpenAsync();
            await Owned(connection, null, "state = 'failed', error = @error", ("error", error));
        }
        catch (Exception e) when (e is NpgsqlException or DatabaseUnavailableException or InvalidOperationException) { }
    }

    public async Task<bool> Reachable()
    {
        try
        {
            var probe = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, Timeout = 10, CommandTimeout = 10 };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The run's last durable quarter (−1: none yet); null when the database does not answer within 5 s.</summary>
    public static async Task<int?> DurableQuarterAsync(string connectionString, string runId)
    {
        try
        {
            var quick = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5, CommandTimeout = 5 };
            await using var connection = new NpgsqlConnection(quick.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT durable_quarter FROM partnersim_runs WHERE run_id = @id", connection);
            command.Parameters.AddWithValue("id", runId);
            return await command.ExecuteScalarAsync() is int quarter ? quarter : -1;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Every run recorded in the database, newest first.</summary>
    public static async Task<IReadOnlyList<JournaledRun>> ListAsync(string connectionString)
    {
        await PostgresSchema.EnsureAsync(connectionString);
        await using var connection = await PostgresSchema.OpenAsync(connectionString);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM partnersim_runs ORDER BY started_at DESC, run_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<JournaledRun>();
        while (await reader.ReadAsync()) runs.Add(Read(reader));
        return runs;
    }

    private const string Columns =
        "run_id, scenario, seed, partners, quarters, state, durable_quarter, resumes, digest, error, started_at, updated_at, options, top_bookings_share";

    private static JournaledRun Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), (ulong)r.GetDecimal(2), r.GetInt32(3), r.GetInt32(4), Model.Time.FiscalQuarter.Parse(Options(r).Run.Start),
        r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.GetFieldValue<DateTimeOffset>(10), r.GetFieldValue<DateTimeOffset>(11));

    private static ScenarioOptions Options(NpgsqlDataReader r) => JsonSerializer.Deserialize<ScenarioOptions>(r.GetString(12))!;

    private static async Task<Resumable?> Find(NpgsqlConnection connection, string runId, NpgsqlTransaction tx, bool forUpdate)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM partnersim_runs WHERE run_id = @id{(forUpdate ? " FOR UPDATE" : "")}", connection, tx);
        command.Parameters.AddWithValue("id", runId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new Resumable(Read(reader), Options(reader), reader.GetDouble(13), []);
    }

    /// <summary>Updates the run's row if this journal still owns it; otherwise the run was taken over, and that is final.</summary>
    private async Task Owned(NpgsqlConnection connection, NpgsqlTransaction? tx, string set, params (string Name, object Value)[] values)
    {
        await using var update = new NpgsqlCommand(
            $"UPDATE partnersim_runs SET {set}, updated_at = now() WHERE run_id = @id AND owner = @owner", connection, tx);
        update.Parameters.AddWithValue("id", RunId);
        update.Parameters.AddWithValue("owner", _owner);
        foreach (var (name, value) in values) update.Parameters.AddWithValue(name, value);
        if (await update.ExecuteNonQueryAsync() == 0)
            throw new InvalidOperationException($"{RunId}: another client resumed this run; this one stops");
    }

    private Task<NpgsqlConnection> OpenAsync() => PostgresSchema.OpenAsync(_connectionString);
}
