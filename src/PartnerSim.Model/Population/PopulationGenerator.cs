using MathNet.Numerics.Distributions;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Model.Population;

/// <summary>
/// The default population of rule book §7. Partner ids are 1…N. Every draw is keyed by the partner's id, so
/// partner 7 is the same partner whether 10 or 10 million are generated (its tier aside, which is a rank).
/// </summary>
public sealed class PopulationGenerator
{
    private readonly RuleBook _rules;
    private readonly PopulationOptions _o;
    private readonly double _mu;
    private readonly TierSet _fatMiddle;

    /// <summary>Lognormal sigma of annual bookings such that the top share of partners books the target share.</summary>
    public double BookingsSigma { get; }

    public PopulationGenerator(RuleBook rules)
    {
        _rules = rules;
        _o = rules.Options.Population;
        _mu = Math.Log(_o.MedianBookingsUsd);
        _fatMiddle = _o.FatMiddle;
        BookingsSigma = SigmaFor(_o.TopPartnersShare, _o.TopBookingsShare);
    }

    /// <summary>
    /// For a lognormal, the top fraction p holds 1 − Φ(z₁₋ₚ − σ) of the total; solving for a target share S
    /// gives σ = z₁₋ₚ − Φ⁻¹(1 − S).
    /// </summary>
    public static double SigmaFor(double topPartnersShare, double topBookingsShare) =>
        Normal.InvCDF(0, 1, 1 - topPartnersShare) - Normal.InvCDF(0, 1, 1 - topBookingsShare);

    public int Count => _o.Partners;

    public double DrawAnnualBookings(long id, CounterRandom rng) =>
        Math.Exp(_mu + BookingsSigma * rng.At(id, CounterRandom.PopulationQuarter, RandomStream.PopulationBookings).StandardNormal());

    /// <summary>Every partner's annual bookings at run start, by position (id − 1).</summary>
    public double[] DrawAllBookings()
    {
        var rng = new CounterRandom(_rules.Options.Run.Seed);
        var bookings = new double[Count];
        for (int i = 0; i < bookings.Length; i++) bookings[i] = DrawAnnualBookings(i + 1, rng);
        return bookings;
    }

    public TierCuts ComputeTierCuts() => ComputeTierCuts(DrawAllBookings());

    /// <summary>Ranks all N partners' bookings once to place the tier boundaries (top 1.5% Gold, …).</summary>
    public TierCuts ComputeTierCuts(double[] allBookings)
    {
        var bookings = (double[])allBookings.Clone();
        Array.Sort(bookings, (a, b) => b.CompareTo(a));
        var share = _o.TierShare;
        int gold = (int)Math.Round(share.Gold * Count);
        int premier = gold + (int)Math.Round(share.Premier * Count);
        int select = premier + (int)Math.Round(share.Select * Count);
        return new TierCuts(CutAt(bookings, gold), CutAt(bookings, premier), CutAt(bookings, select));
    }

    /// <summary>Share of all bookings booked by the top fraction of partners (calibration target 1).</summary>
    public static double TopShare(IReadOnlyCollection<double> bookings, double topFraction)
    {
        var sorted = bookings.OrderByDescending(b => b).ToArray();
        int top = (int)Math.Round(topFraction * sorted.Length);
        double total = sorted.Sum();
        return total > 0 ? sorted.Take(top).Sum() / total : 0;
    }

    private static double CutAt(double[] descending, int count) =>
        count <= 0 ? double.PositiveInfinity : descending[Math.Min(count, descending.Length) - 1];

    public PartnerState Create(long id, TierCuts cuts, CounterRandom rng)
    {
        double bookings = DrawAnnualBookings(id, rng);
        return Create(id, cuts.TierOf(bookings), bookings, rng);
    }

