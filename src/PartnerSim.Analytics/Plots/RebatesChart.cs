using PartnerSim.Analytics.Runs;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>The two rebate pots per quarter, earned and paid: Cisco 360 CPI against the legacy rebate.</summary>
public static class RebatesChart
{
    public const string Id = "rebates";

    public static Chart Of(RunSummary run)
    {
        var q = run.PerQuarter;
        // CPI exists from launch; payments from the first quarter whose earnings fall due inside the run.
        int launch = Math.Max(0, ChartStyle.Index(run, run.Launch));
        int lag = int.TryParse(run.Assumption("money.paymentLagQuarters"), out var l) ? l : 1;
        var series = new (string Figure, string Label, Color Color, LinePattern Pattern, MarkerShape Marker, int From)[]
        {
            ("cpiRebateUsd", "CPI earned", ChartStyle.Cpi, LinePattern.Solid, MarkerShape.FilledCircle, launch),
            ("legacyRebateUsd", "legacy counterfactual (the same deals under legacy rules)", ChartStyle.Legacy, LinePattern.Solid, MarkerShape.FilledSquare, 0),
            ("cpiPaidUsd", $"CPI paid ({lag} quarter{(lag == 1 ? "" : "s")} after it is earned)", ChartStyle.Cpi, LinePattern.Dashed, MarkerShape.OpenCircle, launch),
            ("legacyPaidUsd", "legacy rebate paid", ChartStyle.Legacy, LinePattern.Dashed, MarkerShape.OpenSquare, Math.Min(lag, q.Count - 1)),
        };
        if (run.Launch is null) series = [series[1], series[3]];
        var (divisor, unit) = ChartStyle.MoneyScale(series.Max(s => q.Max(x => Math.Abs(x.Value(s.Figure)))));
        const string title = "Rebate pots per quarter: Cisco 360 CPI against the legacy rebate";
        var plot = ChartStyle.New(title, "fiscal quarter", $"{unit} per quarter");
        ChartStyle.MarkLaunch(plot, run);
        var xs = ChartStyle.Positions(q.Count);
        foreach (var s in series)
            ChartStyle.Line(plot, xs[s.From..], [.. q.Skip(s.From).Select(x => x.Value(s.Figure) / divisor)], s.Label, s.Color, s.Pattern, s.Marker);
        ChartStyle.QuarterAxis(plot, ChartStyle.Quarters(run));
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, series.Max(s => q.Max(x => x.Value(s.Figure))) / divisor * 1.45);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return new Chart(Id, title,
            "All partners' rebates each quarter. Earned: for the quarter's deals; paid: what reaches partners, one quarter later. " +
            "The legacy counterfactual is what the same deals would have earned under the legacy tiers.", plot);
    }
}
