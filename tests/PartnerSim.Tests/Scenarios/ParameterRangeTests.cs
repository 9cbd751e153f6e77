using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Options;

namespace PartnerSim.Tests.Scenarios;

/// <summary>
/// Every number of a scenario has a documented range: a value just outside it is refused at its key, line and
/// column; its bounds are accepted; the schema and the run's assumptions state it.
/// </summary>
public sealed partial class ParameterRangeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("partnersim-ranges-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The defaults with one distributor enrolment, so that list items are covered too.</summary>
    private static readonly ScenarioOptions WithEnrolment = new()
    {
        Population = new PopulationOptions { Managed = [new Enrolment { Share = 0.3 }] },
    };

    private static readonly OptionRanges.Value[] Numbers = OptionRanges.Values(WithEnrolment).ToArray();

    public static TheoryData<string> NumberPaths() => [.. Numbers.Select(n => n.Path)];

    private static OptionRanges.Value Number(string path) => Numbers.Single(n => n.Path == path);

    [Fact]
    public void EveryNumber_HasARange_ThatHoldsItsDefault()
    {
        // A sample of the numbers the walk must reach: nested records, maps, maps of records, list items.
        foreach (var path in new[]
                 {
                     "run.quarters", "run.maxPartnerQuarters", "rules.weights.networking.cspm", "rules.scales.acvGrowth.stepWidth",
                     "rules.grace.creditPct", "rules.blackBeltStagePoints.stage2", "money.dealSizeUsd.xl", "behaviour.actions.expertQuarters",
                     "population.engagement.gold.sd", "population.employees.xl.max", "population.startingMetrics.blackBelt.scale",
                     "population.portfolioSpread.low", "population.blackBeltStageMix.stage3", "population.managed[0].share",
                 })
            Assert.Contains(Numbers, n => n.Path == path);

        Assert.All(Numbers, n =>
        {
            Assert.True(n.Range is not null, $"{n.Path} has no documented range");
            Assert.True(n.Range!.Contains(n.Number), $"{n.Path}: default {n.Number} outside {n.Range.Text(n.Type)}");
        });
        Assert.Empty(ScenarioValidator.Validate(WithEnrolment));
    }

    [Theory]
    [MemberData(nameof(NumberPaths))]
    public void JustOutsideTheRange_IsRefused_AtTheKey(string path)
    {
        var n = Number(path);
        var range = n.Range!;
        foreach (var outside in new[] { Outside(range.Min, range.MinExclusive, -1, n.Type), Outside(range.Max, range.MaxExclusive, +1, n.Type) })
        {
            if (outside is null) continue; // the type holds nothing beyond this bound (a ulong seed's 0 and 2⁶⁴ − 1)
            var (yaml, line, column) = Yaml(path, outside);
            var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, Path.Combine(_dir, "s.yaml"))).Errors;
            var refusal = range.Refusal(double.Parse(outside, CultureInfo.InvariantCulture), n.Type);
            Assert.True(errors.Any(e => e.KeyPath == path && e.Message == refusal && e.Line == line && e.Column == column),
                $"{path} = {outside}: expected '{refusal}' at {line}:{column}; got {string.Join(" | ", errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(NumberPaths))]
    public void TheBounds_AreAccepted(string path)
    {
        var n = Number(path);
        var range = n.Range!;
        foreach (var inside in new[] { Inside(range.Min, range.MinExclusive, +1, n.Type), Inside(range.Max, range.MaxExclusive, -1, n.Type) })
        {
            var (yaml, _, _) = Yaml(path, inside);
            IReadOnlyList<ScenarioError> errors = [];
            try { ScenarioLoader.LoadText(yaml, Path.Combine(_dir, "s.yaml")); }
            catch (ScenarioException e) { errors = e.Errors; } // a bound may break a check between options; not its range
            var refusal = range.Refusal(double.Parse(inside, CultureInfo.InvariantCulture), n.Type);
            Assert.DoesNotContain(errors, e => e.KeyPath == path && e.Message == refusal);
            Assert.DoesNotContain(errors, e => e.KeyPath == path && e.Message.StartsWith("expected", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ABillionQuarters_IsRefused_NamingTheRange()
    {
        var yaml = "run:\n  quarters: 1000000000\n";
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadText(yaml, Path.Combine(_dir, "forever.yaml"))).Errors;
        var e = Assert.Single(errors, e => e.KeyPath == "run.quarters");
        Assert.Equal((2, 3), (e.Line, e.Column));
        Assert.Equal("must be between 1 and 400 (got 1000000000)", e.Message);
        Assert.EndsWith("forever.yaml:2:3: run.quarters: must be between 1 and 400 (got 1000000000)", e.ToString());
    }

    [Theory]
    [InlineData("run:\n  quarters: 400\n")]
    [InlineData("population:\n  partners: 10000000\n")]
    [InlineData("population:\n  fatMiddleTiers: [gold, premier]\n")]
    [InlineData("rules:\n  scales:\n    acvGrowth: { start: -5, stepWidth: 2.5, steps: 10, indexPerStep: 1 }\n")]
    public void HandPickedValuesInRange_Load(string yaml) => ScenarioLoader.LoadText(yaml, Path.Combine(_dir, "ok.yaml"));

    [Fact]
    public void Schema_StatesEveryRange()
    {
        using var doc = JsonDocument.Parse(ScenarioSchema.Generate());
        foreach (var n in Numbers)
        {
            var node = doc.RootElement;
            foreach (var part in n.Path.Split('.'))
            {
                var m = ListItem().Match(part);
                node = node.GetProperty("properties").GetProperty(m.Success ? m.Groups[1].Value : part);
                if (m.Success) node = node.GetProperty("items");
            }
            var r = n.Range!;
            Assert.Equal(r.Min, node.GetProperty(r.MinExclusive ? "exclusiveMinimum" : "minimum").GetDouble());
            Assert.Equal(r.Max, node.GetProperty(r.MaxExclusive ? "exclusiveMaximum" : "maximum").GetDouble());
        }

        // By hand: run.quarters 1 … 400; a step width more than 0; the seed's top is 2⁶⁴ − 1 exactly.
        var run = doc.RootElement.GetProperty("properties").GetProperty("run").GetProperty("properties");
        Assert.Equal((1, 400), (run.GetProperty("quarters").GetProperty("minimum").GetInt32(), run.GetProperty("quarters").GetProperty("maximum").GetInt32()));
        Assert.Equal(ulong.MaxValue, run.GetProperty("seed").GetProperty("maximum").GetUInt64());
        var width = doc.RootElement.GetProperty("properties").GetProperty("rules").GetProperty("properties").GetProperty("scales")
            .GetProperty("properties").GetProperty("acvGrowth").GetProperty("properties").GetProperty("stepWidth");
        Assert.Equal(0, width.GetProperty("exclusiveMinimum").GetDouble());
        Assert.False(width.TryGetProperty("minimum", out _));
    }

    [Theory]
    [InlineData("run.quarters", "number of quarters simulated; range [1, 400]")]
    [InlineData("population.growthPct", "yearly growth (%) of a partner's bookings: normal mean and sd; range mean [-100, 1000], sd [0, 1000]")]
    [InlineData("money.landRatePct", "CPI land rebate (% of deal value) by portfolio (calibrated to 'will at least match'); range each [0, 100]")]
    [InlineData("population.managed", "distributor programmes: which segment is enrolled, in which programme, what share; range share [0, 1]")]
    [InlineData("rules.scales.acvGrowth", "range start [-1000, 1000], stepWidth (0, 1000], steps [1, 10], indexPerStep [1, 10]")]
    [InlineData("population.fatMiddleTiers", "legacy tiers that form the fat middle ('the fat middle layer of its partner pyramid')")]
    public void Assumptions_QuoteTheRange(string name, string descriptionEnd) =>
        Assert.EndsWith(descriptionEnd, AssumptionList.Of(ScenarioOptions.Default).Single(a => a.Name == name).Description);

    /// <summary>The nearest value beyond a bound, as YAML text; null when the option's type cannot hold one.</summary>
    private static string? Outside(double bound, bool exclusive, int direction, Type type)
    {
        if (exclusive) return Text(bound, type);
        if (type == typeof(double)) return Text(direction < 0 ? Math.BitDecrement(bound) : Math.BitIncrement(bound), type);
        decimal lo = type == typeof(int) ? int.MinValue : type == typeof(long) ? long.MinValue : ulong.MinValue;
        decimal hi = type == typeof(int) ? int.MaxValue : type == typeof(long) ? long.MaxValue : ulong.MaxValue;
        var beyond = Math.Min((decimal)bound, hi) + direction;
        return beyond < lo || beyond > hi ? null : beyond.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bound itself, or for an exclusive bound the nearest value inside.</summary>
    private static string Inside(double bound, bool exclusive, int direction, Type type)
    {
        if (!exclusive) return Text(bound, type);
        return type == typeof(double)
            ? Text(direction > 0 ? Math.BitIncrement(bound) : Math.BitDecrement(bound), type)
            : ((decimal)bound + direction).ToString(CultureInfo.InvariantCulture);
    }

    private static string Text(double v, Type type) => type == typeof(double)
        ? v.ToString("R", CultureInfo.InvariantCulture)
        : RangeAttribute.Bound(v, type);

    /// <summary>A scenario setting one key path to a value, and the line and column of that key.</summary>
    private static (string Yaml, int Line, int Column) Yaml(string path, string value)
    {
        var yaml = new StringBuilder();
        int indent = 0, line = 0, column = 0;
        bool item = false;
        var parts = path.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            var m = ListItem().Match(parts[i]);
            var key = m.Success ? m.Groups[1].Value : parts[i];
            if (item) { yaml.Append("- "); column = indent + 3; indent += 2; item = false; }
            else { yaml.Append(' ', indent); column = indent + 1; }
            yaml.Append(key).Append(':');
            line++;
            if (i == parts.Length - 1) { yaml.Append(' ').Append(value).Append('\n'); break; }
            yaml.Append('\n');
            indent += 2;
            if (m.Success) { yaml.Append(' ', indent); item = true; }
        }
        return (yaml.ToString(), line, column);
    }

    [GeneratedRegex(@"^(\w+)\[\d+\]$")]
    private static partial Regex ListItem();
}
