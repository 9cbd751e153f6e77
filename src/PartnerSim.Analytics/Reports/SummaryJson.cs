using System.Text.Encodings.Web;
using System.Text.Json;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// Writes <c>summary.json</c>: the run's identity, its digest, every seed/assumption value it used, and one
/// entry per quarter. Field order is fixed and money is written in exact decimal dollars, so two runs
/// of the same scenario and seed differ only in their timing fields.
/// </summary>
public static class SummaryJson
{
    public static void Write(Stream stream, RunReport report)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var o = report.Rules.Options;
        w.WriteStartObject();
        w.WriteString("scenario", o.Run.Name);
        w.WriteString("description", o.Run.Description);
        w.WriteNumber("seed", o.Run.Seed);
        w.WriteNumber("partners", report.Result.Partners);
        w.WriteNumber("quarters", report.Rules.Quarters);
        w.WriteNumber("partnerQuarters", report.PartnerQuarters);
        w.WriteString("start", report.Rules.Start.ToString());
        w.WriteString("launch", o.Run.Cisco360 ? o.Run.Launch : null);
        w.WriteString("engine", report.Engine);
        w.WriteNumber("elapsedSeconds", Math.Round(report.ElapsedSeconds, 3));
        w.WriteNumber("partnerQuartersPerSecond", report.ElapsedSeconds > 0 ? Math.Round(report.PartnerQuarters / report.ElapsedSeconds) : 0);
        w.WriteStartObject("phaseSeconds");
        w.WriteNumber("create", Math.Round(report.Result.Timings.CreateSeconds, 3));
        w.WriteNumber("step", Math.Round(report.Result.Timings.StepSeconds, 3));
        w.WriteNumber("digest", Math.Round(report.Result.Timings.DigestSeconds, 3));
        w.WriteEndObject();
        w.WriteString("digest", report.Result.Digest);
        WriteHeadline(w, report);
        WriteCalibration(w, report.Calibration);
        WriteAssumptions(w, o);
        w.WriteStartArray("perQuarter");
        foreach (var q in report.Result.PerQuarter) WriteQuarter(w, report, q);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteHeadline(Utf8JsonWriter w, RunReport r)
    {
        var h = r.Headline;
        w.WriteStartObject("headline");
        w.WriteNumber("cpiRebateAfterLaunchUsd", RunReport.Usd(h.CpiAfterLaunchCents));
        w.WriteNumber("legacyRebateAfterLaunchUsd", RunReport.Usd(h.LegacyAfterLaunchCents));
        w.WriteNumber("shortfallAfterLaunchUsd", RunReport.Usd(h.ShortfallAfterLaunchCents));
        w.WriteNumber("fatMiddleShortfallAfterLaunchUsd", RunReport.Usd(h.FatMiddleShortfallAfterLaunchCents));
        w.WriteNumber("unmanagedFatMiddleShortfallAfterLaunchUsd", RunReport.Usd(h.UnmanagedFatMiddleShortfallAfterLaunchCents));
        w.WriteNumber("fatMiddleLosingAtLaunch", h.FatMiddleLosingAtLaunch ?? 0);
        WriteNullable(w, "fatMiddleMedianShortfallAtLaunchUsd", h.FatMiddleMedianShortfallAtLaunchUsd);
        w.WriteNumber("partnersLeft", h.PartnersLeft);
        w.WriteEndObject();
    }

