using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartnerSim.Analytics.Statistics;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// Writes an experiment's <c>summary.json</c>: the setup (factors, design, replicates and their seeds, outputs), and
/// per output each design point's mean and interval, the factors' swings, the Sobol indices or Morris effects and the
/// replicate advice. No timing, so an interrupted and resumed experiment writes the same file as an uninterrupted one.
/// Undefined numbers (an index of an output that does not vary) are null.
/// </summary>
public static class ExperimentSummaryJson
{
    public static void Write(Stream stream, ExperimentResults results)
    {
        var setup = results.Setup;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("experiment", setup.Name);
        w.WriteString("description", setup.Description);
        w.WriteString("baseScenario", setup.BaseScenario);
        w.WriteNumber("partners", setup.Partners);
        w.WriteNumber("quarters", setup.Quarters);
        w.WriteStartObject("design");
        w.WriteString("method", setup.Design.Method);
        w.WriteNumber("samples", setup.Design.Samples);
        if (setup.Design.Morris is { } morris) w.WriteNumber("levels", morris.Levels);
        w.WriteNumber("points", setup.Points);
        w.WriteEndObject();
        w.WriteNumber("replicates", setup.Replicates);
        w.WriteNumber("masterSeed", setup.MasterSeed);
        w.WriteStartArray("replicateSeeds");
        foreach (var seed in setup.ReplicateSeeds) w.WriteNumberValue(seed);
        w.WriteEndArray();
        w.WriteNumber("runs", setup.Runs);
        w.WriteString("fingerprint", setup.Fingerprint);
        w.WriteStartArray("factors");
        foreach (var f in setup.Factors) WriteFactor(w, f);
        w.WriteEndArray();
        w.WriteStartArray("outputs");
        foreach (var o in results.Outputs) WriteOutput(w, results, o);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFactor(Utf8JsonWriter w, ExperimentFactor f)
    {
        w.WriteStartObject();
        w.WriteString("key", f.Key);
        var factor = f.Factor;
        if (f.LevelTexts is { } texts)
        {
            w.WriteString("kind", "levels");
            w.WriteStartArray("levels");
            foreach (var t in texts) w.WriteStringValue(t);
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("kind", factor.IsDiscrete ? "wholeNumbers" : "range");
            w.WriteNumber("low", factor.Low);
            w.WriteNumber("high", factor.High);
            if (!factor.IsDiscrete) w.WriteString("distribution", factor.Scale == FactorScale.LogUniform ? "logUniform" : "uniform");
        }
        w.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter w, ExperimentResults results, OutputResults o)
    {
        var setup = results.Setup;
        w.WriteStartObject();
        w.WriteString("name", o.Output.Name);
        w.WriteString("query", o.Output.Query);
        w.WriteString("unit", JsonNamingPolicy.CamelCase.ConvertName(o.Output.Unit.ToString()));
        w.WriteStartArray("points");
        foreach (var p in o.Points)
        {
            w.WriteStartObject();
            w.WriteNumber("point", p.Point);
            w.WriteStartObject("factors");
            for (int j = 0; j < setup.Factors.Count; j++) w.WriteString(setup.Factors[j].Key, setup.Factors[j].Text(setup.Design.Points[p.Point][j]));
            w.WriteEndObject();
            w.WriteNumber("replicates", p.Count);
            Number(w, "mean", p.Mean);
            Number(w, "lower", p.Interval?.Lower);
            Number(w, "upper", p.Interval?.Upper);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        ByFactor(w, "swings", setup, o.Swings, s => s.Factor,
            ("lowMean", s => s.LowMean), ("highMean", s => s.HighMean), ("swing", s => s.Swing));
        if (o.Sobol is { } sobol)
            ByFactor(w, "sobol", setup, sobol, s => s.Factor,
                ("first", s => s.First), ("firstLower", s => s.FirstInterval.Lower), ("firstUpper", s => s.FirstInterval.Upper),
                ("total", s => s.Total), ("totalLower", s => s.TotalInterval.Lower), ("totalUpper", s => s.TotalInterval.Upper));
        if (o.Morris is { } morris)
            ByFactor(w, "morris", setup, morris, e => e.Factor, ("mu", e => e.Mu), ("muStar", e => e.MuStar), ("sigma", e => e.Sigma));
        if (o.Advice is { } a)
        {
            w.WriteStartObject("replicateAdvice");
            w.WriteNumber("pilot", a.Pilot);
            w.WriteNumber("relativeHalfWidth", a.RelativeHalfWidth);
            if (a.Needed is { } n) w.WriteNumber("needed", n); else w.WriteNull("needed");
            if (a.HardestPoint is { } h) w.WriteNumber("hardestPoint", h); else w.WriteNull("hardestPoint");
            w.WriteNumber("pointsShort", a.PointsShort);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>An array of one object per factor: its key and the given numbers.</summary>
    private static void ByFactor<T>(Utf8JsonWriter w, string name, ExperimentSetup setup, IEnumerable<T> entries, Func<T, int> factorOf,
        params (string Name, Func<T, double> Value)[] numbers)
    {
        w.WriteStartArray(name);
        foreach (var entry in entries)
        {
            w.WriteStartObject();
            w.WriteString("factor", setup.Factors[factorOf(entry)].Key);
            foreach (var (field, value) in numbers) Number(w, field, value(entry));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A number rounded to 10 significant digits (the last bits of a mean are noise), or null when undefined.</summary>
    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, double.Parse(v.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        else w.WriteNull(name);
    }
}
