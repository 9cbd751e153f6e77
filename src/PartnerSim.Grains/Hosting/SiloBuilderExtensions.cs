using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PartnerSim.Grains.Runs;

namespace PartnerSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what PartnerSim's grains need on a silo. Grain state is stored through Orleans' own
    /// serializer, i.e. the partner state's canonical bytes, not the default Newtonsoft JSON.
    /// </summary>
    public static ISiloBuilder AddPartnerSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<RunContextCache>();
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>(GrainStorage.Partners);
        return silo;
    }
}
