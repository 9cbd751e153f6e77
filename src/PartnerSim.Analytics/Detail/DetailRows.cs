using PartnerSim.Model.Engine;

namespace PartnerSim.Analytics.Detail;

/// <summary>One quarter's recorded partners, in position (id) order: their ids and outcomes.</summary>
public sealed class DetailRows(int capacity)
{
    public long[] Ids { get; } = new long[capacity];
    public PartnerOutcome[] Outcomes { get; } = new PartnerOutcome[capacity];
    public int Count => Ids.Length;
    public int Quarter { get; set; }
    public string QuarterLabel { get; set; } = "";
}
