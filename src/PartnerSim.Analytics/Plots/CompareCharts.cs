using PartnerSim.Analytics.Compare;
using ScottPlot;

namespace PartnerSim.Analytics.Plots;

/// <summary>
/// The charts of a comparison: side A and side B on one chart (A solid, B dashed) for the rebate pots, the fat-middle
/// shortfall, the fat middle losing CPI eligibility, partners at partner band or better, and partners left; with
/// replicates, also the shortfall's delta with its 95% confidence interval.
/// </summary>
public static class CompareCharts
{
    public static IEnumerable<Chart> Of(RunComparison c)
    {
        yield return Overlay(c, "compare-rebates", "Rebate pots per quarter, A against B", "per quarter",
            [("cpiRebateUsd", "CPI earned", ChartStyle.Cpi), ("legacyRebateUsd", "legacy counterfactual", ChartStyle.Legacy)], money: true,
            "CPI earned and the legacy counterfactual of all partners per quarter; A solid, B dashed.");
        var shortfalls = new List<(string, string, Color)> { ("fatMiddle.shortfallUsd", "fat-middle shortfall", ChartStyle.Loss) };
        if (c.Quarters.Any(q => q["fatMiddle.shortfallUsd"]?.A != q["unmanagedFatMiddle.shortfallUsd"]?.A
                                || q["fatMiddle.shortfallUsd"]?.B != q["unmanagedFatMiddle.shortfallUsd"]?.B))
            shortfalls.Add(("unmanagedFatMiddle.shortfallUsd", "unmanaged fat-middle shortfall", ChartStyle.Unmanaged));
        yield return Overlay(c, "compare-fat-middle-shortfall", "Fat-middle shortfall per quarter, A against B", "per quarter (above 0: the partners lose)",
            shortfalls, money: true, "The fat middle's legacy counterfactual minus its CPI earned per quarter; A solid, B dashed.", zeroLine: true);
        yield return Overlay(c, "compare-fat-middle-losing", "Fat-middle partners losing CPI eligibility, A against B", "partners",
            [("fatMiddle.losing", "fat-middle partners losing CPI eligibility", ChartStyle.Loss)], money: false,
            "Fat-middle partners whose legacy rebate would be paid but who earn no CPI; A solid, B dashed.");
        yield return Overlay(c, "compare-partner-plus", "Partners at partner band or better, A against B", "active partners",
            [("partnerPlus", "partners at partner band or better", ChartStyle.Cpi)], money: false,
            "Active partners whose main portfolio's effective band is partner or better (they earn CPI); A solid, B dashed.");
        yield return Overlay(c, "compare-partners-left", "Partners that left for another vendor, A against B", "partners leaving at the end of the quarter",
            [("left", "partners left", ChartStyle.Neutral)], money: false, "Partners that left at the end of each quarter; A solid, B dashed.");
        if (c.HasIntervals) yield return ShortfallDelta(c);
    }

    private static Chart Overlay(RunComparison c, string id, string title, string unitLabel,
        IReadOnlyList<(string Figure, string Label, Color Color)> series, bool money, string caption, bool zeroLine = false)
    {
        var values = series.SelectMany(s => c.Quarters.SelectMany(q => new[] { q[s.Figure]?.A ?? 0, q[s.Figure]?.B ?? 0 })).ToList();
        var (divisor, unit) = money ? ChartStyle.MoneyScale(values.Select(Math.Abs).DefaultIfEmpty(0).Max()) : (1, "");
        var plot = ChartStyle.New(title, "fiscal quarter", money ? $"{unit} {unitLabel}" : unitLabel);
        MarkGrace(plot, c);
        if (zeroLine) plot.Add.HorizontalLine(0, 1, Colors.Black);
        var xs = ChartStyle.Positions(c.Quarters.Count);
        foreach (var (figure, label, color) in series)
        {
            ChartStyle.Line(plot, xs, [.. c.Quarters.Select(q => (q[figure]?.A ?? double.NaN) / divisor)], $"{label}, A: {Side(c.A)}", color);
            ChartStyle.Line(plot, xs, [.. c.Quarters.Select(q => (q[figure]?.B ?? double.NaN) / divisor)], $"{label}, B: {Side(c.B)}",
                color.Darken(0.25), LinePattern.Dashed, MarkerShape.OpenCircle);
        }
        plot.Axes.Bottom.SetTicks(xs, [.. c.Quarters.Select(q => q.Quarter)]);
        plot.Axes.SetLimitsX(-0.6, c.Quarters.Count - 0.4);
        double top = values.DefaultIfEmpty(0).Max() / divisor, bottom = Math.Min(0, values.DefaultIfEmpty(0).Min() / divisor);
        plot.Axes.SetLimitsY(bottom - (top - bottom) * 0.05, top + (top - bottom) * 0.55 + 1e-9);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return new Chart(id, title, caption + Means(c), plot);
    }

