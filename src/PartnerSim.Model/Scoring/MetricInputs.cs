using PartnerSim.Model.Partners;

namespace PartnerSim.Model.Scoring;

/// <summary>
/// The values the PVI is scored from, held once per partner (maturity and certifications serve every
/// portfolio). Built from a simulated <see cref="PartnerState"/> or from a roster row for static scoring.
/// </summary>
public struct MetricInputs
{
    public PartnerSize Size;
    public Maturity Cspm, Mspm;
    /// <summary>Black Belt points ×2 from certificates still inside the window (Meraki excluded: scoring adds its points).</summary>
    public int BlackBeltHalfPoints;
    public int CareerCerts;
    /// <summary>Meraki CMNA/CMSS certs registered to the organisation (count only when registered).</summary>
    public int RegisteredMerakiCerts;
    public double AcvGrowthPct, TcvGrowthPct;
    public double BuyingProgramPct, AiBookingsPct, PremiumServicesPct;
    public double OnboardPct, AdoptPct, OtrrPct;
    public int PoweredServices;

    public static MetricInputs Of(PartnerState s, int blackBeltWindow)
    {
        int halfPoints = 0;
        int window = Math.Min(blackBeltWindow, s.BlackBeltHalfPoints.Length);
        for (int k = 0; k < window; k++) halfPoints += s.BlackBeltHalfPoints[k];
        return new MetricInputs
        {
            Size = s.Size, Cspm = s.Cspm, Mspm = s.Mspm,
            BlackBeltHalfPoints = halfPoints, CareerCerts = s.CareerCerts,
            RegisteredMerakiCerts = s.MerakiRegistered ? s.MerakiCerts : 0,
            AcvGrowthPct = s.AcvGrowthPct, TcvGrowthPct = s.TcvGrowthPct,
            BuyingProgramPct = s.BuyingProgramPct, AiBookingsPct = s.AiBookingsPct,
            PremiumServicesPct = s.PremiumServicesPct, OnboardPct = s.OnboardPct, AdoptPct = s.AdoptPct,
            OtrrPct = s.OtrrPct, PoweredServices = s.PoweredServices,
        };
    }
}
