namespace PartnerSim.Grains.Cohorts;

/// <summary>What a roster leaf saves: its partners' ids, ascending.</summary>
[GenerateSerializer]
public sealed class CohortRecord
{
    [Id(0)] public long[] PartnerIds { get; set; } = [];
}
