namespace PartnerSim.Grains.Runs;

public sealed class RunGrain : Grain, IRunGrain
{
    private RunSetup? _setup;

    public Task Define(RunSetup setup)
    {
        _setup = setup;
        return Task.CompletedTask;
    }

    public Task<RunSetup> Get() =>
        Task.FromResult(_setup ?? throw new InvalidOperationException($"run '{this.GetPrimaryKeyString()}' was never defined"));
}
