using PartnerSim.Grains.Detail;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Grains.Cohorts;

/// <summary>
/// A node of the run's cohort tree (key = (node key, run key)). Leaves fan each call out to their partners
/// and reduce the answers; inner nodes fan out to their children and merge. Nothing per partner travels
/// above a leaf. A cancelled call stops its node from calling further children (Orleans passes the cancellation on
/// to the calls in flight), so a cancelled run stops across the cluster, not only in the process that drives it.
/// </summary>
public interface ICohortGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Creates every partner below this node from the population generator; returns how many.</summary>
    Task<int> CreatePartners(CancellationToken cancel);

    /// <summary>Leaf only: loads the given partners (a roster slice, ascending id).</summary>
    Task LoadPartners(PartnerState[] partners, CancellationToken cancel);

    /// <summary>Steps every partner below through the quarter and reduces their outcomes.</summary>
    /// <param name="detail">Where leaves send their recorded partners' outcomes; null when the run keeps no detail.</param>
    Task<QuarterStats> Step(int quarter, IDetailSink? detail, CancellationToken cancel);

    /// <summary>SHA-256 of each digest block below this node, in id order.</summary>
    Task<byte[][]> BlockHashes(CancellationToken cancel);
}
