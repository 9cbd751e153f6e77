using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace PartnerSim.Silo.Postgres;

/// <summary>PostgreSQL could not be reached (or used). The message is one line, without the password.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Creates the tables and queries Orleans' AdoNet clustering and persistence providers expect
/// (<c>silo/Sql/PostgreSQL-*.sql</c>, embedded in this assembly; the providers ship without them), and PartnerSim's
/// record of runs and their durable quarters (<c>silo/Sql/PartnerSim-Runs.sql</c>).
/// </summary>
public static class PostgresSchema
{
    /// <summary>The scripts in the order they must run, each with a table it creates (present = already applied).</summary>
    public static readonly IReadOnlyList<(string Script, string Table)> Scripts =
    [
        ("PostgreSQL-Main.sql", "orleansquery"),
        ("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        ("PostgreSQL-Persistence.sql", "orleansstorage"),
        ("PartnerSim-Runs.sql", "partnersim_runs"),
    ];

    // Any constant: serializes concurrent start-ups (two silos on one fresh database) on the schema.
    private const long AdvisoryLockKey = 0x5061_7274_5369_6D01; // "PartSim" + 1

    /// <summary>
    /// Applies each script whose table does not exist yet, in one transaction under an advisory lock, so it is
    /// idempotent and safe when several silos start at once.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The connection string is invalid, the server cannot be
    /// reached or refuses the login, or the schema cannot be created.</exception>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var where = Describe(connectionString);
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
            foreach (var (script, table) in Scripts)
            {
                await using var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL", connection, tx);
                exists.Parameters.AddWithValue("t", table);
                if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!) continue;
                await Execute(connection, tx, ReadScript(script), cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or SocketException or IOException or TimeoutException)
        {
            throw new DatabaseUnavailableException($"PostgreSQL at {where}: cannot create the Orleans schema: {Reason(e)}", e);
        }
    }

    /// <summary>Opens a connection, turning every failure into a one-line <see cref="DatabaseUnavailableException"/>.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var where = Describe(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (e is DbException or SocketException or IOException or TimeoutException or InvalidOperationException
                                      or ArgumentException or NotSupportedException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException($"cannot reach PostgreSQL at {where}: {Reason(e)}", e);
        }
    }

    /// <summary><c>host:port/database</c> of a connection string (never its password).</summary>
    public static string Describe(string connectionString)
    {
        NpgsqlConnectionStringBuilder b;
        try { b = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException($"invalid PostgreSQL connection string: {OneLine(e.Message)}", e);
        }
        string host = string.IsNullOrEmpty(b.Host) ? "localhost" : b.Host;
        string database = string.IsNullOrEmpty(b.Database) ? b.Username ?? Environment.UserName : b.Database;
        return $"{host}:{b.Port}/{database}";
    }

    /// <summary>The text of an embedded script, e.g. <c>PostgreSQL-Main.sql</c>.</summary>
    public static string ReadScript(string fileName)
    {
        var name = $"PartnerSim.Silo.Sql.{fileName}";
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from {typeof(PostgresSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The causes' messages on one line, e.g. "Failed to connect to 127.0.0.1:5 (Connection refused)".</summary>
    private static string Reason(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
        {
            var text = OneLine(x is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : x.Message);
            if (text.Length > 0 && !parts.Any(p => p.Contains(text, StringComparison.Ordinal))) parts.Add(text);
        }
        return parts.Count == 0 ? e.GetType().Name : parts[0] + string.Concat(parts.Skip(1).Select(p => $" ({p})"));
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
