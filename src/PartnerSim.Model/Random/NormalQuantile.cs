using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PartnerSim.Model.Random;

/// <summary>
/// The standard normal quantile (inverse CDF) by Wichura's algorithm AS 241, PPND16 (Applied Statistics 37(3),
/// 1988), accurate to about 1 part in 10^16. Every normal draw of a run goes through here, one per deal, so it
/// is the engine's hottest function: MathNet's general <c>Normal.InvCDF</c> (through <c>ErfInv</c>) took about
/// a sixth of a partner-quarter; this is one rational function in the central 85% and a log and a square root
/// in the tails, four lanes at a time. A test holds it to MathNet's values.
/// </summary>
public static class NormalQuantile
{
    private const double Split = 0.425, Centre = 0.180625;

    /// <summary>The quantile of one probability: lane 0 of the vector form, so scalar and vector draws agree exactly.</summary>
    public static double Of(double p) => Of(Vector256.Create(p)).ToScalar();

    /// <summary>
    /// Four quantiles at once. Both regions are rational functions in vector lanes (the tail's log and square
    /// root too), blended by region; the far tail beyond r = 5 (p below 1.4·10⁻¹¹) is finished lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> p)
    {
        var q = p - Vector256.Create(0.5);
        var x = q * Ratio(Vector256.Create(Centre) - q * q, CentralNumerator, CentralDenominator);
        var tails = Vector256.GreaterThan(Vector256.Abs(q), Vector256.Create(Split));
        if (tails == Vector256<double>.Zero) return x;

        var r = Vector256.Sqrt(-Vector256.Log(Vector256.Min(p, Vector256<double>.One - p)));
        var tail = Ratio(r - Vector256.Create(1.6), TailNumerator, TailDenominator);
        tail = Vector256.ConditionalSelect(Vector256.LessThan(q, Vector256<double>.Zero), -tail, tail);
        x = Vector256.ConditionalSelect(tails, tail, x);
        if (Vector256.GreaterThanAny(r, Vector256.Create(5.0)) || Vector256.LessThanOrEqualAny(p, Vector256<double>.Zero)
            || Vector256.GreaterThanOrEqualAny(p, Vector256<double>.One))
            x = FarTails(p, q, r, x);
        return x;
    }

    private static Vector256<double> FarTails(Vector256<double> p, Vector256<double> q, Vector256<double> r, Vector256<double> x)
    {
        var far = Ratio(r - Vector256.Create(5.0), FarTailNumerator, FarTailDenominator);
        for (int j = 0; j < Vector256<double>.Count; j++)
        {
            if (p[j] <= 0) x = x.WithElement(j, double.NegativeInfinity);
            else if (p[j] >= 1) x = x.WithElement(j, double.PositiveInfinity);
            else if (r[j] > 5) x = x.WithElement(j, Math.CopySign(far[j], q[j]));
        }
        return x;
    }

    // AS 241's three rational functions, coefficients c0 … c7. Central: |p − 0.5| ≤ 0.425, at
    // r = 0.180625 − (p − 0.5)². Tail: min(p, 1 − p) < 0.075 where r = √(−ln min(p, 1 − p)) ≤ 5, at r − 1.6.
    // Far tail: r > 5, at r − 5.
    private static ReadOnlySpan<double> CentralNumerator =>
    [
        3.3871328727963666080, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
        45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
    ];
    private static ReadOnlySpan<double> CentralDenominator =>
    [
        1.0, 42.313330701600911252, 687.18700749205790830, 5394.1960214247511077,
        21213.794301586595867, 39307.895800092710610, 28729.085735721942674, 5226.4952788528545610,
    ];
    private static ReadOnlySpan<double> TailNumerator =>
    [
        1.42343711074968357734, 4.63033784615654529590, 5.76949722146069140550, 3.64784832476320460504,
        1.27045825245236838258, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ];
    private static ReadOnlySpan<double> TailDenominator =>
    [
        1.0, 2.05319162663775882187, 1.67638483018380384940, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ];
    private static ReadOnlySpan<double> FarTailNumerator =>
    [
        6.65790464350110377720, 5.46378491116411436990, 1.78482653991729133580, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ];
    private static ReadOnlySpan<double> FarTailDenominator =>
    [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ];

    /// <summary>numerator(r) / denominator(r), both of degree 7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Ratio(Vector256<double> r, ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator)
    {
        var r2 = r * r;
        var r4 = r2 * r2;
        return Polynomial(r, r2, r4, numerator) / Polynomial(r, r2, r4, denominator);
    }

    /// <summary>
    /// c0 + c1·r + … + c7·r⁷ by Estrin's scheme: three levels of independent products instead of Horner's seven
    /// dependent steps, so a draw waits less than half as long.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Polynomial(Vector256<double> r, Vector256<double> r2, Vector256<double> r4, ReadOnlySpan<double> c) =>
        Fma(Fma(Fma(C(c[7]), r, C(c[6])), r2, Fma(C(c[5]), r, C(c[4]))), r4, Fma(Fma(C(c[3]), r, C(c[2])), r2, Fma(C(c[1]), r, C(c[0]))));

    private static Vector256<double> C(double c) => Vector256.Create(c);

    /// <summary>a·b + c rounded once: fewer instructions, and the same result on every CPU (exact in software where there is no FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);
}
