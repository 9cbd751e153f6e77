namespace PartnerSim.Grains.Runs;

/// <summary>Keeps a run's setup in storage, so that it outlives the silo it was first activated on.</summary>
public sealed class RunGrain([PersistentState("run", GrainStorage.Partners)] IPersistentState<RunSetup> setup) : Grain, IRunGrain
{
    public Task Define(RunSetup value)
    {
        setup.State = value;
        return setup.WriteStateAsync();
    }

    public Task<RunSetup> Get() =>
        setup.RecordExists
            ? Task.FromResult(setup.State)
            : throw new InvalidOperationException($"run '{this.GetPrimaryKeyString()}' was never defined");
}
