using PartnerSim.Analytics.Runs;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// The sentence a run's report opens with, built from its figures: how many fat-middle partners lose CPI eligibility
/// at launch, their median loss, and when the fat middle's shortfall closes; then the pots and who left.
/// </summary>
public static class RunHeadline
{
    public static string Sentence(RunSummary run)
    {
        var left = run.HeadlineFigure("partnersLeft");
        string leftText = left is { } l ? $"{Display.Count(l)} partner{(l == 1 ? "" : "s")} left for another vendor." : "";
        if (run.Launch is null)
            return $"Cisco 360 does not launch in this run: the legacy tiers pay all {run.Quarters} quarters. {leftText}".TrimEnd();

        var losing = run.HeadlineFigure("fatMiddleLosingAtLaunch");
        var partners = run.HeadlineFigure("fatMiddlePartnersAtLaunch");
        var median = run.HeadlineFigure("fatMiddleMedianShortfallAtLaunchUsd");
        var closing = run.Closing("fatMiddle");
        var parts = new List<string>
        {
            $"{Display.Count(losing)} of {Display.Count(partners)} fat-middle partners lose CPI eligibility at launch ({run.Launch})",
        };
        if (median is not null) parts.Add($"median loss {Display.Money(median)} a quarter");
        parts.Add(closing?.ClosesIn is { } closes
            ? $"the shortfall closes in {closes}" + (closing.ReopensIn is { } reopens ? $" and opens again in {reopens}" : "")
            : $"the shortfall does not close by {run.End.Quarter}");
        var first = string.Join("; ", parts) + ".";

        var cpi = run.HeadlineFigure("cpiRebateAfterLaunchUsd");
        var legacy = run.HeadlineFigure("legacyRebateAfterLaunchUsd");
        string pots = cpi is { } c && legacy is { } g && g != 0
            ? $" From launch to {run.End.Quarter} partners earn {Display.Money(c)} in CPI against {Display.Money(g)} under legacy rules ({(c >= g ? "+" : "−")}{Display.Number(Math.Abs((double)((c - g) / g)) * 100, "0.0")}%)."
            : "";
        return (first + pots + (leftText.Length > 0 ? " " + leftText : "")).Trim();
    }
}
