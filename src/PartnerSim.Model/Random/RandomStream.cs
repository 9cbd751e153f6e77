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
    /// <summary>Deal k of a partner-quarter is draw k (one Philox block each).</summary>
    Deals = 15,
    /// <summary>
    /// How many deals a partner books in a quarter, past a mean of 500 (its own stream: large counts take several
    /// draws); below that the count is one draw of <see cref="Quarter"/>.
    /// </summary>
    DealCount = 17,
    /// <summary>
    /// A partner-quarter's single draws, two 53-bit values to a block, each in a fixed place (see
    /// <see cref="QuarterDraws"/>): block 0 awareness and action, block 1 deal count and leaving, block 2 the
    /// bookings noise and the ACV noise, block 3 the TCV noise (its second value unused).
    /// </summary>
    Quarter = 18,
    /// <summary>Latin hypercube designs of experiments: partner = factor, quarter 0 the strata's order, quarter 1 the place inside each stratum.</summary>
    LatinHypercube = 19,
    /// <summary>Saltelli base samples of a Sobol sensitivity analysis: partner = row, its A coordinates then its B coordinates.</summary>
    SaltelliSample = 20,
    /// <summary>Morris screening trajectories: partner = trajectory.</summary>
    MorrisTrajectory = 21,
    /// <summary>Bootstrap resamples of an analysis's rows: partner = resample.</summary>
    Bootstrap = 22,
    /// <summary>Replicate run seeds derived from an experiment's master seed: partner = replicate index.</summary>
    ReplicateSeed = 23,
    /// <summary>Which partners a sampled detail file records: partner = partner id, one draw each.</summary>
    DetailSample = 24,
    /// <summary>The failure drill's schedule of faults (which quarters, which silo, how far into the quarter): partner 0, quarter 0.</summary>
    FailureDrill = 25,
}
