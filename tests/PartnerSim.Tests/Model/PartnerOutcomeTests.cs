using System.Runtime.CompilerServices;
using PartnerSim.Grains.Serialization;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Model;

/// <summary>The compact outcome: its size, its derived shortfall, and its trip through the grains' surrogate.</summary>
public class PartnerOutcomeTests
{
    [Fact]
    public void FitsInSixtyFourBytes() => Assert.True(Unsafe.SizeOf<PartnerOutcome>() <= 64, $"{Unsafe.SizeOf<PartnerOutcome>()} bytes");

    [Fact]
    public void Shortfall_IsLegacyLessCpi_OnlyFromLaunch()
    {
        var o = new PartnerOutcome { LegacyEarnedCents = 70_000_00, CpiEarnedCents = 12_500_00 };
        Assert.Equal(0, o.ShortfallCents);
        o.Launched = true;
        Assert.Equal(57_500_00, o.ShortfallCents);
    }

    [Fact]
    public void Facts_AreIndependentBits()
    {
        var o = new PartnerOutcome { WasActive = true, Losing = true };
        o.Aware = true;
        o.Losing = false;
        Assert.True(o.WasActive);
        Assert.True(o.Aware);
        Assert.False(o.Losing);
        Assert.False(o.Active);
        Assert.False(o.Left);
        Assert.False(o.MissedPayment);
        Assert.False(o.Launched);
    }

    [Fact]
    public void Surrogate_RoundTripsEveryField()
    {
        var o = new PartnerOutcome
        {
            WasActive = true, Active = false, Left = true, Aware = true, MissedPayment = true, Losing = true, Launched = true,
            Tier = LegacyTier.Premier, ManagedBy = ManagedBy.BeTheOne, MainBand = Band.Partner, MainRawBand = Band.Registered,
            MainPvi100 = 1_000, CpiEarnedCents = 1, LegacyEarnedCents = 2, CpiPaidCents = 3, LegacyPaidCents = 4,
            DiscountCents = 5, BookingsCents = 6_000_000_000_000, Deals = 70_000,
        };
        var converter = new PartnerOutcomeConverter();
        Assert.Equal(o, converter.ConvertFromSurrogate(converter.ConvertToSurrogate(o)));
    }
}
