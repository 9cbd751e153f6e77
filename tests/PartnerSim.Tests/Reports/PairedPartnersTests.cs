using System.Text.Json;
using Parquet;
using Parquet.Schema;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Reports;

/// <summary>
/// The partner-by-partner part of a comparison, read from each run's partner-quarters.parquet: same seed, same partners,
/// so each partner is matched with itself. Here on detail files the test writes, in the layout the run writes (one row
/// group per quarter), with differences placed by hand; <see cref="CompareTests"/> compares the runs' own.
/// </summary>
[Collection("Console")]
public sealed class PairedPartnersTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private sealed record Row(long Id, string Tier, string Band, double CpiPaid);

    private static readonly string[] s_quarters = ["FY26Q1", "FY26Q2", "FY26Q3"];

    /// <summary>Five partners in three quarters; <paramref name="change"/> may alter a partner's row in a quarter.</summary>
    private static async Task WriteDetail(string path, Func<int, Row, Row>? change = null)
    {
        string[] tiers = ["Registered", "Select", "Select", "Premier", "Gold"];
        string[] bands = ["registered", "registered", "partner", "partner", "preferred"];
        var fields = new DataField[]
        {
            new DataField<long>("partner_id"), new DataField<string>("quarter"), new DataField<int>("quarter_index"),
            new DataField<string>("legacy_tier"), new DataField<bool>("fat_middle"), new DataField<string>("main_band"),
            new DataField<double>("main_pvi"), new DataField<double>("cpi_earned_usd"), new DataField<double>("cpi_paid_usd"),
            new DataField<bool>("losing"), new DataField<bool>("left"),
        };
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (int q = 0; q < s_quarters.Length; q++)
        {
            // Rows out of id order: the reader must not depend on the writer's order.
            var rows = Enumerable.Range(0, 5).Reverse().Select(i => new Row(100 + i, tiers[i], bands[i], q == 0 ? 0 : 1000.0 * (i + 1) * q))
                .Select(r => change?.Invoke(q, r) ?? r).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(fields[0], rows.Select(r => r.Id).ToArray());
            await group.WriteAsync(fields[1], rows.Select(_ => s_quarters[q]).ToArray());
            await group.WriteAsync<int>(fields[2], rows.Select(_ => q).ToArray());
            await group.WriteAsync(fields[3], rows.Select(r => r.Tier).ToArray());
            await group.WriteAsync<bool>(fields[4], rows.Select(r => r.Tier is "Select" or "Premier").ToArray());
            await group.WriteAsync(fields[5], rows.Select(r => r.Band).ToArray());
            await group.WriteAsync<double>(fields[6], rows.Select(r => 5.0).ToArray());
            await group.WriteAsync<double>(fields[7], rows.Select(r => r.CpiPaid).ToArray());
            await group.WriteAsync<double>(fields[8], rows.Select(r => r.CpiPaid).ToArray());
            await group.WriteAsync<bool>(fields[9], rows.Select(_ => false).ToArray());
            await group.WriteAsync<bool>(fields[10], rows.Select(_ => false).ToArray());
        }
    }

    private async Task<JsonElement> Compare(string a, string b) => (await ReportRuns.Compare(_tmp, a, b)).Json;

    [Fact]
    public async Task RunAgainstItselfHasNoPartnerDiffering()
    {
        var a = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("a"));
        await WriteDetail(Path.Combine(a, "partner-quarters.parquet"));

        var partners = (await Compare(a, a)).GetProperty("partners");

        var quarters = partners.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal(s_quarters, quarters.Select(q => q.GetProperty("quarter").GetString()));
        Assert.All(quarters, q =>
        {
            Assert.Equal(5, q.GetProperty("paired").GetInt32());
            Assert.Equal(0, q.GetProperty("mainBandDiffers").GetInt32());
            Assert.Equal(0, q.GetProperty("cpiPaidDiffers").GetInt32());
            Assert.Equal(0, q.GetProperty("onlyInA").GetInt32() + q.GetProperty("onlyInB").GetInt32());
        });
        Assert.Empty(partners.GetProperty("largest").EnumerateArray());
    }

    [Fact]
    public async Task PartnersWhoseBandOrPaymentDifferAreCountedAndListed()
    {
        var a = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("a"));
        var b = ReportRuns.Copy(ReportRuns.Of("cisco360-launch"), _tmp.File("b"));
        await WriteDetail(Path.Combine(a, "partner-quarters.parquet"));
        // In FY26Q2 partner 101 drops a band and partner 103 is paid $250 less; in FY26Q3 partner 102 drops a band and
        // loses its whole payment (3 × $1,000 × 2 = $6,000).
        await WriteDetail(Path.Combine(b, "partner-quarters.parquet"), (q, r) => (q, r.Id) switch
        {
            (1, 101) => r with { Band = "none" },
            (1, 103) => r with { CpiPaid = r.CpiPaid - 250 },
            (2, 102) => r with { Band = "registered", CpiPaid = 0 },
            _ => r,
        });

        var partners = (await Compare(a, b)).GetProperty("partners");

        var quarters = partners.GetProperty("quarters").EnumerateArray().ToList();
        Assert.Equal([(0, 0, 0.0), (1, 1, -250.0), (1, 1, -6000.0)], quarters.Select(q =>
            (q.GetProperty("mainBandDiffers").GetInt32(), q.GetProperty("cpiPaidDiffers").GetInt32(), q.GetProperty("cpiPaidDeltaUsd").GetDouble())));
        Assert.All(quarters, q => Assert.Equal(0, q.GetProperty("mainBandHigherInB").GetInt32()));
        var largest = partners.GetProperty("largest").EnumerateArray().ToList();
        Assert.Equal([(102L, "FY26Q3", "partner", "registered", -6000.0), (103L, "FY26Q2", "partner", "partner", -250.0)],
            largest.Select(d => (d.GetProperty("partnerId").GetInt64(), d.GetProperty("quarter").GetString(), d.GetProperty("mainBandA").GetString(),
                d.GetProperty("mainBandB").GetString(), d.GetProperty("delta").GetDouble())));
    }

    [Fact]
    public async Task WithoutDetailOnOneSideThePartnerSectionSaysSo()
    {
        var a = ReportRuns.Of("cisco360-launch");
        var b = ReportRuns.Copy(ReportRuns.Of("no-grace"), _tmp.File("b"));
        File.Delete(Path.Combine(b, "partner-quarters.parquet"));

        var json = await Compare(a, b);

        Assert.Equal(JsonValueKind.Null, json.GetProperty("partners").ValueKind);
        Assert.Contains(b, json.GetProperty("partnersNote").GetString());
        Assert.DoesNotContain(a, json.GetProperty("partnersNote").GetString());
    }
}
