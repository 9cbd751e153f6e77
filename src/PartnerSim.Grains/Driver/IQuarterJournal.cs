using PartnerSim.Model.Figures;

namespace PartnerSim.Grains.Driver;

/// <summary>
/// Where a run makes each completed quarter durable (its reduction), so that a run whose client died can be resumed
/// from the last quarter recorded. The driver records quarter q before it asks for quarter q + 1.
/// </summary>
public interface IQuarterJournal
{
    /// <summary>"PostgreSQL at host:port/db": what is lost when <see cref="Reachable"/> says no.</summary>
    string Where { get; }

    /// <summary>Records quarter <paramref name="quarter"/>'s reduction; recording the same quarter again changes nothing.</summary>
    Task Record(int quarter, QuarterStats stats);

    /// <summary>Whether the durable store answers now; asked after a failure, to tell a lost silo from lost storage.</summary>
    Task<bool> Reachable();
}
