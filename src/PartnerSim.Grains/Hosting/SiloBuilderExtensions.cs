using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using PartnerSim.Grains.Faults;
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
        silo.Services.TryAddSingleton<ILeafStepFault, NoLeafStepFault>(); // a drill registers its own first
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>(GrainStorage.Partners);
        // Quarters of a million partners take longer than Orleans' default 30 s response timeout.
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }

    /// <summary>Partner state in this silo's memory (<see cref="LocalMemoryGrainStorage"/>): the embedded host's default.</summary>
    public static ISiloBuilder AddLocalMemoryPartnerStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(GrainStorage.Partners, (sp, name) =>
            new LocalMemoryGrainStorage(sp.GetRequiredKeyedService<IGrainStorageSerializer>(name)));
        return silo;
    }
}
