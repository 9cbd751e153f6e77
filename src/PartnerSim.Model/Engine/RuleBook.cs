using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Scoring;
using PartnerSim.Model.Time;

namespace PartnerSim.Model.Engine;

/// <summary>
/// One scenario's rules, compiled once and shared read-only by every partner step: the time line as run
/// quarter indices, the scoring tables, and the money rates as arrays.
/// </summary>
public sealed class RuleBook
{
    /// <summary>Launch index when Cisco 360 never launches inside the run.</summary>
    public const int Never = int.MaxValue / 2;

    public ScenarioOptions Options { get; }
    public ScoringRules Scoring { get; }
    public FiscalQuarter Start { get; }
    /// <summary>Run quarter index of the launch (may be before 0 or past the end).</summary>
    public int Launch { get; }
    public int Quarters => Options.Run.Quarters;

    internal readonly double[] LandRate;       // fraction per portfolio
    internal readonly double[] LegacyRate;     // fraction per tier
    internal readonly double[] DealSize;       // mean USD per size
    internal readonly double[] DealLogMu;      // lognormal mu per size (mean = DealSize)
    internal readonly double[] PAct;           // per archetype

    public RuleBook(ScenarioOptions options)
    {
        Options = options;
        Scoring = new ScoringRules(options.Rules);
        Start = FiscalQuarter.Parse(options.Run.Start);
        Launch = options.Run.Cisco360 ? FiscalQuarter.Parse(options.Run.Launch) - Start : Never;
        var m = options.Money;
        LandRate = m.LandRatePct.ToArray().Select(r => r / 100).ToArray();
        LegacyRate = m.LegacyRatePct.ToArray().Select(r => r / 100).ToArray();
        DealSize = m.DealSizeUsd.ToArray();
        double s = m.DealValueSigma;
        DealLogMu = DealSize.Select(mean => Math.Log(mean) - s * s / 2).ToArray();
        PAct = options.Behaviour.PAct.ToArray();
    }

    public FiscalQuarter QuarterAt(int runQuarter) => Start.Plus(runQuarter);

    public bool IsLaunched(int q) => q >= Launch;
    public bool InGrace(int q) => q >= Launch && q < Launch + Options.Rules.Grace.Quarters;
    public bool IsProtected(int q) => q >= Launch && q < Launch + Options.Rules.ProtectQuarters;

    public PartnerSize SizeOf(double annualBookingsUsd) => Options.Rules.SizeBoundariesUsd.SizeOf(annualBookingsUsd);
}