    private static void WriteCalibration(Utf8JsonWriter w, Calibration c)
    {
        w.WriteStartObject("calibration");
        w.WriteStartObject("topBookingsShare");
        w.WriteNumber("value", Math.Round(c.TopBookingsShare, 4));
        w.WriteString("target", $"the top {c.TopPartnersShare * 100:0}% of partners book {c.TopBookingsTarget * 100:0}% ± {Calibration.TopBookingsTolerance * 100:0} points");
        w.WriteBoolean("met", c.TopBookingsMet);
        w.WriteEndObject();
        w.WriteStartObject("fatMiddleMedianShortfallAtLaunchUsd");
        WriteNullable(w, "value", c.LaunchMedianShortfallUsd);
        w.WriteString("target", $"{Calibration.MedianLowUsd:N0}–{Calibration.MedianHighUsd:N0} USD per quarter (\"50k, 60k, 70k\")");
        WriteNullable(w, "met", c.LaunchMedianMet);
        w.WriteEndObject();
        w.WriteStartObject("cpiToLegacyPot");
        w.WriteString("quarter", c.MatchQuarter);
        WriteNullable(w, "value", c.CpiToLegacyRatio is { } ratio ? Math.Round((decimal)ratio, 4) : null);
        w.WriteString("target", $">= 1 in the {Calibration.MatchQuartersAfterLaunch}th quarter after launch (\"will at least match\")");
        WriteNullable(w, "met", c.PotMatchMet);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteBoolean(name, value.Value);
    }

    private static void WriteAssumptions(Utf8JsonWriter w, ScenarioOptions o)
    {
        w.WriteStartArray("assumptions");
        foreach (var a in AssumptionList.Of(o))
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("value", a.Value);
            w.WriteString("tag", a.Tag.ToString().ToLowerInvariant());
            w.WriteString("description", a.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteQuarter(Utf8JsonWriter w, RunReport r, QuarterStats q)
    {
        w.WriteStartObject();
        w.WriteString("quarter", r.QuarterLabel(q.Quarter));
        w.WriteString("regime", r.Rules.IsLaunched(q.Quarter) ? "cisco360" : "legacy");
        w.WriteBoolean("grace", r.Rules.InGrace(q.Quarter));
        w.WriteNumber("active", q.Active);
        w.WriteNumber("left", q.Left);
        w.WriteNumber("aware", q.Aware);
        WriteBands(w, "bands", q.Bands);
        WriteBands(w, "rawBands", q.RawBands);
        w.WriteNumber("cpiRebateUsd", RunReport.Usd(q.CpiEarnedCents));
        w.WriteNumber("legacyRebateUsd", RunReport.Usd(q.LegacyEarnedCents));
        w.WriteNumber("shortfallUsd", RunReport.Usd(q.ShortfallCents));
        w.WriteNumber("cpiPaidUsd", RunReport.Usd(q.CpiPaidCents));
        w.WriteNumber("legacyPaidUsd", RunReport.Usd(q.LegacyPaidCents));
        w.WriteNumber("dealRegDiscountUsd", RunReport.Usd(q.DiscountCents));
        w.WriteNumber("bookingsUsd", RunReport.Usd(q.BookingsCents));
        w.WriteNumber("deals", q.Deals);
        w.WriteNumber("losing", q.Losing);
        w.WriteNumber("missedPayments", q.MissedPayments);
        WriteSegment(w, "fatMiddle", q.FatMiddle);
        WriteSegment(w, "unmanagedFatMiddle", q.UnmanagedFatMiddle);
        w.WriteStartObject("tiers");
        foreach (var tier in Enum.GetValues<LegacyTier>()) WriteSegment(w, Camel(tier.ToString()), q.Tiers[(int)tier]);
        w.WriteEndObject();
        w.WriteStartArray("pviHistogram");
        foreach (var c in q.PviHistogram) w.WriteNumberValue(c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBands(Utf8JsonWriter w, string name, long[] counts)
    {
        w.WriteStartObject(name);
        foreach (var band in Enum.GetValues<Band>()) w.WriteNumber(Camel(band.ToString()), counts[(int)band]);
        w.WriteEndObject();
    }

    private static void WriteSegment(Utf8JsonWriter w, string name, SegmentStats s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("partners", s.Partners);
        w.WriteNumber("losing", s.Losing);
        w.WriteNumber("winners", s.Winners);
        w.WriteNumber("cpiRebateUsd", RunReport.Usd(s.CpiEarnedCents));
        w.WriteNumber("legacyRebateUsd", RunReport.Usd(s.LegacyEarnedCents));
        w.WriteNumber("shortfallUsd", RunReport.Usd(s.ShortfallCents));
        WriteNullable(w, "medianShortfallUsd", RunReport.Usd(s.LosingShortfall.Quantile(0.5)));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    private static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
}
