using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Options;

/// <summary>Weights of one portfolio: four category weights and each metric's weight inside its category (%).</summary>
public sealed record PortfolioWeights
{
    public int Foundational { get; init; }
    public int Capabilities { get; init; }
    public int Performance { get; init; }
    public int Engagement { get; init; }

    public int Cspm { get; init; }
    public int Mspm { get; init; }
    public int BlackBelt { get; init; }
    public int Career { get; init; }
    public int PoweredServices { get; init; }
    public int Acv { get; init; }
    public int Tcv { get; init; }
    public int BuyingProgram { get; init; }
    public int AiBookings { get; init; }
    public int PremiumServices { get; init; }
    public int Onboard { get; init; }
    public int Adopt { get; init; }
    public int OnTimeRenewal { get; init; }

    public int CategoryWeight(Category c) => c switch
    {
        Category.Foundational => Foundational, Category.Capabilities => Capabilities,
        Category.Performance => Performance, _ => Engagement,
    };

    public int MetricWeight(Metric m) => m switch
    {
        Metric.Cspm => Cspm, Metric.Mspm => Mspm, Metric.BlackBelt => BlackBelt, Metric.Career => Career,
        Metric.PoweredServices => PoweredServices, Metric.Acv => Acv, Metric.Tcv => Tcv,
        Metric.BuyingProgram => BuyingProgram, Metric.AiBookings => AiBookings,
        Metric.PremiumServices => PremiumServices, Metric.Onboard => Onboard, Metric.Adopt => Adopt,
        _ => OnTimeRenewal,
    };

    internal static PortfolioWeights NetworkingOrSecurity => new()
    {
        Foundational = 25, Cspm = 50, Mspm = 50,
        Capabilities = 45, BlackBelt = 40, Career = 60,
        Performance = 20, Acv = 25, Tcv = 25, BuyingProgram = 50,
        Engagement = 10, Onboard = 50, Adopt = 50,
    };
}

/// <summary>The grace rule of the launch (seed: white paper, "50% of the Partner Value Index values").</summary>
public sealed record GraceOptions
{
    [Param(Provenance.Seed, "quarters of grace starting with the launch quarter (six months)")]
    [Range(0, RunOptions.MaxQuarters)]
    public int Quarters { get; init; } = 2;

    [Param(Provenance.Seed, "grace reading: half (creditPct of the maximum IndexAchieved for CSPM and MSPM) or basic (as if Basic)")]
    public GraceBasis Basis { get; init; } = GraceBasis.Half;

    /// <summary>Of the maturity scale's maximum (expertIndex), in whole percent so the credit stays an exact integer.</summary>
    [Param(Provenance.Seed, "share (%) of the maximum IndexAchieved credited to CSPM and MSPM under basis half ('50% of the Partner Value Index values')")]
    [Range(0, 100)]
    public int CreditPct { get; init; } = 50;
}

public enum GraceBasis { Half, Basic }

public enum ThresholdComparator { AtLeast, Above }

/// <summary>How the PVI is computed and banded (rule book §3–§4).</summary>
public sealed record ScoringOptions
{
    [Param(Provenance.Pub, "PVI weights per portfolio (category %, metric % within the category)")]
    [Range(0, 100)]
    public PerPortfolio<PortfolioWeights> Weights { get; init; } = new()
    {
        Networking = PortfolioWeights.NetworkingOrSecurity,
        Security = PortfolioWeights.NetworkingOrSecurity,
        CloudAI = PortfolioWeights.NetworkingOrSecurity with { BuyingProgram = 25, AiBookings = 25 },
        Collaboration = new()
        {
            Foundational = 25, Cspm = 50, Mspm = 50,
            Capabilities = 25, BlackBelt = 30, Career = 40, PoweredServices = 30,
            Performance = 20, Acv = 50, Tcv = 50,
            Engagement = 30, Onboard = 50, Adopt = 50,
        },
        Services = new()
        {
            Foundational = 25, Cspm = 50, Mspm = 50,
            Capabilities = 20, BlackBelt = 100,
            Performance = 25, Acv = 50, PremiumServices = 50,
            Engagement = 30, OnTimeRenewal = 100,
        },
    };

