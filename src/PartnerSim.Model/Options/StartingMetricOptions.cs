namespace PartnerSim.Model.Options;

/// <summary>A starting value drawn from a partner's engagement q: scale × q × (low + spread × u), u uniform on [0, 1).</summary>
public sealed record EngagementDraw
{
    [Range(0, 100)]
    public double Scale { get; init; }
    [Range(0, 10)]
    public double Low { get; init; }
    [Range(0, 10)]
    public double Spread { get; init; }
}

/// <summary>A starting maturity (0 None … 3 Expert): clip(floor(perEngagement × q + spread × (u − 0.5)), 0, 3).</summary>
public sealed record MaturityDraw
{
    [Range(0, 100)]
    public double PerEngagement { get; init; }
    [Range(0, 100)]
    public double Spread { get; init; }
}

/// <summary>
/// The starting metrics of a generated partner (rule book §7), each a function of its latent programme
/// engagement q and a uniform u of its own.
/// </summary>
public sealed record StartingMetricOptions
{
    [Param(Provenance.Asm, "engagement q from which a partner starts with onboard, adopt and AAP shares and an engaged renewal rate (below: 0, and renewal = onTimeRenewalUnengaged x u)")]
    [Probability]
    public double EngagedFrom { get; init; } = 0.2;

    [Param(Provenance.Asm, "starting CSPM (0 None ... 3 Expert) = clip(floor(perEngagement x q + spread x (u - 0.5)), 0, 3)")]
    public MaturityDraw Cspm { get; init; } = new() { PerEngagement = 3.6, Spread = 0.8 };

    [Param(Provenance.Asm, "starting MSPM (0 None ... 3 Expert) = clip(floor(perEngagement x q + spread x (u - 0.5)), 0, 3)")]
    public MaturityDraw Mspm { get; init; } = new() { PerEngagement = 3.3, Spread = 0.8 };

    [Param(Provenance.Asm, "starting Black Belt certificates = floor(scale x q x blackBeltTarget[size] x (low + spread x u))")]
    public EngagementDraw BlackBelt { get; init; } = new() { Scale = 0.8, Low = 0.6, Spread = 0.8 };

    [Param(Provenance.Asm, "starting career certs = floor(scale x q x careerTarget[size] x (low + spread x u))")]
    public EngagementDraw Career { get; init; } = new() { Scale = 1, Low = 0.6, Spread = 0.8 };

    [Param(Provenance.Asm, "starting Meraki certs = floor(u x (merakiBase + merakiPerEngagement x q))")]
    [Range(0, 1000)]
    public double MerakiBase { get; init; } = 1;

    [Param(Provenance.Asm, "Meraki certs per unit of engagement (see merakiBase)")]
    [Range(0, 1000)]
    public double MerakiPerEngagement { get; init; } = 4;

    [Param(Provenance.Asm, "chance per unit of engagement that the Meraki certs are already registered (chance = this x q)")]
    [Probability]
    public double MerakiRegisteredPerEngagement { get; init; } = 0.3;

    [Param(Provenance.Asm, "starting onboard % (engaged partners) = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw Onboard { get; init; } = new() { Scale = 60, Low = 0.5, Spread = 1 };

    [Param(Provenance.Asm, "starting adopt % (engaged partners) = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw Adopt { get; init; } = new() { Scale = 25, Low = 0.5, Spread = 1 };

    [Param(Provenance.Asm, "starting share of deals with a pre-sales AAP assessment (engaged partners) = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw Aap { get; init; } = new() { Scale = 60, Low = 0, Spread = 1 };

    [Param(Provenance.Asm, "starting buying program % = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw BuyingProgram { get; init; } = new() { Scale = 50, Low = 0.5, Spread = 1 };

    [Param(Provenance.Asm, "starting AI bookings % = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw AiBookings { get; init; } = new() { Scale = 30, Low = 0, Spread = 1 };

    [Param(Provenance.Asm, "starting premium services % = min(100, scale x q x (low + spread x u))")]
    public EngagementDraw PremiumServices { get; init; } = new() { Scale = 40, Low = 0, Spread = 1 };

    [Param(Provenance.Asm, "starting on-time renewal % of engaged partners = min(100, onTimeRenewalBase + scale x q x (low + spread x u))")]
    public EngagementDraw OnTimeRenewal { get; init; } = new() { Scale = 50, Low = 0.6, Spread = 0.4 };

    [Param(Provenance.Asm, "base of the engaged on-time renewal % (see onTimeRenewal)")]
    [Range(0, 100)]
    public double OnTimeRenewalBase { get; init; } = 50;

    [Param(Provenance.Asm, "on-time renewal % of partners below engagedFrom = this x u")]
    [Range(0, 100)]
    public double OnTimeRenewalUnengaged { get; init; } = 40;

    [Param(Provenance.Asm, "starting powered services (count) = floor(scale x q x (low + spread x u))")]
    public EngagementDraw PoweredServices { get; init; } = new() { Scale = 3, Low = 0, Spread = 1 };
}
