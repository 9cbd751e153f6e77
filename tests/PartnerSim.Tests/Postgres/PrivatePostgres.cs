using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;
using PartnerSim.Silo;

namespace PartnerSim.Tests.Postgres;

/// <summary>
/// A private PostgreSQL server for the tests: initdb in a temp dir, started on a free loopback port, stopped and
/// deleted afterwards. As root, initdb and postgres run as the <c>postgres</c> user (they refuse root).
/// Without PostgreSQL the tests are skipped (<see cref="PostgresFactAttribute"/>), or fail when
/// <c>PARTNERSIM_REQUIRE_POSTGRES=1</c> (CI).
/// </summary>
public sealed class PrivatePostgres : IAsyncLifetime
{
    public const string RequireVariable = "PARTNERSIM_REQUIRE_POSTGRES";

    private static readonly Lazy<string?> s_binDir = new(FindBinDir);

    /// <summary>The directory holding initdb, pg_ctl and postgres; null when PostgreSQL is not installed.</summary>
    public static string? BinDir => s_binDir.Value;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    private string? _dir;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>Connection string of the server's <c>postgres</c> database (superuser, trust auth).</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        if (BinDir is null && !Required) return; // every [PostgresFact] is skipped
        var bin = BinDir ?? throw new InvalidOperationException(
            $"PostgreSQL is not installed (no initdb from `pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH), " +
            $"and {RequireVariable}=1 requires it");
        _dir = Directory.CreateTempSubdirectory("partnersim-pg-").FullName;
        if (IsRoot) await Run("chown", ["postgres:postgres", _dir]);
        string data = Path.Combine(_dir, "data");
        Port = EmbeddedSilo.FreePort();
        await RunAsPostgres(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        await RunAsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "postgres.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
        await RunAsPostgres(Path.Combine(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(), "-t", "30"]);
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

    public async Task DisposeAsync()
    {
        if (_dir is null) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (BinDir is { } bin && Directory.Exists(Path.Combine(_dir, "data")))
                await RunAsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "stop"]);
        }
        finally
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Task RunAsPostgres(string program, string[] args) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", program, .. args]) : Run(program, args);

    private async Task Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dir ?? Path.GetTempPath(), // postgres may not be allowed into the test's directory
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // pg_ctl start leaves postgres running with our pipes: read only until pg_ctl itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = _dir is null ? "" : Path.Combine(_dir, "postgres.log");
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
