using System.Runtime.CompilerServices;
using PartnerSim.Grains.Serialization;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Partners;

namespace PartnerSim.Tests.Model;

/// <summary>The compact outcome: its size, its derived shortfall, and its trip through the grains' surrogate.</summary>
public class PartnerOutcomeTests
{
    [Fact]
    public void FitsInSeventyTwoBytes() => Assert.True(Unsafe.SizeOf<PartnerOutcome>() <= 72, $"{Unsafe.SizeOf<PartnerOutcome>()} bytes");

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
            Tier = LegacyTier.Premier, ManagedBy = ManagedBy.BeTheOne, Size = PartnerSize.XL, Archetype = Archetype.Waiting,
            Provider = LegacyProvider.GoldProvider, MainPortfolio = Portfolio.Services, MainRawBand = Band.Registered,
            CpiEarnedCents = 1, LegacyEarnedCents = 2, CpiPaidCents = 3, LegacyPaidCents = 4,
            DiscountCents = 5, BookingsCents = 6_000_000_000_000, Deals = 70_000,
        };
        // Every portfolio a different PVI (the extremes included) and band.
        short[] pvi = [0, 1_000, 499, 750, 1];
        for (int p = 0; p < pvi.Length; p++) { o.Pvi100[p] = pvi[p]; o.Bands[p] = (Band)(p % 4); }
        Assert.Equal(Band.Preferred, o.BandOf(3));
        Assert.Equal(1, o.MainPvi100);
        var converter = new PartnerOutcomeConverter();
        var back = converter.ConvertFromSurrogate(converter.ConvertToSurrogate(o));
        // Compared byte for byte: built-in equality does not look into inline arrays.
        Assert.Equal(Bytes(o), Bytes(back));
    }

    private static byte[] Bytes(PartnerOutcome o) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<PartnerOutcome>(ref o)).ToArray();
}
