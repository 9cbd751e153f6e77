using Orleans.Placement;
using PartnerSim.Grains.Faults;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Grains.Partners;

/// <summary>
/// Placed on the silo of its first caller (its cohort), so a quarter's fan-out stays local to a silo.
/// Applying a quarter is idempotent: the partner keeps the outcome of the last quarter it applied
/// (<see cref="PartnerRecord"/>) and answers a repeated request for it from there. Activated again from an older
/// checkpoint (its silo died, or state is written every few quarters), it first replays the quarters in between;
/// every draw is keyed by (seed, partner, quarter), so the replay lands on the state the lost activation had.
/// </summary>
[PreferLocalPlacement]
public sealed class PartnerGrain(
    [PersistentState("partner", GrainStorage.Partners)] IPersistentState<PartnerRecord> record,
    RunContextCache runs) : Grain, IPartnerGrain
{
    // One generator per scheduler thread: a step runs start to finish without awaiting, so it is never shared.
    [ThreadStatic] private static CounterRandom? t_rng;

    private RunContext? _run;

    private string RunKey { get { this.GetPrimaryKeyLong(out var run); return run!; } }

    private static CounterRandom Rng(ulong seed)
    {
        var rng = t_rng ??= new CounterRandom(seed);
        rng.Reseed(seed);
        return rng;
    }

    private async ValueTask<RunContext> Run() => _run ??= await runs.Get(RunKey);

    public async Task Create()
    {
        var run = await Run();
        record.State.State = Generate(run);
        if (run.Setup.CheckpointEvery > 0) await Write();
    }

    private PartnerState Generate(RunContext run) =>
        run.Generator.Create(this.GetPrimaryKeyLong(out _), run.Setup.Cuts!, Rng(run.Rules.Options.Run.Seed));

    public async Task Load(PartnerState given)
    {
        record.State.State = given;
        if ((await Run()).Setup.CheckpointEvery > 0) await Write();
    }

    public ValueTask<PartnerOutcome> Step(int quarter)
    {
        // The hot path: the next quarter of a known run with no state write completes synchronously,
        // without an async state machine or a task per call.
        if (_run is { } run && record.State.State is { } s && s.LastQuarter == quarter - 1 && !WritesAfter(run, quarter))
            return new(Apply(run, s, quarter));
        return new(StepAndWrite(quarter));
    }

    private async Task<PartnerOutcome> StepAndWrite(int quarter)
    {
        var run = await Run();
        var s = record.State.State ?? Recreate(run);
        if (s.LastQuarter == quarter) return record.State.LastOutcome; // a repeated request: applied already
        if (s.LastQuarter > quarter)
            throw new InvalidOperationException($"partner {s.Id} is at quarter {s.LastQuarter}; quarter {quarter} cannot be asked again");
        while (s.LastQuarter < quarter - 1) Apply(run, s, s.LastQuarter + 1); // catching up from an older checkpoint
        var outcome = Apply(run, s, quarter);
        if (WritesAfter(run, quarter)) await Write();
        return outcome;
    }

    /// <summary>
    /// A partner activated with nothing stored: a generated one is drawn again (creation is deterministic) and then
    /// catches up; a roster row exists only where it was loaded and written.
    /// </summary>
    private PartnerState Recreate(RunContext run)
    {
        if (run.Setup.Cuts is null)
            throw new InvalidOperationException(
                $"partner {this.GetPrimaryKeyLong(out _)} of run {RunKey} has no stored state: a roster run needs --checkpoint-every above 0 to survive a lost silo");
        return record.State.State = Generate(run);
    }

    private PartnerOutcome Apply(RunContext run, PartnerState s, int quarter)
    {
        var outcome = PartnerStep.Run(s, quarter, run.Rules, Rng(run.Rules.Options.Run.Seed));
        record.State.LastOutcome = outcome;
        return outcome;
    }

    /// <summary>
    /// Writes the record. A failed write leaves this activation ahead of storage (or unsure of its version), so it is
    /// dropped: the next request activates the partner again from what storage holds, and it catches up from there.
    /// </summary>
    private async Task Write()
    {
        try
        {
            await record.WriteStateAsync();
        }
        catch (Exception e)
        {
            DeactivateOnIdle();
            var cause = e;
            while (cause.InnerException is { } inner) cause = inner;
            throw new StateWriteException($"partner {record.State.State?.Id} of run {RunKey}: state not written: {Driver.FaultLog.Describe(cause)}");
        }
    }

    private static bool WritesAfter(RunContext run, int quarter)
    {
        int every = run.Setup.CheckpointEvery;
        return every > 0 && ((quarter + 1) % every == 0 || quarter == run.Rules.Quarters - 1);
    }

    public Task<byte[]> StateBytes()
    {
        var s = record.State.State ?? throw new InvalidOperationException($"partner {this.GetPrimaryKeyLong(out _)} of run {RunKey} was never created");
        return Task.FromResult(PartnerStateCodec.ToBytes(s));
    }
}
