using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartnerSim.Analytics.Bench;

/// <summary>The machine a bench ran on, and how its garbage collector was set.</summary>
public sealed record BenchMachine(int ProcessorCount, string Os, string Runtime, bool ServerGc, string GcLatencyMode);

/// <summary>The pure rule engine (<c>EngineLoop</c>): partner-quarters per second while stepping, and the whole run.</summary>
public sealed record EngineLoopFigures(double PartnerQuartersPerSecond, double WallSeconds);

/// <summary>
/// What the process's garbage collector did over a measured phase: bytes allocated per call (or partner-quarter)
/// and the share of the phase's wall time the program stood in collection pauses.
/// </summary>
public sealed record GcFigures(double AllocatedBytesPerCall, double PauseShare);

/// <summary>Trivial grains through the simulation's fan-out: time to activate N, then calls per second.</summary>
public sealed record PingFigures(double ActivationSeconds, double CallsPerSecond, GcFigures Gc);

/// <summary>
/// The real run on the embedded host: time to create (activate) the partners, partner-quarters per second over
/// the quarters (the steady state), and the whole run's wall time (definition, creation, quarters, checkpoint, digest).
/// </summary>
public sealed record SimulationFigures(int CheckpointEvery, double ActivationSeconds, double SteadyPartnerQuartersPerSecond,
    double WallSeconds, GcFigures Gc);

/// <summary>
/// The cost of durability: the simulation on an in-process silo whose partners write their state to PostgreSQL every
/// quarter, against the same simulation in memory without writes; and what a silo killed mid-quarter costs.
/// </summary>
/// <param name="PostgresVsMemory">Steady partner-quarters per second, PostgreSQL ÷ memory.</param>
public sealed record DurabilityFigures(SimulationFigures Postgres, double PostgresVsMemory, RecoveryFigures? Recovery);

/// <summary>
/// A run on <paramref name="Silos"/> silo processes (state in PostgreSQL, written every quarter) in which one silo is
/// killed (SIGKILL) half-way through run quarter <paramref name="KilledQuarter"/>: that quarter's wall time against the
/// usual quarter's (the median of the others but the first), the driver's recovery time (from the first failure it saw
/// to the quarter's end) and retries, and whether the digest is still the in-process run's.
/// </summary>
public sealed record RecoveryFigures(int Partners, int Quarters, int Silos, int KilledQuarter, double UsualQuarterSeconds,
    double KilledQuarterSeconds, double RecoverySeconds, int Retries, bool DigestMatches)
{
    public double LostSeconds => KilledQuarterSeconds - UsualQuarterSeconds;
}

/// <summary>Managed heap held per partner once all are activated, and the process's peak working set.</summary>
public sealed record MemoryFigures(double HeapBytesPerPartner, long PeakWorkingSetBytes);

