using System.Reflection;
using System.Text.Json;
using PartnerSim.Model.Options;

namespace PartnerSim.Tests.Integration;

/// <summary>
/// Rule book, top: "The report must list every [asm] value a run used". Every option tagged seed, asm or
/// seed+asm appears in summary.json's <c>assumptions</c> with its tag and value; published ones do not.
/// </summary>
[Collection("Console")]
public sealed class AssumptionsReportTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    /// <summary>Every tagged option, found by walking the option types (not through <see cref="AssumptionList"/>).</summary>
    private static List<(string Name, Provenance Tag)> TaggedOptions(Type type, string prefix)
    {
        var found = new List<(string, Provenance)>();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = prefix + char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            if (p.GetCustomAttribute<ParamAttribute>() is { } param) found.Add((name, param.Tag));
            else if (p.PropertyType.IsClass && p.PropertyType.Namespace == typeof(ScenarioOptions).Namespace)
                found.AddRange(TaggedOptions(p.PropertyType, name + "."));
        }
        return found;
    }

    [Theory]
    [InlineData(Provenance.Pub, "pub")]
    [InlineData(Provenance.Seed, "seed")]
    [InlineData(Provenance.Asm, "asm")]
    [InlineData(Provenance.SeedAsm, "seed+asm")]
    public void Tags_AreTheRuleBooksWords(Provenance p, string tag) => Assert.Equal(tag, p.Tag());

    [Theory]
    [InlineData("money.adoptStandardPct", Provenance.Asm)]  // the seeds give only its eligibility
    [InlineData("rules.mspmBasicIndex", Provenance.SeedAsm)]
    [InlineData("behaviour.leaveAfterQuarters", Provenance.SeedAsm)]
    [InlineData("population.fatMiddleTiers", Provenance.Seed)]
    [InlineData("rules.grace.creditPct", Provenance.Seed)]
    [InlineData("rules.merakiBlackBeltPoints", Provenance.Seed)]
    [InlineData("rules.blackBeltStagePoints", Provenance.Pub)]
    [InlineData("rules.scales.buyingProgram", Provenance.Pub)]
    [InlineData("rules.scales.acvGrowth", Provenance.Asm)]
    [InlineData("population.blackBeltStageMix", Provenance.Asm)]
    [InlineData("population.startingMetrics.cspm", Provenance.Asm)]
    public void Tag_Of(string option, Provenance tag) =>
        Assert.Equal(tag, Assert.Single(TaggedOptions(typeof(ScenarioOptions), ""), t => t.Name == option).Tag);

    [Fact]
    public async Task SummaryJson_ListsEverySeedAndAssumption_WithTagAndValue()
    {
        var outDir = _tmp.File("out");
        var r = await CliRunner.Run("run", RepoPaths.Scenario("drive-to-five.yaml"), "--partners", "200", "--quarters", "2",
            "--engine", "inproc", "--quiet", "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var listed = summary.RootElement.GetProperty("assumptions").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => (Tag: a.GetProperty("tag").GetString(), Value: a.GetProperty("value").GetString()));

        var tagged = TaggedOptions(typeof(ScenarioOptions), "");
        Assert.All(tagged.Where(t => t.Tag != Provenance.Pub), t =>
        {
            Assert.True(listed.TryGetValue(t.Name, out var a), $"{t.Name} ({t.Tag.Tag()}) is not in summary.json's assumptions");
            Assert.Equal(t.Tag.Tag(), a.Tag);
        });
        Assert.All(tagged.Where(t => t.Tag == Provenance.Pub), t => Assert.False(listed.ContainsKey(t.Name), $"{t.Name} is published"));
        Assert.Equal(tagged.Count(t => t.Tag != Provenance.Pub), listed.Count);

        // Values as the run used them: the command line's 2 quarters, the drive-to-five enrolment, the default fat middle.
        Assert.Equal("2", listed["run.quarters"].Value);
        Assert.Equal("[{segment: fatMiddle, program: driveToFive, share: 0.3}]", listed["population.managed"].Value);
        Assert.Equal("[select, premier]", listed["population.fatMiddleTiers"].Value);
        Assert.Equal("{start: 50, stepWidth: 5, steps: 10, indexPerStep: 1}", listed["rules.scales.onTimeRenewal"].Value);
        Assert.Equal("{scale: 0.8, low: 0.6, spread: 0.8}", listed["population.startingMetrics.blackBelt"].Value);
        Assert.Equal("seed+asm", listed["rules.mspmBasicIndex"].Tag);
    }
}
