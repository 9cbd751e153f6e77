using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;
using PartnerSim.Silo;

namespace PartnerSim.Runs.Cluster;

/// <summary>
/// A private PostgreSQL server: initdb in a temp directory, started on a free loopback port, stopped and deleted on
/// disposal; it can be stopped hard and started again on the same data and port (the failure drill and the tests
/// lose the database mid-run that way). As root, initdb and postgres run as the <c>postgres</c> user (they refuse
/// root). Commits are synchronous, so what a client was told is committed survives the server process's crash (with
/// <c>synchronous_commit=off</c> an immediate stop lost the last recorded quarter); fsync is off, so it would not
/// survive the machine's: it is a scratch server.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<string?> s_binDir = new(FindBinDir);

    /// <summary>The directory holding initdb, pg_ctl and postgres; null when PostgreSQL is not installed.</summary>
    public static string? BinDir => s_binDir.Value;

    private readonly string _dir;
    private readonly string _bin;
    private int _databases;

    public int Port { get; }

    private string Data => Path.Combine(_dir, "data");

    /// <summary>Connection string of the server's <c>postgres</c> database (superuser, trust auth).</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    private PostgresServer(string bin, string dir, int port) => (_bin, _dir, Port) = (bin, dir, port);

    /// <summary>Creates and starts a server.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or would not start (its log is in the message).</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDir ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no initdb from `pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH)");
        var dir = Directory.CreateTempSubdirectory("partnersim-pg-").FullName;
        var server = new PostgresServer(bin, dir, EmbeddedSilo.FreePort());
        try
        {
            if (IsRoot) await server.Run("chown", ["postgres:postgres", dir]);
            await server.RunAsPostgres("initdb", ["-D", server.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped server again, on the same data directory and port.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsPostgres("pg_ctl", ["-D", Data, "-l", Path.Combine(_dir, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300",
            "start"]);
        await RunAsPostgres("pg_isready", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "60"]);
    }

    /// <summary>
    /// Stops the server: <paramref name="immediate"/> aborts every session at once (a crash, as clients see it: what
    /// was committed stays), otherwise sessions are ended cleanly first.
    /// </summary>
    public async Task StopAsync(bool immediate = true)
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgres("pg_ctl", ["-D", Data, "-m", immediate ? "immediate" : "fast", "-w", "stop"]);
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        string name = $"{prefix}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid"))) await RunAsPostgres("pg_ctl", ["-D", Data, "-m", "fast", "-w", "stop"]);
        }
        catch (InvalidOperationException) { } // already stopped
        finally
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Task RunAsPostgres(string program, string[] args)
    {
        var path = Path.Combine(_bin, program);
        return IsRoot ? Run("runuser", ["-u", "postgres", "--", path, .. args]) : Run(path, args);
    }

    private async Task Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir, // postgres may not be allowed into the caller's directory
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // pg_ctl start leaves postgres running with our pipes: read only until pg_ctl itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_dir, "postgres.log");
            string tail = File.Exists(log) ? File.ReadAllText(log) : "";
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', args)} exited with {process.ExitCode}: " +
                $"{(stderr.IsCompleted ? stderr.Result : "")}{(stdout.IsCompleted ? stdout.Result : "")}{tail}");
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    private static bool IsRoot => OperatingSystem.IsLinux() && GetEuid() == 0;

    private static string? FindBinDir()
    {
        static bool HasServer(string? dir) => !string.IsNullOrWhiteSpace(dir) && File.Exists(Path.Combine(dir, "initdb"))
                                              && File.Exists(Path.Combine(dir, "pg_ctl"));
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (p is not null)
            {
                string dir = p.StandardOutput.ReadToEnd().Trim();
                p.WaitForExit();
                if (p.ExitCode == 0 && HasServer(dir)) return dir;
            }
        }
        catch (System.ComponentModel.Win32Exception) { } // no pg_config
        if (Directory.Exists("/usr/lib/postgresql"))
            foreach (var dir in Directory.GetDirectories("/usr/lib/postgresql")
                         .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0))
                if (HasServer(Path.Combine(dir, "bin"))) return Path.Combine(dir, "bin");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (HasServer(dir)) return dir;
        return null;
    }
}
