using PartnerSim.Model.Engine;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>
/// §4 high-water mark: the best pre-launch band is protected for 6 quarters from the launch quarter
/// (default launch = run quarter 2, so quarters 2..7 are protected and quarter 8 is not).
/// </summary>
public class HighWaterMarkTests
{
    /// <summary>
    /// Size M ($4M), CSPM and MSPM Intermediate (7 each, so never any grace credit), 5 career certs
    /// (floor(50/5) = 10), buying program 50 % (> 45 → 10), growth 0 → ACV = TCV = 0 → 0, rest 0.
    /// Networking: 7×1250 + 7×1250 + 10×2700 + 10×1000 = 8750 + 8750 + 27000 + 10000 = 54500 → 5.45 (partner).
    /// Without career certs and buying program: 8750 + 8750 = 17500 → 1.75 (registered).
    /// </summary>
    private static PartnerState PartnerBandNetworker(RuleBook book)
    {
        var s = ModelFixtures.Networker(1);
        s.Cspm = Maturity.Intermediate;
        s.Mspm = Maturity.Intermediate;
        s.CareerCerts = 5;
        s.BuyingProgramPct = 50;
        return ModelFixtures.Complete(s, book);
    }

    private static void Drop(PartnerState s)
    {
        s.CareerCerts = 0;
        s.BuyingProgramPct = 0;
    }

    [Fact]
    public void PreLaunchPartnerBand_IsProtectedThroughLaunchPlus5_AndFallsAtLaunchPlus6()
    {
        var book = new RuleBook(ModelFixtures.Quiet());
        var rng = new CounterRandom(7);
        var s = PartnerBandNetworker(book);

        for (int q = 0; q < 2; q++)
        {
            var o = PartnerStep.Run(s, q, book, rng);
            Assert.Equal(545, o.MainPvi100);        // 5.45, hand value above
            Assert.Equal(Band.Partner, o.MainRawBand);
            Assert.Equal(Band.Partner, o.MainBand);
        }
        Drop(s);
        for (int q = 2; q <= 7; q++) // launch .. launch+5: 6 protected quarters
        {
            var o = PartnerStep.Run(s, q, book, rng);
            Assert.Equal(175, o.MainPvi100);        // 1.75
            Assert.Equal(Band.Registered, o.MainRawBand);
            Assert.Equal(Band.Partner, o.MainBand);
        }
        var after = PartnerStep.Run(s, 8, book, rng); // launch+6
        Assert.Equal(Band.Registered, after.MainRawBand);
        Assert.Equal(Band.Registered, after.MainBand);
    }

    [Fact]
    public void BestPreLaunchBand_NotLast_IsProtected()
    {
        var book = new RuleBook(ModelFixtures.Quiet());
        var rng = new CounterRandom(7);
        var s = PartnerBandNetworker(book);

        Assert.Equal(Band.Partner, PartnerStep.Run(s, 0, book, rng).MainRawBand);
        Drop(s);
        var q1 = PartnerStep.Run(s, 1, book, rng); // pre-launch, lower: no protection before launch
        Assert.Equal(Band.Registered, q1.MainRawBand);
        Assert.Equal(Band.Registered, q1.MainBand);
        var q2 = PartnerStep.Run(s, 2, book, rng); // launch: best pre-launch band (Partner, from quarter 0)
        Assert.Equal(Band.Registered, q2.MainRawBand);
        Assert.Equal(Band.Partner, q2.MainBand);
    }

    [Fact]
    public void PostLaunchBand_DoesNotRaiseTheMark()
    {
        var book = new RuleBook(ModelFixtures.Quiet());
        var rng = new CounterRandom(7);
        var s = PartnerBandNetworker(book);
        Drop(s);
        for (int q = 0; q < 2; q++) Assert.Equal(Band.Registered, PartnerStep.Run(s, q, book, rng).MainBand);
        s.CareerCerts = 5; s.BuyingProgramPct = 50;
        var q2 = PartnerStep.Run(s, 2, book, rng); // raw partner beats the protected registered band
        Assert.Equal(Band.Partner, q2.MainRawBand);
        Assert.Equal(Band.Partner, q2.MainBand);
        Drop(s);
        var q3 = PartnerStep.Run(s, 3, book, rng); // a post-launch band is not protected
        Assert.Equal(Band.Registered, q3.MainBand);
    }
}
