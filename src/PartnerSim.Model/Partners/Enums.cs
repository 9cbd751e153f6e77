namespace PartnerSim.Model.Partners;

/// <summary>The five Cisco 360 portfolios; each partner has a PVI per portfolio.</summary>
public enum Portfolio : byte { Networking, Security, CloudAI, Collaboration, Services }

/// <summary>PVI bands in ascending order; benefits unlock at each (rule book §4).</summary>
public enum Band : byte { None, Registered, Partner, Preferred }

/// <summary>The legacy (pre-360) tier, from the bottom of the pyramid to the top.</summary>
public enum LegacyTier : byte { Registered, Select, Premier, Gold }

/// <summary>Legacy provider designation (MSP programme).</summary>
public enum LegacyProvider : byte { None, SelectProvider, PremierProvider, GoldProvider }

/// <summary>How a partner reacts to the programme change (seed: the Comstor interview and the white paper).</summary>
public enum Archetype : byte { Strategist, Traditionalist, Unaware, Waiting }

/// <summary>Distributor help programmes (Comstor's "Drive to Five" and "Be the One").</summary>
public enum ManagedBy : byte { None, DriveToFive, BeTheOne }

/// <summary>Practice maturity (CSPM, MSPM).</summary>
public enum Maturity : byte { None, Basic, Intermediate, Expert }

/// <summary>"T-shirt" size from annual Cisco bookings.</summary>
public enum PartnerSize : byte { S, M, L, XL }

/// <summary>The thirteen PVI metrics; each maps to one fixed category (see <see cref="Metrics.CategoryOf"/>).</summary>
public enum Metric : byte
{
    Cspm, Mspm,
    BlackBelt, Career, PoweredServices,
    Acv, Tcv, BuyingProgram, AiBookings, PremiumServices,
    Onboard, Adopt, OnTimeRenewal,
}

public enum Category : byte { Foundational, Capabilities, Performance, Engagement }

public static class Metrics
{
    public const int Count = 13;
    public const int PortfolioCount = 5;

    public static Category CategoryOf(Metric m) => m switch
    {
        Metric.Cspm or Metric.Mspm => Category.Foundational,
        Metric.BlackBelt or Metric.Career or Metric.PoweredServices => Category.Capabilities,
        Metric.Acv or Metric.Tcv or Metric.BuyingProgram or Metric.AiBookings or Metric.PremiumServices => Category.Performance,
        _ => Category.Engagement,
    };

    public static readonly Portfolio[] AllPortfolios = Enum.GetValues<Portfolio>();
    public static readonly Metric[] AllMetrics = Enum.GetValues<Metric>();

    /// <summary>snake_case name used in CSV columns (idx_black_belt etc.).</summary>
    public static string SnakeName(Metric m) => m switch
    {
        Metric.Cspm => "cspm", Metric.Mspm => "mspm", Metric.BlackBelt => "black_belt", Metric.Career => "career",
        Metric.PoweredServices => "powered_services", Metric.Acv => "acv", Metric.Tcv => "tcv",
        Metric.BuyingProgram => "buying_program", Metric.AiBookings => "ai_bookings",
        Metric.PremiumServices => "premium_services", Metric.Onboard => "onboard", Metric.Adopt => "adopt",
        Metric.OnTimeRenewal => "otrr", _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>
    /// Whether a tier is in the rule book's default fat middle. A run's fat middle is
    /// <c>population.fatMiddleTiers</c> (<see cref="Options.PopulationOptions.FatMiddle"/>): this remains only for
    /// the engine's quarter statistics until they read the run's set, and goes then.
}
