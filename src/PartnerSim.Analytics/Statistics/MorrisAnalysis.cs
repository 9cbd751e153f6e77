using Descriptive = MathNet.Numerics.Statistics.Statistics;

namespace PartnerSim.Analytics.Statistics;

/// <summary>Elementary effects from the outputs of a <see cref="MorrisDesign"/>.</summary>
public static class MorrisAnalysis
{
    /// <summary>
    /// μ, μ* and σ of every factor. <paramref name="outputs"/> holds one model output per point of
    /// <see cref="MorrisDesign.Points"/>, in that order. Each step's effect is the output's change divided by the
    /// coordinate's actual change (±Δ up to rounding), so a linear term's effect is its coefficient.
    /// </summary>
    public static IReadOnlyList<MorrisEffect> Effects(MorrisDesign design, IReadOnlyList<double> outputs)
    {
        if (outputs.Count != design.Points.Count)
            throw new ArgumentException($"The design has {design.Points.Count} points but {outputs.Count} outputs were given.", nameof(outputs));
        int r = design.Trajectories, d = design.Dimension;
        var effects = new double[d][];
        for (int j = 0; j < d; j++) effects[j] = new double[r];
        for (int t = 0; t < r; t++)
        {
            for (int s = 0; s < d; s++)
            {
                int before = design.IndexOf(t, s), after = before + 1, j = design.MovedFactor(t, s);
                effects[j][t] = (outputs[after] - outputs[before]) / (design.Points[after][j] - design.Points[before][j]);
            }
        }
        return effects.Select((ee, j) => new MorrisEffect(j, Descriptive.Mean(ee), Descriptive.Mean(ee.Select(Math.Abs)),
            Descriptive.StandardDeviation(ee))).ToArray();
    }
}