/// <summary>
/// What <c>partnersim bench</c> measured: medians of <see cref="Repetitions"/> runs after a warm-up run.
/// The ratios are quotients of the figures as given here.
/// </summary>
public sealed record BenchReport(
    int Partners,
    int Quarters,
    int Repetitions,
    BenchMachine Machine,
    EngineLoopFigures EngineLoop,
    EngineLoopFigures EngineLoopDetail,
    PingFigures OrleansPing,
    SimulationFigures Simulation,
    SimulationFigures SimulationCheckpointed,
    MemoryFigures Memory)
{
    /// <summary>With <c>--durability</c>: PostgreSQL-backed figures; null otherwise.</summary>
    public DurabilityFigures? Durability { get; init; }

    /// <summary>Simulation steady partner-quarters per second ÷ ping calls per second (target ≥ 0.7).</summary>
    public double SimVsPing => Simulation.SteadyPartnerQuartersPerSecond / OrleansPing.CallsPerSecond;

    /// <summary>
    /// Share of the engine loop's steady throughput that writing every partner's row to partner-quarters.parquet costs
    /// (1 − with detail ÷ without; target ≤ 0.25).
    /// </summary>
    public double DetailCost => 1 - EngineLoopDetail.PartnerQuartersPerSecond / EngineLoop.PartnerQuartersPerSecond;

    /// <summary>Simulation steady partner-quarters per second ÷ the engine loop's.</summary>
    public double SimVsEngine => Simulation.SteadyPartnerQuartersPerSecond / EngineLoop.PartnerQuartersPerSecond;

    /// <summary>The median of some samples (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> samples)
    {
        var s = samples.OrderBy(x => x).ToArray();
        if (s.Length == 0) throw new ArgumentException("no samples", nameof(samples));
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>
    /// Writes the report as JSON. Figures are written unrounded (a reader can recompute the ratios exactly);
    /// field order is fixed.
    /// </summary>
    public void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteNumber("partners", Partners);
        w.WriteNumber("quarters", Quarters);
        w.WriteNumber("repetitions", Repetitions);

        w.WriteStartObject("machine");
        w.WriteNumber("processorCount", Machine.ProcessorCount);
        w.WriteString("os", Machine.Os);
        w.WriteString("runtime", Machine.Runtime);
        w.WriteBoolean("serverGc", Machine.ServerGc);
        w.WriteString("gcLatencyMode", Machine.GcLatencyMode);
        w.WriteEndObject();

        w.WriteStartObject("engineLoop");
        w.WriteNumber("partnerQuartersPerSecond", EngineLoop.PartnerQuartersPerSecond);
        w.WriteNumber("wallSeconds", EngineLoop.WallSeconds);
        w.WriteEndObject();

        w.WriteStartObject("engineLoopDetail");
        w.WriteNumber("partnerQuartersPerSecond", EngineLoopDetail.PartnerQuartersPerSecond);
        w.WriteNumber("wallSeconds", EngineLoopDetail.WallSeconds);
        w.WriteEndObject();

        w.WriteStartObject("orleansPing");
        w.WriteNumber("activationSeconds", OrleansPing.ActivationSeconds);
        w.WriteNumber("callsPerSecond", OrleansPing.CallsPerSecond);
        WriteGc(w, OrleansPing.Gc);
        w.WriteEndObject();

        WriteSimulation(w, "simulation", Simulation);
        WriteSimulation(w, "simulationCheckpointed", SimulationCheckpointed);

        w.WriteStartObject("memory");
        w.WriteNumber("heapBytesPerPartner", Memory.HeapBytesPerPartner);
        w.WriteNumber("peakWorkingSetBytes", Memory.PeakWorkingSetBytes);
        w.WriteEndObject();

        w.WriteNumber("simVsPing", SimVsPing);
        w.WriteNumber("simVsEngine", SimVsEngine);
        w.WriteNumber("detailCost", DetailCost);
        if (Durability is { } d) WriteDurability(w, d);
        w.WriteEndObject();
    }

    private static void WriteDurability(Utf8JsonWriter w, DurabilityFigures d)
    {
        w.WriteStartObject("durability");
        WriteSimulation(w, "simulationPostgres", d.Postgres);
        w.WriteNumber("postgresVsMemory", d.PostgresVsMemory);
        if (d.Recovery is { } r)
        {
            w.WriteStartObject("recovery");
            w.WriteNumber("partners", r.Partners);
            w.WriteNumber("quarters", r.Quarters);
            w.WriteNumber("silos", r.Silos);
            w.WriteNumber("killedQuarter", r.KilledQuarter);
            w.WriteNumber("usualQuarterSeconds", r.UsualQuarterSeconds);
            w.WriteNumber("killedQuarterSeconds", r.KilledQuarterSeconds);
            w.WriteNumber("lostSeconds", r.LostSeconds);
            w.WriteNumber("recoverySeconds", r.RecoverySeconds);
            w.WriteNumber("retries", r.Retries);
            w.WriteBoolean("digestMatches", r.DigestMatches);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteSimulation(Utf8JsonWriter w, string name, SimulationFigures s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("checkpointEvery", s.CheckpointEvery);
        w.WriteNumber("activationSeconds", s.ActivationSeconds);
        w.WriteNumber("steadyPartnerQuartersPerSecond", s.SteadyPartnerQuartersPerSecond);
        w.WriteNumber("wallSeconds", s.WallSeconds);
        WriteGc(w, s.Gc);
        w.WriteEndObject();
    }

    private static void WriteGc(Utf8JsonWriter w, GcFigures gc)
    {
        w.WriteStartObject("gc");
        w.WriteNumber("allocatedBytesPerCall", gc.AllocatedBytesPerCall);
        w.WriteNumber("pauseShare", gc.PauseShare);
        w.WriteEndObject();
    }
}