    /// <summary>A partner whose tier and bookings are given (a roster row); everything else is drawn.</summary>
    public PartnerState Create(long id, LegacyTier tier, double bookings, CounterRandom rng)
    {
        var s = new PartnerState { Id = id, AnnualBookingsUsd = bookings, LegacyTier = tier };
        s.Size = _rules.SizeOf(bookings);

        rng.At(id, CounterRandom.PopulationQuarter, RandomStream.PopulationTraits);
        s.GrowthPct = _o.GrowthPct.Mean + _o.GrowthPct.Sd * rng.StandardNormal();
        s.LegacyProvider = rng.Uniform() < _o.ProviderShare[s.LegacyTier] ? ProviderOf(s.LegacyTier) : LegacyProvider.None;
        s.Archetype = Pick(_fatMiddle.Contains(s.LegacyTier) ? _o.FatMiddleArchetypes.ToArray() : _o.OtherArchetypes.ToArray(), rng.Uniform());
        var baseShare = _o.PortfolioBase.ToArray();
        var spread = _o.PortfolioSpread;
        for (int p = 0; p < baseShare.Length; p++) s.PortfolioShare[p] = baseShare[p] * (spread.Low + spread.Spread * rng.Uniform());
        NormaliseShares(s);

        var e = _o.Engagement[s.LegacyTier];
        double q = Math.Clamp(e.Mean + e.Sd * rng.StandardNormal(), 0, 1);
        var range = _o.Employees[s.Size];
        s.Employees = (int)Math.Round(Math.Exp(Math.Log(range.Min) + rng.Uniform() * (Math.Log(range.Max) - Math.Log(range.Min))));
        var m = _o.StartingMetrics;
        s.Cspm = MaturityAt(m.Cspm, q, rng.Uniform());
        s.Mspm = MaturityAt(m.Mspm, q, rng.Uniform());
        int bbTarget = _rules.Scoring.BlackBeltTarget[(int)s.Size], careerTarget = _rules.Scoring.CareerTarget[(int)s.Size];
        int certificates = (int)Math.Floor(Draw(m.BlackBelt, q, bbTarget, rng.Uniform()));
        s.CareerCerts = (int)Math.Floor(Draw(m.Career, q, careerTarget, rng.Uniform()));
        s.MerakiCerts = (int)Math.Floor(rng.Uniform() * (m.MerakiBase + m.MerakiPerEngagement * q));
        s.MerakiRegistered = rng.Uniform() < m.MerakiRegisteredPerEngagement * q;
        double uOnboard = rng.Uniform(), uAdopt = rng.Uniform(), uAap = rng.Uniform();
        bool engaged = q >= m.EngagedFrom;
        if (engaged)
        {
            s.OnboardPct = Percent(m.Onboard, q, uOnboard);
            s.AdoptPct = Percent(m.Adopt, q, uAdopt);
            s.AapPct = Percent(m.Aap, q, uAap);
        }
        s.BuyingProgramPct = Percent(m.BuyingProgram, q, rng.Uniform());
        s.AiBookingsPct = Percent(m.AiBookings, q, rng.Uniform());
        s.PremiumServicesPct = Percent(m.PremiumServices, q, rng.Uniform());
        double uRenewal = rng.Uniform();
        s.OtrrPct = engaged ? Math.Min(100, m.OnTimeRenewalBase + Draw(m.OnTimeRenewal, q, uRenewal)) : m.OnTimeRenewalUnengaged * uRenewal;
        s.PoweredServices = (int)Math.Floor(Draw(m.PoweredServices, q, rng.Uniform()));
        s.AcvGrowthPct = s.TcvGrowthPct = s.GrowthPct;

        // Enrolment draws have a stream of their own, so enrolling a segment changes no other trait of anyone.
        rng.At(id, CounterRandom.PopulationQuarter, RandomStream.PopulationManaged);
        foreach (var enrolment in _o.Managed)
        {
            bool enrolled = rng.Uniform() < enrolment.Share;
            if (s.ManagedBy == ManagedBy.None && enrolled && enrolment.Covers(s.LegacyTier, _fatMiddle)) s.ManagedBy = enrolment.Program;
        }

        rng.At(id, CounterRandom.PopulationQuarter, RandomStream.PopulationBlackBelt);
        int window = _rules.Options.Rules.BlackBeltWindowQuarters;
        var stageHalfPoints = _rules.Scoring.BlackBeltStageHalfPoints;
        // Stage 2 up to 1 − stage 3's share rather than stage 1 + stage 2's: the mix sums to 1, and 1 − 0.1 is 0.9
        // exactly in binary where 0.6 + 0.3 is not.
        var mix = _o.BlackBeltStageMix;
        double toStage2 = mix.Stage1, toStage3 = 1 - mix.Stage3;
        for (int i = 0; i < certificates; i++)
        {
            double u = rng.Uniform();
            int halfPoints = stageHalfPoints[u < toStage2 ? 0 : u < toStage3 ? 1 : 2];
            s.BlackBeltHalfPoints[Math.Min(window - 1, (int)(rng.Uniform() * window))] += halfPoints;
        }
        PartnerFactory.Complete(s, _rules);
        return s;
    }

    private static Maturity MaturityAt(MaturityDraw d, double q, double u) =>
        (Maturity)Math.Clamp((int)Math.Floor(d.PerEngagement * q + d.Spread * (u - 0.5)), 0, 3);

    /// <summary>scale × q × (low + spread × u), times <paramref name="target"/> for a count measured against one.</summary>
    private static double Draw(EngagementDraw d, double q, double target, double u) => d.Scale * q * target * (d.Low + d.Spread * u);

    private static double Draw(EngagementDraw d, double q, double u) => d.Scale * q * (d.Low + d.Spread * u);

    private static double Percent(EngagementDraw d, double q, double u) => Math.Min(100, Draw(d, q, u));

    private static LegacyProvider ProviderOf(LegacyTier tier) => tier switch
    {
        LegacyTier.Gold => LegacyProvider.GoldProvider,
        LegacyTier.Premier => LegacyProvider.PremierProvider,
        _ => LegacyProvider.SelectProvider,
    };

    private static Archetype Pick(double[] weights, double u)
    {
        double total = weights.Sum(), acc = 0;
        for (int i = 0; i < weights.Length - 1; i++)
        {
            acc += weights[i] / total;
            if (u < acc) return (Archetype)i;
        }
        return (Archetype)(weights.Length - 1);
    }

    public static void NormaliseShares(PartnerState s)
    {
        double sum = s.PortfolioShareTotal;
        for (int p = 0; p < s.PortfolioShare.Length; p++) s.PortfolioShare[p] /= sum;
    }
}
