namespace PartnerSim.Model.Random;

/// <summary>
/// The first draw of each of a partner-quarter's one-draw streams (awareness, action, deal count, leaving): each
/// is what <c>At(partner, quarter, stream).Uniform()</c> gives. Made together in one vector Philox call, whether
/// or not a rule ends up using them, which costs less than a scalar block for each one that is used.
/// </summary>
public readonly record struct QuarterDraws(double Awareness, double Action, double DealCount, double Leaving)
{
    public static QuarterDraws Of(CounterRandom rng, long partner, int quarter)
    {
        var u = rng.FirstUniforms(partner, quarter, RandomStream.Awareness, RandomStream.Action, RandomStream.DealCount, RandomStream.Leaving);
        return new(u[0], u[1], u[2], u[3]);
    }
}
