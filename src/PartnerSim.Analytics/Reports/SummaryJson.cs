using System.Text.Encodings.Web;
using System.Text.Json;
using PartnerSim.Analytics.Figures;
using PartnerSim.Model.Figures;
using PartnerSim.Model.Options;

namespace PartnerSim.Analytics.Reports;

/// <summary>
/// Writes <c>summary.json</c>: the run's identity, its digest, the headline, calibration, every seed/assumption value
/// it used, the definition of every figure, and one entry per quarter, all generated from the figure declarations.
/// Field order is fixed and money is written in exact decimal dollars, so two runs of the same scenario and seed
/// differ only in their timing fields.
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
        if (report.Detail is { } detail)
        {
            w.WriteStartObject("detail");
            w.WriteString("selection", detail.Selection.ToString());
            w.WriteBoolean("byDefault", detail.ByDefault);
            w.WriteNumber("partners", detail.Partners);
            w.WriteNumber("rows", detail.Rows);
            w.WriteString("file", detail.File);
            w.WriteEndObject();
        }
        if (report.Faults is { } faults) WriteFaults(w, report, faults);
        w.WriteStartObject("headline");
        foreach (var h in report.Headline) WriteValue(w, h.Figure.Name, h.Value);
        w.WriteEndObject();
        WriteCalibration(w, report.Calibration);
        WriteAnalyses(w, report);
        WriteAssumptions(w, o);
        WriteThresholds(w, o);
        WriteDefinitions(w, report);
        w.WriteStartArray("perQuarter");
        foreach (var q in report.Quarters) WriteQuarter(w, report, q);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFaults(Utf8JsonWriter w, RunReport report, RunFaults faults)
    {
        string Stage(int q) => q < 0 ? "creation" : q >= report.Rules.Quarters ? "digest" : report.QuarterLabel(q);
        w.WriteStartObject("faults");
        w.WriteString("runId", faults.RunId);
        w.WriteString("resumedAt", faults.ResumedAtQuarter is { } resumed ? Stage(resumed) : null);
        w.WriteNumber("retries", faults.Retries);
        w.WriteNumber("recoverySeconds", Math.Round(faults.RecoverySeconds, 3));
        w.WriteNumber("lostSeconds", Math.Round(faults.LostSeconds, 3));
        w.WriteStartArray("stages");
        foreach (var stage in faults.Stages)
        {
            w.WriteStartObject();
            w.WriteString("stage", Stage(stage.Quarter));
            w.WriteNumber("retries", stage.Retries);
            w.WriteNumber("seconds", Math.Round(stage.Seconds, 3));
            w.WriteNumber("recoverySeconds", Math.Round(stage.RecoverySeconds, 3));
            if (stage.LostSeconds is { } lost) w.WriteNumber("lostSeconds", Math.Round(lost, 3));
            else w.WriteNull("lostSeconds");
            w.WriteStartArray("errors");
            foreach (var error in stage.Errors) w.WriteStringValue(error);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
        WriteValue(w, "value", c.LaunchMedianShortfallUsd);
        w.WriteString("target", $"{Calibration.MedianLowUsd:N0}–{Calibration.MedianHighUsd:N0} USD per quarter (\"50k, 60k, 70k\")");
        WriteFlag(w, "met", c.LaunchMedianMet);
        w.WriteEndObject();
        w.WriteStartObject("cpiToLegacyPot");
        w.WriteString("quarter", c.MatchQuarter);
        WriteValue(w, "value", c.CpiToLegacyRatio);
        w.WriteString("target", $">= 1 in the {Calibration.MatchQuartersAfterLaunch}th quarter after launch (\"will at least match\")");
        WriteFlag(w, "met", c.PotMatchMet);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAnalyses(Utf8JsonWriter w, RunReport r)
    {
        w.WriteStartObject("analyses");
        foreach (var segment in new[] { "fatMiddle", "unmanagedFatMiddle" })
        {
            var closing = ShortfallClosing.Of(r, segment);
            w.WriteStartObject(segment + "ShortfallCloses");
            w.WriteString("closesIn", closing.ClosesIn);
            w.WriteString("reopensIn", closing.ReopensIn);
            w.WriteString("definition", ShortfallClosing.Definition);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteInequality(Utf8JsonWriter w, QuarterStats q)
    {
        w.WriteStartObject("inequality");
        foreach (var measure in Inequality.Measured)
        {
            w.WriteStartObject(measure.Name);
            var curve = measure.Curve(q);
            WriteValue(w, "gini", curve is null ? null : FigureUnit.Ratio.Written(curve.Gini));
            w.WriteStartArray("lorenz");
            if (curve is not null)
                foreach (var p in Inequality.Resampled(curve))
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(Math.Round(p.PopulationShare, 4));
                    w.WriteNumberValue(Math.Round(p.ValueShare, 6));
                    w.WriteEndArray();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteAssumptions(Utf8JsonWriter w, ScenarioOptions o)
    {
        w.WriteStartArray("assumptions");
        foreach (var a in AssumptionList.Of(o))
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("value", a.Value);
            w.WriteString("tag", a.Tag);
            w.WriteString("description", a.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The PVI at which each band starts (published values, so not among the assumptions), for charts.</summary>
    private static void WriteThresholds(Utf8JsonWriter w, ScenarioOptions o)
    {
        w.WriteStartObject("thresholds");
        w.WriteNumber("registered", o.Rules.RegisteredThreshold);
        w.WriteNumber("partner", o.Rules.PartnerThreshold);
        w.WriteNumber("preferred", o.Rules.PreferredThreshold);
        w.WriteString("comparator", AssumptionList.Render(o.Rules.ThresholdComparator));
        w.WriteEndObject();
    }

    /// <summary>What each figure means: the run's data dictionary.</summary>
    private static void WriteDefinitions(Utf8JsonWriter w, RunReport r)
    {
        w.WriteStartObject("definitions");
        w.WriteStartArray("quarter");
        foreach (var f in QuarterFigures.Set.Population)
            WriteDefinition(w, f.Name, f.Unit, f.Description, f.Keys.Count == 0 ? null : f.Reduction.ToString().ToLowerInvariant());
        w.WriteEndArray();
        w.WriteStartArray("segment");
        foreach (var c in FigureColumns.Segment(QuarterFigures.Set)) WriteDefinition(w, c.Name, c.Unit, c.Description, null);
        w.WriteEndArray();
        w.WriteStartArray("segments");
        foreach (var v in r.Table.Views) WriteDefinition(w, v.Name, null, v.Description, null);
        w.WriteEndArray();
        w.WriteStartArray("headline");
        foreach (var f in RunFigures.Headline)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("query", f.Query);
            w.WriteString("description", f.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDefinition(Utf8JsonWriter w, string name, FigureUnit? unit, string description, string? keyed)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        if (unit is { } u) w.WriteString("unit", Names.Camel(u.ToString()));
        if (keyed is not null) w.WriteString("by", keyed);
        w.WriteString("description", description);
        w.WriteEndObject();
    }

    private static void WriteQuarter(Utf8JsonWriter w, RunReport r, QuarterStats q)
    {
        w.WriteStartObject();
        w.WriteString("quarter", r.QuarterLabel(q.Quarter));
        w.WriteString("regime", r.Regime(q.Quarter));
        w.WriteBoolean("grace", r.Rules.InGrace(q.Quarter));
        foreach (var f in q.Set.Population) WritePopulation(w, f, q);
        WriteInequality(w, q);
        var segment = FigureColumns.Segment(q.Set);
        string? group = null;
        foreach (var view in r.Table.Views)
        {
            var (parent, name) = view.Name.LastIndexOf('.') is var dot and > 0 ? (view.Name[..dot], view.Name[(dot + 1)..]) : (null, view.Name);
            if (parent != group)
            {
                if (group is not null) w.WriteEndObject();
                if (parent is not null) w.WriteStartObject(parent);
                group = parent;
            }
            var totals = q.View(view);
            w.WriteStartObject(name);
            foreach (var c in segment) WriteValue(w, c.Name, c.Read(totals));
            w.WriteEndObject();
        }
        if (group is not null) w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePopulation(Utf8JsonWriter w, PopulationFigure f, QuarterStats q)
    {
        if (f.Keys.Count == 0) { w.WriteNumber(f.Name, f.Unit.Written(q.Total(f))); return; }
        var values = q.Keyed(f);
        if (f.Rows.Count == 0) { WriteKeyed(w, f.Name, f, values); return; }
        w.WriteStartObject(f.Name);
        for (int row = 0; row < f.Rows.Count; row++) WriteKeyed(w, f.Rows[row], f, values.Slice(row * f.Keys.Count, f.Keys.Count));
        w.WriteEndObject();
    }

    private static void WriteKeyed(Utf8JsonWriter w, string name, PopulationFigure f, ReadOnlySpan<long> values)
    {
        if (f.IsHistogram)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteNumberValue(f.Unit.Written(v));
            w.WriteEndArray();
            return;
        }
        w.WriteStartObject(name);
        for (int k = 0; k < f.Keys.Count; k++) w.WriteNumber(f.Keys[k], f.Unit.Written(values[k]));
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    private static void WriteFlag(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteBoolean(name, value.Value);
    }
}
