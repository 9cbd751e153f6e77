using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// The report an experiment writes: one HTML file holding every chart of charts/, nothing outside itself, a headline
/// naming the factor that matters most by the design's own measure (checked against sobol.csv, morris.csv and
/// swings.csv, read here on their own), the factors ranked in that order, and plain words where replicates are too
/// few for intervals.
/// </summary>
public sealed class ExperimentReportTests
{
    /// <summary>A grid of 31 thresholds with one replicate: too few replicates for intervals, and a design table long enough to trim.</summary>
    internal const string ThresholdGrid = """
        name: threshold-grid
        description: 31 partner thresholds, one replicate each
        base: ../cisco360-launch.yaml
        seed: 20260125
        replicates: 1
        design: { method: grid, samples: 31 }
        factors:
          rules.partnerThreshold: { low: 4, high: 6 }
        outputs:
          fatMiddleShortfallAtLaunchUsd: fatMiddle.shortfallUsd@launch
          partnerPlusAtLaunch: partnerPlus@launch
        """;

    internal static string Dir(string design) => design switch
    {
        "sobol" => ReportRuns.OfExperiment("rule-sensitivity-sobol.yaml", sampleSize: 3),
        "morris" => ReportRuns.OfExperiment("rule-screening-morris.yaml", sampleSize: 2),
        "lhs" => ReportRuns.OfExperiment("rebate-rates-lhs.yaml", sampleSize: 5),
        "grid" => ReportRuns.OfExperimentText("threshold-grid", ThresholdGrid),
        "pilot" => ReportRuns.OfExperiment("replicate-count.yaml"),
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    private static IDocument Report(string dir) => ReportDocument.Parse(Path.Combine(dir, "report.html"));

    private static string Headline(string dir) => Report(dir).QuerySelector("p.headline")!.TextContent;

    /// <summary>The rows of a CSV the experiment wrote, by column name (no field of these files holds a comma).</summary>
    private static List<Dictionary<string, string>> Csv(string dir, string name)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, name));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A figure as the report shows it ("−$4.59M", "+0.3072", "61%") back as a number.</summary>
    private static double Shown(string text)
    {
        var t = text.Replace("−", "-").Replace("+", "").Replace("$", "").Replace(",", "");
        double scale = t[^1] switch { 'k' => 1e3, 'M' => 1e6, 'B' => 1e9, '%' => 0.01, _ => 1 };
        return double.Parse(scale == 1 ? t : t[..^1], CultureInfo.InvariantCulture) * scale;
    }

    [Theory]
    [InlineData("sobol"), InlineData("morris"), InlineData("lhs"), InlineData("grid"), InlineData("pilot")]
    public void ReportEmbedsEveryChartOfChartsAndNothingOutsideItself(string design)
    {
        var dir = Dir(design);
        var document = Report(dir);
        var chartsDir = Path.Combine(dir, "charts");
        var pngs = Directory.Exists(chartsDir) ? Directory.GetFiles(chartsDir, "*.png").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList() : [];
        var svgs = Directory.Exists(chartsDir) ? Directory.GetFiles(chartsDir, "*.svg").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList() : [];
        var figures = document.QuerySelectorAll("figure").ToList();

        Assert.Equal(pngs, svgs);
        Assert.Equal(pngs, figures.Select(f => f.Id!["chart-".Length..]).Order());
        Assert.Equal(pngs.Count, document.Images.Length);
        foreach (var figure in figures)
        {
            var img = figure.QuerySelector("img")!;
            var src = img.GetAttribute("src")!;
            Assert.StartsWith("data:image/png;base64,", src);
            var png = File.ReadAllBytes(Path.Combine(chartsDir, figure.Id!["chart-".Length..] + ".png"));
            Assert.Equal(png, Convert.FromBase64String(src["data:image/png;base64,".Length..]));
            // Sized as drawn: the PNG header's width and height (big-endian at bytes 16 and 20).
            Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).ToString(CultureInfo.InvariantCulture), img.GetAttribute("width"));
            Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).ToString(CultureInfo.InvariantCulture), img.GetAttribute("height"));
            Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
            Assert.Contains($"(charts/{figure.Id!["chart-".Length..]}.png, .svg)", figure.QuerySelector("figcaption")!.TextContent);
        }
        Assert.Empty(ReportDocument.OutsideReferences(document));
        Assert.NotEmpty(document.QuerySelectorAll("a[href^='#']"));
    }

    [Fact]
    public void Sobol_HeadlineNamesTheFactorWithTheLargestTotalIndexOfTheFirstOutput()
    {
        var dir = Dir("sobol");
        var sobol = Csv(dir, "sobol.csv");
        string output = sobol[0]["output"];
        var top = sobol.Where(r => r["output"] == output).MaxBy(r => Number(r["total"]))!;

        var headline = Headline(dir);

        Assert.Equal("fatMiddleShortfallAtLaunchUsd", output); // the experiment file's first output
        Assert.StartsWith($"{top["factor"]} accounts for the largest share of the variance of {output}: ", headline);
        var m = Regex.Match(headline, @": (−?\d+%) alone or through its interactions \(total Sobol index, 95% CI (−?\d+%?)(?:–| to )(−?\d+%)\)");
        Assert.True(m.Success, headline);
        Assert.Equal(Number(top["total"]), Shown(m.Groups[1].Value), 0.005);
        Assert.Equal(Number(top["total_lower"]), Shown(m.Groups[2].Value.TrimEnd('%') + "%"), 0.005);
        Assert.Equal(Number(top["total_upper"]), Shown(m.Groups[3].Value), 0.005);
        // A first-order estimate outside 0–100% (few base rows) is called that, not read as a share.
        double first = Number(top["first"]);
        if (first is >= 0 and <= 1) Assert.Contains("alone (first-order index, 95% CI", headline);
        else Assert.Contains("first-order estimate", headline);
    }

    [Fact]
    public void Sobol_FactorsAreRankedByTotalIndex()
    {
        var dir = Dir("sobol");
        var sobol = Csv(dir, "sobol.csv");
        var document = Report(dir);
        foreach (var output in sobol.Select(r => r["output"]).Distinct())
        {
            var expected = sobol.Where(r => r["output"] == output).OrderByDescending(r => r["total"].Length == 0 ? double.NegativeInfinity : Number(r["total"]))
                .Select(r => r["factor"]).ToList();
            var rows = ReportDocument.Rows(document.GetElementById($"ranking-{output}")!);
            Assert.Equal(expected, rows.Select(r => r[1]));
            Assert.Equal(Enumerable.Range(1, expected.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
            // The total index to one decimal of a percent.
            Assert.All(rows, r => Assert.Equal(Number(sobol.Single(s => s["output"] == output && s["factor"] == r[1])["total"]), Shown(r[2]), 0.0005));
        }
    }

    [Fact]
    public void Morris_HeadlineNamesTheFactorWithTheLargestMuStar()
    {
        var dir = Dir("morris");
        var morris = Csv(dir, "morris.csv");
        string output = morris[0]["output"];
        var top = morris.Where(r => r["output"] == output).MaxBy(r => Number(r["mu_star"]))!;
        double muStar = Number(top["mu_star"]), mu = Number(top["mu"]);

        var headline = Headline(dir);

        Assert.StartsWith($"{top["factor"]} has the largest effect on {output} of the 7 factors screened: Morris μ* ", headline);
        var m = Regex.Match(headline, @"Morris μ\* (\S+) over the factor's whole range \(μ (\S+): ");
        Assert.True(m.Success, headline);
        Assert.Equal(1, Shown(m.Groups[1].Value) / muStar, 0.005); // money to three significant figures
        Assert.Equal(1, Shown(m.Groups[2].Value) / mu, 0.005);
        // |μ| = μ* exactly when every elementary effect has μ's sign.
        Assert.Contains(Math.Abs(Math.Abs(mu) - muStar) <= 1e-9 * muStar
            ? mu > 0 ? "every elementary effect is positive" : "every elementary effect is negative"
            : "its elementary effects take both signs", headline);
    }

    [Fact]
    public void Lhs_HeadlineNamesTheLargestSwing_AndTheReportShowsTheScatterMatrix()
    {
        var dir = Dir("lhs");
        var swings = Csv(dir, "swings.csv");
        string output = swings[0]["output"];
        var top = swings.Where(r => r["output"] == output).MaxBy(r => Math.Abs(Number(r["swing"])))!;

        var headline = Headline(dir);

        Assert.StartsWith($"{top["factor"]} moves {output} the most of the 4 factors, by ", headline);
        var m = Regex.Match(headline, @" the most of the 4 factors, by (\S+): from a mean of (\S+) where the factor is in the bottom quarter of its range \(2 to 2\.63215\) to (\S+) where it is in the top quarter \(4\.55901 to 6\)\.");
        Assert.True(m.Success, headline); // log-uniform on [2, 6]: its quarters end at 2·3^¼ and 2·3^¾
        Assert.Equal(Number(top["swing"]), Shown(m.Groups[1].Value), 0.00005); // a ratio, to four decimals
        Assert.Equal(Number(top["low_mean"]), Shown(m.Groups[2].Value), 0.00005);
        Assert.Equal(Number(top["high_mean"]), Shown(m.Groups[3].Value), 0.00005);
        Assert.NotNull(Report(dir).GetElementById("chart-scatter-matrix"));
    }

    [Fact]
    public void OneReplicate_SaysThereAreNoIntervals_AndTrimsALongDesignTableToItsExtremes()
    {
        var dir = Dir("grid");
        var points = Csv(dir, "points.csv");
        var document = Report(dir);
        const string output = "fatMiddleShortfallAtLaunchUsd";
        var byMean = points.OrderByDescending(p => Number(p[$"{output}_mean"])).ThenBy(p => int.Parse(p["point"], CultureInfo.InvariantCulture))
            .Select(p => p["point"]).ToList();

        var table = document.GetElementById($"points-{output}")!;
        var rows = ReportDocument.Rows(table);

        Assert.Equal(31, points.Count);
        Assert.Equal([.. byMean.Take(10), .. byMean.TakeLast(10)], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("–", r[^1]));
        var notes = document.QuerySelectorAll("p.note").Select(n => n.TextContent).ToList();
        Assert.Contains(notes, n => n.StartsWith("20 of 31 design points: the 10 with the highest mean and the 10 with the lowest", StringComparison.Ordinal)
            && n.Contains("One replicate per design point: no confidence intervals", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("p").Select(p => p.TextContent),
            p => p.StartsWith("One replicate per design point: no confidence intervals, and no pilot", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(dir, "replicates.csv")));
    }

    [Fact]
    public void Pilot_HeadlineGivesTheMeanItsIntervalAndTheReplicatesAdvised()
    {
        var dir = Dir("pilot");
        var point = Csv(dir, "points.csv").Single();
        var advice = Csv(dir, "replicates.csv").First();
        const string output = "fatMiddleShortfallAtLaunchUsd";

        var headline = Headline(dir);

        var m = Regex.Match(headline, $@"^Over 20 replicates of cisco360-launch\.yaml, {output} averages (\S+) \(95% CI (\S+) to (\S+)\); (\S+) replicates would bring the interval within 5% of the mean\.$");
        Assert.True(m.Success, headline);
        Assert.Equal(1, Shown(m.Groups[1].Value) / Number(point[$"{output}_mean"]), 0.005);
        Assert.Equal(1, Shown(m.Groups[2].Value) / Number(point[$"{output}_lower"]), 0.005);
        Assert.Equal(1, Shown(m.Groups[3].Value) / Number(point[$"{output}_upper"]), 0.005);
        Assert.Equal(output, advice["output"]);
        Assert.Equal(Number(advice["replicates_needed"]), Shown(m.Groups[4].Value));
    }
}
