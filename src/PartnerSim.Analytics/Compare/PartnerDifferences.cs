using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// The paired comparison of two runs' partner-quarter detail: with the same seed both runs hold the same partners, so
/// each partner is matched with itself, quarter by quarter. Counts the partners whose main portfolio's effective band
/// or CPI paid differ, and keeps the largest differences in CPI paid.
/// </summary>
public sealed record PartnerDifferences(IReadOnlyList<PartnerQuarterDifference> Quarters, IReadOnlyList<PartnerDifference> Largest)
{
    public const int LargestKept = 25;

    public static async Task<PartnerDifferences> OfAsync(string detailA, string detailB)
    {
        await using var a = await PartnerDetail.OpenAsync(detailA);
        await using var b = await PartnerDetail.OpenAsync(detailB);
        var quarters = new List<PartnerQuarterDifference>();
        var largest = new PriorityQueue<PartnerDifference, double>();
        foreach (var index in a.QuarterIndexes.Union(b.QuarterIndexes).Order())
        {
            var ra = await a.ReadQuarterAsync(index);
            var rb = await b.ReadQuarterAsync(index);
            int paired = 0, onlyA = 0, onlyB = 0, bandDiffers = 0, paidDiffers = 0, bandUp = 0;
            double paidDelta = 0;
            int i = 0, j = 0;
            while (i < ra.PartnerIds.Length || j < rb.PartnerIds.Length)
            {
                if (j >= rb.PartnerIds.Length || (i < ra.PartnerIds.Length && ra.PartnerIds[i] < rb.PartnerIds[j])) { onlyA++; i++; continue; }
                if (i >= ra.PartnerIds.Length || rb.PartnerIds[j] < ra.PartnerIds[i]) { onlyB++; j++; continue; }
                paired++;
                bool band = ra.MainBands[i] != rb.MainBands[j];
                double delta = rb.CpiPaidUsd[j] - ra.CpiPaidUsd[i];
                if (band) bandDiffers++;
                if (band && BandRank(rb.MainBands[j]) > BandRank(ra.MainBands[i])) bandUp++;
                if (delta != 0)
                {
                    paidDiffers++;
                    paidDelta += delta;
                    largest.Enqueue(new PartnerDifference(ra.PartnerIds[i], ra.Quarter.Length > 0 ? ra.Quarter : rb.Quarter, ra.LegacyTiers[i],
                        ra.MainBands[i], rb.MainBands[j], ra.CpiPaidUsd[i], rb.CpiPaidUsd[j]), Math.Abs(delta));
                    if (largest.Count > LargestKept) largest.Dequeue();
                }
                i++;
                j++;
            }
            quarters.Add(new PartnerQuarterDifference(ra.Quarter.Length > 0 ? ra.Quarter : rb.Quarter, paired, onlyA, onlyB,
                bandDiffers, bandUp, paidDiffers, paidDelta));
        }
        var kept = new List<PartnerDifference>();
        while (largest.Count > 0) kept.Add(largest.Dequeue());
        kept.Reverse();
        return new PartnerDifferences(quarters, kept);
    }

    private static int BandRank(string band) => band switch
    {
        "none" => 0,
        "registered" => 1,
        "partner" => 2,
        "preferred" => 3,
        _ => -1,
    };
}

/// <summary>A quarter of the paired comparison: partners matched, found on one side only, and those that differ.</summary>
public sealed record PartnerQuarterDifference(string Quarter, int Paired, int OnlyInA, int OnlyInB, int BandDiffers, int BandHigherInB,
    int CpiPaidDiffers, double CpiPaidDeltaUsd);

/// <summary>One partner in one quarter whose CPI paid differs between the runs.</summary>
public sealed record PartnerDifference(long PartnerId, string Quarter, string LegacyTier, string BandA, string BandB, double CpiPaidA, double CpiPaidB)
{
    public double Delta => CpiPaidB - CpiPaidA;
}
