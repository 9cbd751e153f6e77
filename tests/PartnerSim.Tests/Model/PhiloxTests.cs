using PartnerSim.Model.Random;

namespace PartnerSim.Tests.Model;

/// <summary>Random123 known-answer vectors for philox4x32-10.</summary>
public class PhiloxTests
{
    [Fact]
    public void Zeros() =>
        Assert.Equal((0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u), Philox.Block(0, 0, 0, 0, 0, 0));

    [Fact]
    public void AllOnes() =>
        Assert.Equal((0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu),
            Philox.Block(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));

    [Fact]
    public void Pi() =>
        Assert.Equal((0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u),
            Philox.Block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));

    [Fact]
    public void CounterRandom_IsAPureFunctionOfCoordinates()
    {
        var a = new CounterRandom(42);
        var b = new CounterRandom(42);
        a.At(5, 3, RandomStream.Deals); a.Uniform(); double second = a.Uniform();
        b.At(9, 1, RandomStream.Quarter); b.Uniform();
        b.At(5, 3, RandomStream.Deals); b.Uniform();
        Assert.Equal(second, b.Uniform());
    }
}