    private static Chart ShortfallDelta(RunComparison c)
    {
        const string title = "Fat-middle shortfall, B − A, with its 95% confidence interval";
        var deltas = c.Quarters.Select(q => q["fatMiddle.shortfallUsd"]).ToList();
        var (divisor, unit) = ChartStyle.MoneyScale(deltas.Select(d => Math.Max(Math.Abs(d?.Low ?? 0), Math.Abs(d?.High ?? 0))).DefaultIfEmpty(0).Max());
        var plot = ChartStyle.New(title, "fiscal quarter", $"{unit} per quarter (B − A)");
        MarkGrace(plot, c);
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        var xs = ChartStyle.Positions(c.Quarters.Count);
        ChartStyle.Line(plot, xs, [.. deltas.Select(d => (d?.Delta ?? double.NaN) / divisor)], "B − A (mean)", ChartStyle.Loss);
        var bars = plot.Add.ErrorBar(xs, [.. deltas.Select(d => (d?.Delta ?? double.NaN) / divisor)],
            [.. deltas.Select(d => d?.Low is { } l && d.Delta is { } v ? (v - l) / divisor : 0)]);
        bars.Color = ChartStyle.Loss;
        bars.LineWidth = 2;
        bars.LegendText = "95% confidence interval" + (c.Paired ? " (paired by seed)" : " (Welch)");
        plot.Axes.Bottom.SetTicks(xs, [.. c.Quarters.Select(q => q.Quarter)]);
        plot.Axes.SetLimitsX(-0.6, c.Quarters.Count - 0.4);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return new Chart("compare-fat-middle-shortfall-delta", title,
            "The difference in the fat middle's shortfall per quarter, B minus A, over the replicates, with its 95% confidence interval." + Means(c), plot);
    }

    private static void MarkGrace(Plot plot, RunComparison c)
    {
        var labels = c.Quarters.Select(q => q.Quarter).ToList();
        foreach (var (side, name, i) in new[] { (c.A, "A", 0), (c.B, "B", 1) })
        {
            var grace = side.First.PerQuarter.Where(q => q.Grace).Select(q => labels.IndexOf(q.Quarter)).Where(x => x >= 0).ToList();
            if (grace.Count == 0) continue;
            var span = plot.Add.HorizontalSpan(grace.Min() - 0.5 + 0.04 * i, grace.Max() + 0.5 - 0.04 * i, ChartStyle.Series(2 + i * 2).WithAlpha(0.10));
            span.LegendText = $"grace quarters of {name}";
            span.LineWidth = 0;
            plot.MoveToBack(span);
        }
    }

    private static string Side(RunSide side) => side.IsReplicateSet ? $"{side.Label} (mean of {side.Runs.Count})" : side.Label;

    private static string Means(RunComparison c) =>
        c.HasIntervals ? $" Sides of replicates are drawn as their means (A: {c.A.Runs.Count} runs, B: {c.B.Runs.Count})." : "";
}
