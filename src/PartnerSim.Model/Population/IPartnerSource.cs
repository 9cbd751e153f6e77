using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Population;

/// <summary>Where the partners of a run come from: positions 0…Count−1 in ascending id order.</summary>
public interface IPartnerSource
{
    int Count { get; }
    PartnerState Create(int position, CounterRandom rng);
}

/// <summary>The generator of §7: partner id = position + 1.</summary>
public sealed class GeneratedPartners(PopulationGenerator generator, TierCuts cuts) : IPartnerSource
{
    public PopulationGenerator Generator { get; } = generator;
    public TierCuts Cuts { get; } = cuts;
    public int Count => Generator.Count;
    public PartnerState Create(int position, CounterRandom rng) => Generator.Create(position + 1, Cuts, rng);
}

/// <summary>Partners given up front (a roster), already sorted by id.</summary>
public sealed class ListedPartners(IReadOnlyList<PartnerState> partnersInIdOrder) : IPartnerSource
{
    public IReadOnlyList<PartnerState> Partners { get; } = partnersInIdOrder;
    public int Count => Partners.Count;
    public PartnerState Create(int position, CounterRandom rng) => Partners[position].Clone();
}
