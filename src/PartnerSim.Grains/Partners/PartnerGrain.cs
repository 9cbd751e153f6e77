using Orleans.Placement;
using PartnerSim.Grains.Runs;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Grains.Partners;

/// <summary>
/// Placed on the silo of its first caller (its cohort), so a quarter's fan-out stays local to a silo.
/// </summary>
[PreferLocalPlacement]
public sealed class PartnerGrain(
    [PersistentState("partner", GrainStorage.Partners)] IPersistentState<PartnerState> state,
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
        long id = this.GetPrimaryKeyLong(out _);
        state.State = run.Generator.Create(id, run.Setup.Cuts!, Rng(run.Rules.Options.Run.Seed));
        if (run.Setup.CheckpointEvery > 0) await state.WriteStateAsync();
    }

    public async Task Load(PartnerState given)
    {
        state.State = given;
        if ((await Run()).Setup.CheckpointEvery > 0) await state.WriteStateAsync();
    }

    public ValueTask<PartnerOutcome> Step(int quarter)
    {
        // The hot path: once the run is known, a quarter with no state write completes synchronously,
        // without an async state machine or a task per call.
        if (_run is { } run && !WritesAfter(run, quarter)) return new(Apply(run, quarter));
        return new(StepAndWrite(quarter));
    }

    private async Task<PartnerOutcome> StepAndWrite(int quarter)
    {
        var run = await Run();
        var outcome = Apply(run, quarter);
        if (WritesAfter(run, quarter)) await state.WriteStateAsync();
        return outcome;
    }

    private PartnerOutcome Apply(RunContext run, int quarter)
    {
        var s = state.State;
        if (s.LastQuarter >= quarter)
            throw new InvalidOperationException($"partner {s.Id} already stepped quarter {quarter}");
        return PartnerStep.Run(s, quarter, run.Rules, Rng(run.Rules.Options.Run.Seed));
    }

    private static bool WritesAfter(RunContext run, int quarter)
    {
        int every = run.Setup.CheckpointEvery;
        return every > 0 && ((quarter + 1) % every == 0 || quarter == run.Rules.Quarters - 1);
    }

    public Task<byte[]> StateBytes() => Task.FromResult(PartnerStateCodec.ToBytes(state.State));
}
