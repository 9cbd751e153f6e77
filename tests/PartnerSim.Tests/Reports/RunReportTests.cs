using System.Globalization;
using System.Text.Json;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// The report a run writes: one HTML file holding every chart drawn into plots/, the full assumptions table, a
/// headline sentence made of the run's figures, and no reference to anything outside itself.
/// </summary>
public sealed class RunReportTests
{
    private static readonly string s_launch = ReportRuns.Of("cisco360-launch");

    private static JsonElement Summary(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;

    [Fact]
    public void ReportEmbedsEveryChartDrawnIntoPlots()
    {
        var document = ReportDocument.Parse(Path.Combine(s_launch, "report.html"));
        var pngs = Directory.GetFiles(Path.Combine(s_launch, "plots"), "*.png").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var svgs = Directory.GetFiles(Path.Combine(s_launch, "plots"), "*.svg").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var figures = document.QuerySelectorAll("figure").ToList();

        Assert.True(pngs.Count >= 10, $"{pngs.Count} charts");
        Assert.Equal(pngs, svgs);
        var ids = figures.Select(f => f.Id!["chart-".Length..]).Order().ToList();
        Assert.Equal(pngs, ids);
        Assert.Equal(pngs.Count, document.Images.Length);
        foreach (var figure in figures)
        {
            var img = figure.QuerySelector("img")!;
            var src = img.GetAttribute("src")!;
            Assert.StartsWith("data:image/png;base64,", src);
            // The embedded picture is the PNG in plots/, byte for byte, and it has a title to read by.
            var file = Path.Combine(s_launch, "plots", figure.Id!["chart-".Length..] + ".png");
            Assert.Equal(File.ReadAllBytes(file), Convert.FromBase64String(src["data:image/png;base64,".Length..]));
            Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
            Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector("figcaption")?.TextContent));
        }
        Assert.Contains("fat-middle-shortfall", pngs);
        Assert.Contains("rebates", pngs);
        Assert.False(File.Exists(Path.Combine(s_launch, "rebates.png")), "the old charts at the directory root are gone");
    }

    [Fact]
    public void AssumptionsTableHoldsEveryAssumptionOfTheSummary()
    {
        var document = ReportDocument.Parse(Path.Combine(s_launch, "report.html"));
        var table = document.GetElementById("assumptions-table")!;
        Assert.Equal(["name", "value", "tag", "description"], table.QuerySelectorAll("thead th").Select(h => h.TextContent));

        var expected = Summary(s_launch).GetProperty("assumptions").EnumerateArray()
            .Select(a => new[] { "name", "value", "tag", "description" }.Select(k => a.GetProperty(k).GetString()!).ToArray()).ToList();
        var rows = ReportDocument.Rows(table);
        Assert.True(expected.Count > 40, $"{expected.Count} assumptions");
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], rows[i]);
    }

    [Fact]
    public void ReportReferencesNothingOutsideItself()
    {
        var document = ReportDocument.Parse(Path.Combine(s_launch, "report.html"));

        Assert.Empty(ReportDocument.OutsideReferences(document));
        Assert.NotEmpty(document.QuerySelectorAll("a[href^='#']"));
    }

    [Fact]
    public void ReferenceCheckCatchesWhatWouldLeaveTheFile()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("""
            <html><head><link rel="stylesheet" href="x.css"><style>body { background: url(a.png) }</style></head>
            <body><img src="plots/a.png"><img src="data:image/png;base64,AA=="><a href="https://example.com">x</a>
            <a href="#missing">y</a><a href="#here" id="here">z</a><script src="file:///etc/x.js"></script></body></html>
            """);

        var outside = ReportDocument.OutsideReferences(document);

        Assert.Equal(8, outside.Count);
        Assert.Contains("<img src=\"plots/a.png\">", outside);
        Assert.Contains("<a href=\"https://example.com\">", outside);
        Assert.Contains("<a href=\"#missing\">", outside);
        Assert.Contains("<style> with url() or @import", outside);
    }

    [Fact]
    public void HeadlineSentenceIsMadeOfTheRunsFigures()
    {
        var summary = Summary(s_launch);
        var headline = summary.GetProperty("headline");
        long losing = headline.GetProperty("fatMiddleLosingAtLaunch").GetInt64();
        long partners = headline.GetProperty("fatMiddlePartnersAtLaunch").GetInt64();
        decimal median = headline.GetProperty("fatMiddleMedianShortfallAtLaunchUsd").GetDecimal();
        var closes = summary.GetProperty("analyses").GetProperty("fatMiddleShortfallCloses").GetProperty("closesIn");
        string launch = summary.GetProperty("launch").GetString()!;

        var sentence = ReportDocument.Parse(Path.Combine(s_launch, "report.html")).QuerySelector("p.headline")!.TextContent;

        Assert.StartsWith($"{losing.ToString("N0", CultureInfo.InvariantCulture)} of {partners.ToString("N0", CultureInfo.InvariantCulture)} " +
            $"fat-middle partners lose CPI eligibility at launch ({launch}); ", sentence);
        // The median loss is tens of thousands of dollars a quarter (the rule book's $50k–70k): shown in $k to one decimal.
        Assert.InRange(median, 10_000m, 99_949m);
        Assert.Contains($"median loss ${Math.Round(median / 1000, 1).ToString("0.0", CultureInfo.InvariantCulture)}k a quarter", sentence);
        Assert.Contains(closes.ValueKind == JsonValueKind.Null ? "the shortfall does not close by" : $"the shortfall closes in {closes.GetString()}", sentence);
        Assert.Contains($"{summary.GetProperty("headline").GetProperty("partnersLeft").GetInt64():N0} partners left", sentence);
    }

    [Fact]
    public void LegacyOnlyRunReportsThatNothingLaunches()
    {
        var dir = ReportRuns.Of("legacy-only");
        var document = ReportDocument.Parse(Path.Combine(dir, "report.html"));

        Assert.StartsWith("Cisco 360 does not launch in this run: the legacy tiers pay all 12 quarters.", document.QuerySelector("p.headline")!.TextContent);
        Assert.Equal(Directory.GetFiles(Path.Combine(dir, "plots"), "*.png").Length, document.Images.Length);
        Assert.Empty(ReportDocument.OutsideReferences(document));
    }
}
