namespace PartnerSim.Model.Random;

/// <summary>
/// One stream per kind of draw, so that adding draws of one kind never shifts the draws of another:
/// a rule change in behaviour leaves the deal sequence of an unchanged partner intact.
/// </summary>
public enum RandomStream : uint
{
    PopulationBookings = 1,
    PopulationTraits = 2,
    PopulationBlackBelt = 3,
    PopulationManaged = 4,
    Awareness = 10,
    Action = 11,
    Business = 12,
    AcvNoise = 13,
    TcvNoise = 14,
    /// <summary>Deal k of a partner-quarter is draw k (one Philox block each).</summary>
    Deals = 15,
    Leaving = 16,
    /// <summary>How many deals a partner books in a quarter (its own stream: large counts take several draws).</summary>
    DealCount = 17,
}