    [Param(Provenance.Pub, "PVI at which the registered band starts (deal registration)")]
    [Range(0, 10)]
    public double RegisteredThreshold { get; init; } = 1.0;

    [Param(Provenance.Pub, "PVI at which the partner band starts (CPI back-end rebates, the 'survival number')")]
    [Range(0, 10)]
    public double PartnerThreshold { get; init; } = 5.0;

    [Param(Provenance.Pub, "PVI at which the preferred band starts")]
    [Range(0, 10)]
    public double PreferredThreshold { get; init; } = 7.5;

    [Param(Provenance.Seed, "threshold test: atLeast (>=, the published reading) or above (>, 'above five')")]
    public ThresholdComparator ThresholdComparator { get; init; } = ThresholdComparator.AtLeast;

    [Param(Provenance.Asm, "CSPM IndexAchieved for Basic")]
    [Range(0, 10)]
    public int CspmBasicIndex { get; init; } = 4;

    [Param(Provenance.SeedAsm, "MSPM IndexAchieved for Basic (the white paper: Cisco raised it; legacy value 3)")]
    [Range(0, 10)]
    public int MspmBasicIndex { get; init; } = 5;

    [Param(Provenance.Asm, "CSPM and MSPM IndexAchieved for Intermediate")]
    [Range(0, 10)]
    public int IntermediateIndex { get; init; } = 7;

    [Param(Provenance.Asm, "CSPM and MSPM IndexAchieved for Expert")]
    [Range(0, 10)]
    public int ExpertIndex { get; init; } = 10;

    public IndexScaleOptions Scales { get; init; } = new();

    public GraceOptions Grace { get; init; } = new();

    [Param(Provenance.Pub, "quarters the pre-launch high-water band is protected, the launch quarter included (18 months)")]
    [Range(0, RunOptions.MaxQuarters)]
    public int ProtectQuarters { get; init; } = 6;

    [Param(Provenance.Seed, "registered Meraki CMNA/CMSS certs count as career certs (and merakiBlackBeltPoints each)")]
    public bool MerakiCounts { get; init; } = true;

    /// <summary>Black Belt points are kept in exact half-points, so this is a multiple of 0.5.</summary>
    [Param(Provenance.Seed, "Black Belt points each registered Meraki cert adds when merakiCounts (a multiple of 0.5)")]
    [Range(0, 10)]
    public double MerakiBlackBeltPoints { get; init; } = 0.5;

    [Param(Provenance.Pub, "quarters a Black Belt certificate counts (36 months)")]
    [Range(1, PartnerState.MaxBlackBeltWindow)]
    public int BlackBeltWindowQuarters { get; init; } = 12;

    /// <summary>Black Belt points are kept in exact half-points, so each is a multiple of 0.5.</summary>
    [Param(Provenance.Pub, "Black Belt points of a certificate by stage (a multiple of 0.5); certificates earned in the run are stage 1")]
    [Range(0, 10)]
    public PerStage<double> BlackBeltStagePoints { get; init; } = new() { Stage1 = 1, Stage2 = 1.5, Stage3 = 2 };

    [Param(Provenance.Asm, "Black Belt points for IndexAchieved 10, by size ('t-shirt sizing')")]
    [Range(1, 10_000)]
    public PerSize<int> BlackBeltTarget { get; init; } = new() { S = 4, M = 10, L = 25, XL = 60 };

    [Param(Provenance.Asm, "career certs for IndexAchieved 10, by size")]
    [Range(1, 10_000)]
    public PerSize<int> CareerTarget { get; init; } = new() { S = 2, M = 5, L = 12, XL = 30 };

    [Param(Provenance.Asm, "annual bookings (USD) at which a partner is size M, L, XL")]
    [Range(0, 1e12, MinExclusive = true)]
    public SizeBoundaries SizeBoundariesUsd { get; init; } = new();
}

public sealed record SizeBoundaries
{
    public double M { get; init; } = 1_000_000;
    public double L { get; init; } = 10_000_000;
    public double XL { get; init; } = 100_000_000;

    public PartnerSize SizeOf(double annualBookingsUsd) =>
        annualBookingsUsd >= XL ? PartnerSize.XL : annualBookingsUsd >= L ? PartnerSize.L
        : annualBookingsUsd >= M ? PartnerSize.M : PartnerSize.S;
}
