using PartnerSim.Analytics.Experiments;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// The sentence an experiment's report opens with, built from its first output: the factor with the largest total
/// Sobol index (sobol), the largest μ* (morris) or the largest swing (grid, lhs); without factors, the output's mean
/// over the replicates.
/// </summary>
public static class ExperimentHeadline
{
    public static string Sentence(ExperimentSummary e)
    {
        if (e.Outputs.Count == 0) return "The experiment has no outputs.";
        var o = e.Outputs[0];
        if (e.Factors.Count == 0) return Mean(e, o);
        int top = FactorRanking.Of(o, e.Factors.Count)[0];
        string factor = e.Factors[top].Key;
        if (o.Sobol is { } sobol) return Sobol(e, o, factor, sobol.First(s => s.Factor == top));
        if (o.Morris is { } morris) return Morris(e, o, factor, morris.First(m => m.Factor == top));
        var undefined = o.Points.Count(p => p.Mean is null);
        if (e.Method is "sobol" or "morris" && undefined > 0)
            return $"{o.Name} is undefined at {Display.Count(undefined)} of {Display.Count(e.Points)} design points, so its " +
                   $"{(e.Method == "sobol" ? "Sobol indices" : "Morris effects")} were not computed. " + Swing(e, o, factor, o.Swings.First(s => s.Factor == top));
        return Swing(e, o, factor, o.Swings.First(s => s.Factor == top));
    }

    private static string Sobol(ExperimentSummary e, OutputSummary o, string factor, SobolSummary s)
    {
        if (s.Total is not { } total || total <= 0)
            return $"No factor accounts for any of the variance of {o.Name}: it does not vary across the design points, so its Sobol indices are {(s.Total is null ? "undefined" : "0")}.";
        bool firstInRange = s.First is >= 0 and <= 1;
        var text = $"{factor} accounts for the largest share of the variance of {o.Name}: {Display.Percent(total)} alone or through its " +
                   $"interactions (total Sobol index, 95% CI {Percents(s.TotalLower, s.TotalUpper)})" +
                   (firstInRange ? $", {Display.Percent(s.First)} alone (first-order index, 95% CI {Percents(s.FirstLower, s.FirstUpper)})." : ".");
        var outside = new[] { ("total", s.Total), ("first-order", s.First) }.Where(x => x.Item2 is < 0 or > 1).ToList();
        if (outside.Count > 0)
            text += $" Its {string.Join(" and ", outside.Select(x => $"{x.Item1} estimate ({Display.Percent(x.Item2)})"))} " +
                    $"{(outside.Count == 1 ? "lies" : "lie")} outside 0–100%, where a true index lies: {e.Samples} base rows are too few for close estimates.";
        return text;
    }

    private static string Morris(ExperimentSummary e, OutputSummary o, string factor, MorrisSummary m)
    {
        if (m.MuStar is not { } muStar || muStar <= 0)
            return $"No factor moves {o.Name}: every elementary effect is {(m.MuStar is null ? "undefined" : "0")} in the {e.Samples} Morris trajectories.";
        // |μ| = μ* exactly when every effect has the same sign (up to the summary's ten digits).
        string signs = m.Mu is { } mu && Math.Abs(Math.Abs(mu) - muStar) <= 1e-9 * muStar
            ? mu > 0 ? "every elementary effect is positive" : "every elementary effect is negative"
            : "its elementary effects take both signs";
        return $"{factor} has the largest effect on {o.Name} of the {e.Factors.Count} factors screened: Morris μ* " +
               $"{Display.ByUnit(muStar, o.Unit)} over the factor's whole range (μ {Display.SignedByUnit(m.Mu, o.Unit)}: {signs}; " +
               $"σ {Display.ByUnit(m.Sigma, o.Unit)}; {e.Samples} trajectories).";
    }

    private static string Swing(ExperimentSummary e, OutputSummary o, string factor, SwingSummary s)
    {
        if (s.Swing is not { } swing || swing == 0)
            return $"No factor moves {o.Name}: its mean is the same where each factor is lowest as where it is highest.";
        var f = e.Factors[s.Factor];
        return $"{factor} moves {o.Name} the most of the {e.Factors.Count} factors, by {Display.SignedByUnit(swing, o.Unit)}: from a mean of " +
               $"{Display.ByUnit(s.LowMean, o.Unit)} where the factor is {FactorStrata.Lowest(f)} to {Display.ByUnit(s.HighMean, o.Unit)} " +
               $"where it is {FactorStrata.Highest(f)}.";
    }

    private static string Mean(ExperimentSummary e, OutputSummary o)
    {
        var p = o.Points[0];
        if (p.Mean is null) return $"{o.Name} is undefined in every run.";
        var text = $"Over {Display.Count(p.Replicates)} replicate{(p.Replicates == 1 ? "" : "s")} of {e.BaseScenario}, {o.Name} averages {Display.ByUnit(p.Mean, o.Unit)}";
        if (p.Lower is null) return text + " (one replicate: no confidence interval).";
        text += $" (95% CI {Display.IntervalByUnit(p.Lower, p.Upper, o.Unit)})";
        return text + (o.Advice switch
        {
            { Needed: { } n } a when n <= a.Pilot => $"; the {a.Pilot} replicates already bring the interval within {Display.Percent(a.RelativeHalfWidth)} of the mean.",
            { Needed: { } n } a => $"; {Display.Count(n)} replicates would bring the interval within {Display.Percent(a.RelativeHalfWidth)} of the mean.",
            { } a => $"; no number of replicates brings the interval within {Display.Percent(a.RelativeHalfWidth)} of a mean of 0.",
            _ => ".",
        });
    }

    /// <summary>An interval of shares: "55–66%", or "−12% to 40%" when an end is negative.</summary>
    internal static string Percents(double? low, double? high) =>
        low is null || high is null ? Display.Missing
        : low >= 0 ? $"{Display.Number(100 * low.Value, "0")}–{Display.Percent(high)}"
        : $"{Display.Percent(low)} to {Display.Percent(high)}";
}
