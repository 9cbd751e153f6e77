using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>
/// The scoring options compiled for speed: each metric's weight as one integer coefficient
/// (category % × metric %), so PVI × 10,000 = Σ IndexAchieved × coefficient exactly; thresholds in
/// hundredths of a PVI point.
/// </summary>
public sealed class ScoringRules
{
    private readonly int[] _coefficients; // [portfolio * Metrics.Count + metric]
    private readonly Vector256<int>[] _byMetric; // [metric], lane = portfolio (lanes past the portfolios 0)
    private readonly int[] _thresholds100; // registered, partner, preferred
    private readonly bool _strict;

    public ScoringOptions Options { get; }
    public int[] BlackBeltTarget { get; }
    public int[] CareerTarget { get; }

    public readonly SteppedScale BuyingProgramScale, AiBookingsScale, PremiumServicesScale;
    public readonly SteppedScale AcvGrowthScale, TcvGrowthScale, OnTimeRenewalScale, PoweredServicesScale;

    /// <summary>Black Belt half-points of a certificate by stage (index 0 is stage 1): points are kept ×2, exactly.</summary>
    public int[] BlackBeltStageHalfPoints { get; }
    /// <summary>Black Belt half-points each registered Meraki cert adds (when Meraki certs count).</summary>
    public int MerakiHalfPoints { get; }

    public ScoringRules(ScoringOptions options)
    {
        Options = options;
        _coefficients = new int[Metrics.PortfolioCount * Metrics.Count];
        foreach (var p in Metrics.AllPortfolios)
        {
            var w = options.Weights[p];
            foreach (var m in Metrics.AllMetrics)
                _coefficients[(int)p * Metrics.Count + (int)m] = w.CategoryWeight(Metrics.CategoryOf(m)) * w.MetricWeight(m);
        }
        _byMetric = new Vector256<int>[Metrics.Count];
        Span<int> lanes = stackalloc int[Vector256<int>.Count];
        foreach (var m in Metrics.AllMetrics)
        {
            lanes.Clear();
            foreach (var p in Metrics.AllPortfolios) lanes[(int)p] = Coefficient(p, m);
            _byMetric[(int)m] = Vector256.Create<int>(lanes);
        }
        _thresholds100 =
        [
            ToHundredths(options.RegisteredThreshold),
            ToHundredths(options.PartnerThreshold),
            ToHundredths(options.PreferredThreshold),
        ];
        _strict = options.ThresholdComparator == ThresholdComparator.Above;
        BlackBeltTarget = options.BlackBeltTarget.ToArray();
        CareerTarget = options.CareerTarget.ToArray();
        var scales = options.Scales;
        BuyingProgramScale = new(scales.BuyingProgram);
        AiBookingsScale = new(scales.AiBookings);
        PremiumServicesScale = new(scales.PremiumServices);
        AcvGrowthScale = new(scales.AcvGrowth);
        TcvGrowthScale = new(scales.TcvGrowth);
        OnTimeRenewalScale = new(scales.OnTimeRenewal);
        PoweredServicesScale = new(scales.PoweredServices);
        BlackBeltStageHalfPoints = options.BlackBeltStagePoints.ToArray().Select(HalfPoints).ToArray();
        MerakiHalfPoints = HalfPoints(options.MerakiBlackBeltPoints);
    }

    /// <summary>Points (a multiple of 0.5, as validated) as whole half-points.</summary>
    public static int HalfPoints(double points) => (int)Math.Round(2 * points, MidpointRounding.AwayFromZero);

    public static int ToHundredths(double pvi) => (int)Math.Round(pvi * 100, MidpointRounding.AwayFromZero);

    public int Coefficient(Portfolio p, Metric m) => _coefficients[(int)p * Metrics.Count + (int)m];

    /// <summary>Unrounded PVI × 10,000 of one portfolio.</summary>
    public int Pvi10k(Portfolio p, ReadOnlySpan<int> indexes)
    {
        var c = _coefficients.AsSpan((int)p * Metrics.Count, Metrics.Count);
        int sum = 0;
        for (int m = 0; m < Metrics.Count; m++) sum += indexes[m] * c[m];
        return sum;
    }

    /// <summary>
    /// Unrounded PVI × 10,000 of every portfolio at once: lane p is <see cref="Pvi10k"/> of portfolio p (a partner
    /// is scored in all five each quarter, and this is one vector multiply-add per metric instead of five).
    /// </summary>
    public Vector256<int> Pvi10kAll(ReadOnlySpan<int> indexes)
    {
        indexes = indexes[..Metrics.Count];
        var byMetric = _byMetric.AsSpan(0, Metrics.Count);
        var sum = Vector256<int>.Zero;
        for (int m = 0; m < Metrics.Count; m++) sum += Vector256.Create(indexes[m]) * byMetric[m];
        return sum;
    }

    /// <summary>PVI × 100, rounded to two decimals half away from zero (PVI is never negative).</summary>
    public static int RoundToHundredths(int pvi10k) => (pvi10k + 50) / 100;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Threshold100(Band band) => band switch
    {
        Band.Registered => _thresholds100[0],
        Band.Partner => _thresholds100[1],
        Band.Preferred => _thresholds100[2],
        _ => 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Meets(int pvi100, Band band) =>
        band == Band.None || (_strict ? pvi100 > Threshold100(band) : pvi100 >= Threshold100(band));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Band BandOf(int pvi100) =>
        Meets(pvi100, Band.Preferred) ? Band.Preferred
        : Meets(pvi100, Band.Partner) ? Band.Partner
        : Meets(pvi100, Band.Registered) ? Band.Registered
        : Band.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MaturityIndex(Maturity level, bool managedServices) => level switch
    {
        Maturity.Basic => managedServices ? Options.MspmBasicIndex : Options.CspmBasicIndex,
        Maturity.Intermediate => Options.IntermediateIndex,
        Maturity.Expert => Options.ExpertIndex,
        _ => 0,
    };
}
