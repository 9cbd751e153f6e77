namespace PartnerSim.Grains.Runs;

/// <summary>Holds one run's setup so that every silo can fetch it once (keyed by the run key).</summary>
public interface IRunGrain : IGrainWithStringKey
{
    Task Define(RunSetup setup);
    Task<RunSetup> Get();
}
