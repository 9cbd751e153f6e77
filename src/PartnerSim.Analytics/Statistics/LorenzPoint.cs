namespace PartnerSim.Analytics.Statistics;

/// <summary>A point of a Lorenz curve: the poorest <see cref="PopulationShare"/> of holders hold <see cref="ValueShare"/> of the total.</summary>
public readonly record struct LorenzPoint(double PopulationShare, double ValueShare);
