using System.Text.Json;
using PartnerSim.Model.Population;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Model.Scoring;

namespace PartnerSim.Tests.Integration;

/// <summary>The <c>partnersim</c> commands end to end: outputs, exit codes and error messages.</summary>
[Collection("Console")]
public sealed class CliTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static void AssertOk(CliRunner.Result r) => Assert.True(r.Code == 0, $"exit {r.Code}; stderr: {r.Err}");

    // ---------------------------------------------------------------- run

    private async Task<JsonDocument> RunLaunch(string engine, string outName)
    {
        var outDir = _tmp.File(outName);
        var r = await CliRunner.Run("run", RepoPaths.Scenario("cisco360-launch.yaml"),
            "--partners", "1500", "--quarters", "4", "--engine", engine, "--quiet", "--out", outDir);
        AssertOk(r);
        Assert.True(File.Exists(Path.Combine(outDir, "quarters.csv")));
        var summary = Path.Combine(outDir, "summary.json");
        Assert.True(File.Exists(summary), "summary.json written");
        return JsonDocument.Parse(File.ReadAllText(summary));
    }

    [Fact]
    public async Task Run_InProc_WritesSummary_And_Grains_GiveSameDigest()
    {
        using var inproc = await RunLaunch("inproc", "launch-inproc");
        var root = inproc.RootElement;
        Assert.Equal("cisco360-launch", root.GetProperty("scenario").GetString());
        Assert.Equal(20260125UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(1500, root.GetProperty("partners").GetInt32());
        Assert.Equal(4, root.GetProperty("quarters").GetInt32());
        Assert.Equal(6000, root.GetProperty("partnerQuarters").GetInt64());
        Assert.Equal("inproc", root.GetProperty("engine").GetString());
        var digest = root.GetProperty("digest").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", digest);

        var assumptions = root.GetProperty("assumptions").EnumerateArray().ToList();
        Assert.NotEmpty(assumptions);
        foreach (var a in assumptions)
        {
            Assert.False(string.IsNullOrEmpty(a.GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.String, a.GetProperty("value").ValueKind);
            Assert.Contains(a.GetProperty("tag").GetString(), new[] { "seed", "asm", "seed+asm" });
        }
        Assert.Contains(assumptions, a => a.GetProperty("name").GetString() == "run.seed"
                                          && a.GetProperty("value").GetString() == "20260125");

        var quarters = root.GetProperty("perQuarter").EnumerateArray().ToList();
        Assert.Equal(["FY26Q1", "FY26Q2", "FY26Q3", "FY26Q4"], quarters.Select(q => q.GetProperty("quarter").GetString()));
        long scored = 1500; // partners scored in a quarter = active at the end of the one before
        foreach (var q in quarters)
        {
            var bands = q.GetProperty("bands");
            long sum = new[] { "none", "registered", "partner", "preferred" }.Sum(b => bands.GetProperty(b).GetInt64());
            Assert.Equal(scored, sum);
            var fm = q.GetProperty("fatMiddle");
            Assert.True(fm.GetProperty("partners").GetInt64() > 0);
            Assert.True(fm.GetProperty("losing").GetInt64() >= 0);
            Assert.True(fm.TryGetProperty("shortfallUsd", out _));
            Assert.True(fm.TryGetProperty("medianShortfallUsd", out _));
            scored = q.GetProperty("active").GetInt64();
        }
        Assert.Equal("cisco360", quarters[2].GetProperty("regime").GetString());
        Assert.True(quarters[2].GetProperty("fatMiddle").GetProperty("losing").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Number, quarters[2].GetProperty("fatMiddle").GetProperty("medianShortfallUsd").ValueKind);

        using var grains = await RunLaunch("grains", "launch-grains");
        Assert.Equal("grains", grains.RootElement.GetProperty("engine").GetString());
        Assert.Equal(digest, grains.RootElement.GetProperty("digest").GetString());
    }

    // ---------------------------------------------------------------- bad input

    /// <summary>Runs a bad input: exit code 2, an error line containing every fragment, no output directory.</summary>
    private async Task<string> BadRun(string[] args, params string[] expected)
    {
        var outDir = _tmp.File("out-never");
        var r = await CliRunner.Run([.. args, "--quiet", "--out", outDir]);
        Assert.True(r.Code == 2, $"exit {r.Code}; stderr: {r.Err}");
        var line = r.Err.Split('\n').FirstOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no error line in: {r.Err}");
        foreach (var fragment in expected) Assert.Contains(fragment, line);
        Assert.False(Directory.Exists(outDir), "bad input must not create the output directory");
        return line;
    }

    [Fact]
    public async Task Bad_UnknownKey()
    {
        var path = _tmp.Write("unknown-key.yaml", "name: unknown-key\nrun:\n  quarterz: 4\n");
        await BadRun(["run", path], "unknown-key.yaml:3:", "quarterz");
    }

    [Fact]
    public async Task Bad_MalformedYaml()
    {
        var path = _tmp.Write("malformed.yaml", "name: malformed\nrun:\n  seed: 7\n quarters: 4\n");
        await BadRun(["run", path], "malformed.yaml:4:", "malformed YAML");
    }

    [Fact]
    public async Task Bad_ProbabilityOutOfRange()
    {
        var path = _tmp.Write("bad-probability.yaml", "name: bad-probability\nbehaviour:\n  pAware: 1.5\n");
        await BadRun(["run", path], "bad-probability.yaml:3:", "behaviour.pAware", "probability");
    }

    [Fact]
    public async Task Bad_RosterRow_NonNumericBookings()
    {
        var header = string.Join(',', RosterColumns.Required);
        const string good = "1,5000000,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2";
        const string bad = "2,lots,10,Select,None,Traditionalist,None,25,None,None,0,1,2,20,5,2";
        _tmp.Write("bad-roster.csv", $"{header}\n{good}\n{bad}\n");
        var path = _tmp.Write("bad-roster.yaml", "name: bad-roster\nrun:\n  quarters: 2\npopulation:\n  roster: bad-roster.csv\n");
        await BadRun(["run", path, "--engine", "inproc"], "bad-roster.csv:3:", "annual_bookings_usd", "lots");
    }

    [Fact]
    public async Task Bad_ZeroPartners()
    {
        await BadRun(["run", RepoPaths.Scenario("cisco360-launch.yaml"), "--partners", "0"], "--partners");
    }

    [Fact]
    public async Task Bad_MissingScenarioFile()
    {
        var path = _tmp.File("no-such-scenario.yaml");
        await BadRun(["run", path], "no-such-scenario.yaml", "not found");
    }

    // ---------------------------------------------------------------- evaluate

    private static readonly string EvalHeader = string.Join(',', EvaluationRoster.Required);

    private static readonly string[] ScoreColumns =
    [
        "partner_id", "portfolio", "pvi", "band", "idx_cspm", "idx_mspm", "idx_black_belt", "idx_career",
        "idx_powered_services", "idx_acv", "idx_tcv", "idx_buying_program", "idx_ai_bookings",
        "idx_premium_services", "idx_onboard", "idx_adopt", "idx_otrr",
    ];

    private static List<Dictionary<string, string>> ReadScores(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(string.Join(',', ScoreColumns), lines[0]);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>
    /// Three rows scored by hand from rule book §3 (coefficient = category % × metric %).
    ///
    /// 1 Networking, M: CSPM Intermediate 7, MSPM Basic 5, Black Belt 5 points / target 10 → 5, career 3 / 5 → 6,
    ///   ACV 8% → 4, TCV 12% → 6, buying program 33% → 7, onboard 28% → 6, adopt 10% → 8.
    ///   7×1250 + 5×1250 + 5×1800 + 6×2700 + 4×500 + 6×500 + 7×1000 + 6×500 + 8×500
    ///   = 8750 + 6250 + 9000 + 16200 + 2000 + 3000 + 7000 + 3000 + 4000 = 59200 → 5.92 → partner.
    /// 2 Services, S: CSPM Basic 4, MSPM None 0, Black Belt 1.5 points + 1 Meraki cert (+0.5) = 2 / target 4 → 5,
    ///   ACV 21% → 10, premium services 12% → 3, on-time renewal 72% → 5 (career: 0 + 1 Meraki = 1 / 2 → 5, weight 0).
    ///   Services coefficients: CSPM/MSPM 25×50 = 1250, Black Belt 20×100 = 2000, ACV/premium 25×50 = 1250,
    ///   renewal 30×100 = 3000: 4×1250 + 5×2000 + 10×1250 + 3×1250 + 5×3000 = 5000 + 10000 + 12500 + 3750 + 15000
    ///   = 46250 → 4.625 → 4.63 (half away from zero) → registered.
    /// 3 Networking, L, in grace with no maturity: CSPM 5, MSPM 5, Black Belt 10 / 25 → 4, career 6 / 12 → 5,
    ///   ACV 0% → 0, TCV −3% → 0, buying program 45% → 9 (edge: lower band), onboard 10% → 2, adopt 3% → 5.
    ///   5×1250 + 5×1250 + 4×1800 + 5×2700 + 9×1000 + 2×500 + 5×500 = 12500 + 7200 + 13500 + 9000 + 1000 + 2500
    ///   = 45700 → 4.57 → registered (without grace it would be 3.32).
    /// </summary>
    [Fact]
    public async Task Evaluate_ScoresRowsAsWorkedByHand()
    {
        var roster = _tmp.Write("metrics.csv", $"""
            {EvalHeader}
            1,Networking,M,Intermediate,Basic,5,3,0,8,12,33,0,0,28,10,0,0,false
            2,Services,S,Basic,None,1.5,0,1,21,0,0,0,12,0,0,72,0,false
            3,Networking,L,None,None,10,6,0,0,-3,45,0,0,10,3,0,0,true
            """);
        var scores = _tmp.File("scores.csv");
        var r = await CliRunner.Run("evaluate", roster, "--out", scores, "--quiet");
        AssertOk(r);

        var rows = ReadScores(scores);
        Assert.Equal(3, rows.Count);

        Assert.Equal(("1", "Networking", "5.92", "partner"), (rows[0]["partner_id"], rows[0]["portfolio"], rows[0]["pvi"], rows[0]["band"]));
        Assert.Equal(["7", "5", "5", "6", "4", "6", "7", "6", "8"],
            new[] { "cspm", "mspm", "black_belt", "career", "acv", "tcv", "buying_program", "onboard", "adopt" }.Select(m => rows[0]["idx_" + m]));

        Assert.Equal(("2", "Services", "4.63", "registered"), (rows[1]["partner_id"], rows[1]["portfolio"], rows[1]["pvi"], rows[1]["band"]));
        Assert.Equal(["4", "0", "5", "5", "10", "3", "5"],
            new[] { "cspm", "mspm", "black_belt", "career", "acv", "premium_services", "otrr" }.Select(m => rows[1]["idx_" + m]));

        Assert.Equal(("3", "Networking", "4.57", "registered"), (rows[2]["partner_id"], rows[2]["portfolio"], rows[2]["pvi"], rows[2]["band"]));
        Assert.Equal(["5", "5", "4", "5", "0", "0", "9", "2", "5"],
            new[] { "cspm", "mspm", "black_belt", "career", "acv", "tcv", "buying_program", "onboard", "adopt" }.Select(m => rows[2]["idx_" + m]));
    }

    /// <summary>
    /// A Networking row at exactly 5.00: career 5 / 5 → 10 (27000), ACV and TCV 25% → 10 (5000 each), buying
    /// program 50% → 10 (10000), onboard 28% → 6 (3000), nothing else: 50000 → 5.00. At least 5 is partner;
    /// the interview's "above five" (<c>thresholdComparator: "&gt;"</c>) makes it registered.
    /// </summary>
    [Fact]
    public async Task Evaluate_StrictComparator_FiveIsNotPartner()
    {
        var roster = _tmp.Write("five.csv", $"""
            {EvalHeader}
            4,Networking,M,None,None,0,5,0,25,25,50,0,0,28,0,0,0,false
            """);
        var strict = _tmp.Write("strict.yaml", "name: strict\nrules: {thresholdComparator: \">\"}\n");

        var atLeast = _tmp.File("five-default.csv");
        AssertOk(await CliRunner.Run("evaluate", roster, "--out", atLeast, "--quiet"));
        var row = ReadScores(atLeast).Single();
        Assert.Equal(("5.00", "partner"), (row["pvi"], row["band"]));

        var above = _tmp.File("five-strict.csv");
        AssertOk(await CliRunner.Run("evaluate", roster, "--scenario", strict, "--out", above, "--quiet"));
        row = ReadScores(above).Single();
        Assert.Equal(("5.00", "registered"), (row["pvi"], row["band"]));
    }
}
