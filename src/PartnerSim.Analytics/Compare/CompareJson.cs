using System.Text.Encodings.Web;
using System.Text.Json;

namespace PartnerSim.Analytics.Compare;

/// <summary>
/// compare.json: the two sides, whether they are paired, the parameters that differ, the headline and every quarter
/// figure with A, B and B − A (and the 95% interval with replicates), how many segment figures differ (the values are
/// in segment-deltas.csv), and the paired partner comparison or why there is none.
/// </summary>
public static class CompareJson
{
    public const string FileName = "compare.json";

    public static void Write(Stream stream, RunComparison c)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        Side(w, "a", c.A);
        Side(w, "b", c.B);
        w.WriteBoolean("paired", c.Paired);
        if (c.HasIntervals) w.WriteNumber("confidence", DeltaInterval.Confidence); else w.WriteNull("confidence");
        w.WriteStartArray("parameters");
        foreach (var p in c.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("a", p.A);
            w.WriteString("b", p.B);
            w.WriteString("tag", p.Tag);
            w.WriteString("description", p.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("headline");
        foreach (var f in c.Headline) Delta(w, f);
        w.WriteEndArray();
        w.WriteNumber("quarterFigures", c.QuarterFigures);
        w.WriteNumber("quarterFiguresDiffering", c.QuarterFiguresDiffering);
        w.WriteStartArray("perQuarter");
        foreach (var q in c.Quarters)
        {
            w.WriteStartObject();
            w.WriteString("quarter", q.Quarter);
            w.WriteStartArray("figures");
            foreach (var f in q.Figures) Delta(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("segments");
        w.WriteNumber("rows", c.Segments.Keys.Count);
        w.WriteNumber("figures", c.Segments.Count);
        w.WriteNumber("differing", c.Segments.Differing);
        w.WriteString("file", CompareTables.SegmentFile);
        w.WriteEndObject();
        Partners(w, c);
        w.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter w, string name, RunSide side)
    {
        w.WriteStartObject(name);
        w.WriteString("directory", side.Directory);
        w.WriteString("label", side.Label);
        w.WriteNumber("runs", side.Runs.Count);
        w.WriteStartArray("scenarios");
        foreach (var s in side.Runs.Select(r => r.Summary.Scenario).Distinct()) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteStartArray("seeds");
        foreach (var s in side.Seeds) w.WriteNumberValue(s);
        w.WriteEndArray();
        w.WriteStartArray("digests");
        foreach (var r in side.Runs) w.WriteStringValue(r.Summary.Digest);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Delta(Utf8JsonWriter w, FigureDelta f)
    {
        w.WriteStartObject();
        w.WriteString("name", f.Name);
        Number(w, "a", f.A);
        Number(w, "b", f.B);
        Number(w, "delta", f.Delta);
        if (f.Low is not null || f.High is not null)
        {
            Number(w, "low", f.Low);
            Number(w, "high", f.High);
        }
        w.WriteEndObject();
    }

    private static void Partners(Utf8JsonWriter w, RunComparison c)
    {
        if (c.Partners is not { } p)
        {
            w.WriteNull("partners");
            w.WriteString("partnersNote", c.PartnersNote);
            return;
        }
        w.WriteStartObject("partners");
        w.WriteStartArray("quarters");
        foreach (var q in p.Quarters)
        {
            w.WriteStartObject();
            w.WriteString("quarter", q.Quarter);
            w.WriteNumber("paired", q.Paired);
            w.WriteNumber("onlyInA", q.OnlyInA);
            w.WriteNumber("onlyInB", q.OnlyInB);
            w.WriteNumber("mainBandDiffers", q.BandDiffers);
            w.WriteNumber("mainBandHigherInB", q.BandHigherInB);
            w.WriteNumber("cpiPaidDiffers", q.CpiPaidDiffers);
            Number(w, "cpiPaidDeltaUsd", q.CpiPaidDeltaUsd);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("largest");
        foreach (var d in p.Largest)
        {
            w.WriteStartObject();
            w.WriteNumber("partnerId", d.PartnerId);
            w.WriteString("quarter", d.Quarter);
            w.WriteString("legacyTier", d.LegacyTier);
            w.WriteString("mainBandA", d.BandA);
            w.WriteString("mainBandB", d.BandB);
            Number(w, "cpiPaidA", d.CpiPaidA);
            Number(w, "cpiPaidB", d.CpiPaidB);
            Number(w, "delta", d.Delta);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (CompareTables.Exact(value) is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
