using System.Text.Json;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Inputs.Scenarios;

namespace PartnerSim.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("partnersim-scenarios-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    private static ScenarioException Fails(string path) => Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

    private const string Full = """
        name: full-test
        description: every section set
        run:
          seed: 42
          start: FY26Q2
          launch: FY26Q4
          quarters: 8
          cisco360: false
        rules:
          partnerThreshold: 4.5
          thresholdComparator: ">"
          mspmBasicIndex: 3
          merakiCounts: false
          grace:
            quarters: 0
            basis: basic
          weights:
            services:
              capabilities: 20
              blackBelt: 100
          sizeBoundariesUsd:
            xl: 200000000
        money:
          landRatePct:
            security: 4.25
          dealSizeUsd:
            m: 150000
          paymentLagQuarters: 2
        behaviour:
          pAware: 0.2
          pAct:
            waiting: 0.15
          actions:
            basicCost: 4
        population:
          partners: 500
          medianBookingsUsd: 2_000_000
          engagement:
            gold: { mean: 0.8, sd: 0.05 }
          managed:
            - segment: fatMiddle
              program: driveToFive
              share: 0.3
            - segment: Registered
              program: BeTheOne
              share: 0.1
        """;

    [Fact]
    public void FullFile_BindsNestedValues()
    {
        var o = ScenarioLoader.Load(Write("full.yaml", Full));

        Assert.Equal("full-test", o.Run.Name);
        Assert.Equal("every section set", o.Run.Description);
        Assert.Equal(42UL, o.Run.Seed);
        Assert.Equal("FY26Q2", o.Run.Start);
        Assert.Equal("FY26Q4", o.Run.Launch);
        Assert.Equal(8, o.Run.Quarters);
        Assert.False(o.Run.Cisco360);

        Assert.Equal(4.5, o.Rules.PartnerThreshold);
        Assert.Equal(ThresholdComparator.Above, o.Rules.ThresholdComparator);
        Assert.Equal(3, o.Rules.MspmBasicIndex);
        Assert.False(o.Rules.MerakiCounts);
        Assert.Equal(0, o.Rules.Grace.Quarters);
        Assert.Equal(GraceBasis.Basic, o.Rules.Grace.Basis);
        Assert.Equal(200_000_000, o.Rules.SizeBoundariesUsd.XL);

        Assert.Equal(4.25, o.Money.LandRatePct.Security);
        Assert.Equal(150_000, o.Money.DealSizeUsd.M);
        Assert.Equal(2, o.Money.PaymentLagQuarters);

        Assert.Equal(0.2, o.Behaviour.PAware);
        Assert.Equal(0.15, o.Behaviour.PAct.Waiting);
        Assert.Equal(4, o.Behaviour.Actions.BasicCost);

        Assert.Equal(500, o.Population.Partners);
        Assert.Equal(2_000_000, o.Population.MedianBookingsUsd);
        Assert.Equal(0.8, o.Population.Engagement.Gold.Mean);
        Assert.Equal(0.05, o.Population.Engagement.Gold.Sd);
        Assert.Equal(2, o.Population.Managed.Count);
        Assert.Equal(new Enrolment { Segment = Segment.FatMiddle, Program = ManagedBy.DriveToFive, Share = 0.3 }, o.Population.Managed[0]);
        Assert.Equal(new Enrolment { Segment = Segment.Registered, Program = ManagedBy.BeTheOne, Share = 0.1 }, o.Population.Managed[1]);
    }

    [Fact]
    public void UnspecifiedFields_KeepDefaults()
    {
        var o = ScenarioLoader.Load(Write("full.yaml", Full));

        // Siblings of the values set above keep the rule book's defaults (§4, §5, §6).
        // Land rates: the calibrated defaults (MoneyOptions), not the rule book's first guess.
        Assert.Equal(4.0, o.Money.LandRatePct.Networking);
        Assert.Equal(2.5, o.Money.LandRatePct.Services);
        Assert.Equal(20_000, o.Money.DealSizeUsd.S);
        Assert.Equal(0.9, o.Behaviour.PAct.Strategist);
        Assert.Equal(0.25, o.Behaviour.PAct.Traditionalist);
        Assert.Equal(1.0, o.Rules.RegisteredThreshold);
        Assert.Equal(7.5, o.Rules.PreferredThreshold);
        Assert.Equal(10_000_000, o.Rules.SizeBoundariesUsd.L);
        Assert.Equal(25, o.Rules.Weights.Services.Performance);
        Assert.Equal(0.7, o.Population.Engagement.Premier.Mean);
        Assert.Equal(6, o.Behaviour.Actions.IntermediateCost);
        // ... and the shared default instance is untouched.
        Assert.Equal(4.5, ScenarioOptions.Default.Money.LandRatePct.Security);
        Assert.Equal(0.05, ScenarioOptions.Default.Behaviour.PAct.Waiting);
    }

    [Fact]
    public void EmptyFile_IsAllDefaults_NamedAfterTheFile()
    {
        var o = ScenarioLoader.Load(Write("just-defaults.yaml", ""));
        Assert.Equal("just-defaults", o.Run.Name);
        Assert.Equal(ScenarioOptions.Default.Money, o.Money);
        Assert.Equal(12, o.Run.Quarters);
    }

    [Fact]
    public void CaseInsensitiveKeysAndEnums_AndAtLeastSymbol()
    {
        var o = ScenarioLoader.LoadText("""
            Rules:
              ThresholdComparator: ">="
              Grace: { BASIS: HALF }
            MONEY:
              landratepct: { CloudAI: 3.75 }
            """, Path.Combine(_dir, "case.yaml"));
        Assert.Equal(ThresholdComparator.AtLeast, o.Rules.ThresholdComparator);
        Assert.Equal(GraceBasis.Half, o.Rules.Grace.Basis);
        Assert.Equal(3.75, o.Money.LandRatePct.CloudAI);
    }

    [Fact]
    public void UnknownKey_GivesFileLineColumnAndSuggestion()
    {
        var path = Write("typo.yaml", """
            money:
              landRatePct:
                networking: 3.0
                securty: 4.0
            """);
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal(path, e.File);
        Assert.Equal(4, e.Line);
        Assert.Equal(5, e.Column);
        Assert.Equal("money.landRatePct.securty", e.KeyPath);
        Assert.Contains("unknown key 'securty'", e.Message);
        Assert.Contains("did you mean 'security'?", e.Message);
        Assert.Equal($"{path}:4:5: money.landRatePct.securty: {e.Message}", e.ToString());
    }

    [Fact]
    public void WrongTypes_AreReported()
    {
        var errors = Fails(Write("types.yaml", """
            run:
              quarters: twelve
            rules:
              merakiCounts: maybe
              thresholdComparator: ">>"
            money:
              dealRegRate: [0.5]
            """)).Errors;
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e is { KeyPath: "run.quarters", Line: 2, Column: 13 } && e.Message.Contains("expected a whole number"));
        Assert.Contains(errors, e => e is { KeyPath: "rules.merakiCounts", Line: 4 } && e.Message == "expected true/false");
        Assert.Contains(errors, e => e is { KeyPath: "rules.thresholdComparator", Line: 5 }
                                     && e.Message.StartsWith("expected one of: atLeast, above"));
        Assert.Contains(errors, e => e is { KeyPath: "money.dealRegRate", Line: 7 } && e.Message == "expected a number");
    }

    [Fact]
    public void ProbabilityOutOfRange_IsLocatedAtItsKey()
    {
        var path = Write("prob.yaml", """
            behaviour:
              pAware: 0.1
              pAct:
                unaware: 1.5
            """);
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal("behaviour.pAct.unaware", e.KeyPath);
        Assert.Equal((4, 5), (e.Line, e.Column));
        Assert.Contains("between 0 and 1", e.Message);
        Assert.Contains("1.5", e.Message);
    }

    [Fact]
    public void ThresholdsOutOfOrder()
    {
        var path = Write("thr.yaml", """
            rules:
              registeredThreshold: 6
              partnerThreshold: 5
            """);
        var e = Assert.Single(Fails(path).Errors);
        Assert.Contains("thresholds out of order", e.Message);
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void RangeErrors_AreLocatedAtTheWrittenKey()
    {
        // preferredThreshold defaults to 7.5; writing registeredThreshold 8 breaks the order: located at the written key.
        var path = Write("thr2.yaml", "run:\n  quarters: 4\nrules:\n  registeredThreshold: 8\n");
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal(4, e.Line);

        // A weights sum broken inside the file is located at that portfolio's key.
        var path2 = Write("weights.yaml", "rules:\n  weights:\n    networking:\n      engagement: 20\n");
        var w = Assert.Single(Fails(path2).Errors);
        Assert.Equal("rules.weights.networking", w.KeyPath);
        Assert.Equal(3, w.Line);
        Assert.Contains("sum to 110, not 100", w.Message);
    }

    [Fact]
    public void Extends_ChildOverridesOneNestedValue_BaseValuesKept()
    {
        Write("base.yaml", """
            name: the-base
            description: base description
            money:
              landRatePct:
                networking: 4.0
                security: 4.5
            behaviour:
              pAct: { waiting: 0.2 }
            population:
              managed:
                - { segment: fatMiddle, program: driveToFive, share: 0.3 }
            """);
        var child = Write("child.yaml", """
            extends: base.yaml
            money:
              landRatePct:
                security: 5.5
            """);

        var o = ScenarioLoader.Load(child);
        Assert.Equal(5.5, o.Money.LandRatePct.Security);
        Assert.Equal(4.0, o.Money.LandRatePct.Networking);
        Assert.Equal(0.2, o.Behaviour.PAct.Waiting);
        Assert.Equal(0.3, Assert.Single(o.Population.Managed).Share);
        Assert.Equal("base description", o.Run.Description);
        Assert.Equal("child", o.Run.Name); // a name is not inherited
    }

    [Fact]
    public void Extends_Chain_AndSequencesReplace()
    {
        Write("a.yaml", "population:\n  partners: 100\n  managed:\n    - { segment: all, program: beTheOne, share: 0.5 }\n");
        Write("b.yaml", "extends: a.yaml\nrules:\n  protectQuarters: 3\n");
        var c = Write("c.yaml", "extends: b.yaml\npopulation:\n  managed:\n    - { segment: gold, share: 0.25 }\n");
        var o = ScenarioLoader.Load(c);
        Assert.Equal(100, o.Population.Partners);
        Assert.Equal(3, o.Rules.ProtectQuarters);
        var m = Assert.Single(o.Population.Managed);
        Assert.Equal(Segment.Gold, m.Segment);
        Assert.Equal(0.25, m.Share);
    }

    [Fact]
    public void Extends_MissingTarget_ErrorAtExtendsLine()
    {
        var path = Write("orphan.yaml", "name: orphan\nextends: nowhere.yaml\n");
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal(path, e.File);
        Assert.Equal(2, e.Line);
        Assert.Equal("extends", e.KeyPath);
        Assert.Contains("nowhere.yaml", e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Extends_Cycle_IsNamed()
    {
        var a = Write("x.yaml", "extends: y.yaml\n");
        Write("y.yaml", "extends: x.yaml\n");
        var e = Assert.Single(Fails(a).Errors);
        Assert.Contains("extends cycle: x.yaml -> y.yaml -> x.yaml", e.Message);
        Assert.EndsWith("y.yaml", e.File);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Extends_ErrorInBase_NamesBaseFileAndLine()
    {
        Write("badbase.yaml", "money:\n  dealRegRate: 2\n  bogus: 1\n");
        var child = Write("usesbad.yaml", "extends: badbase.yaml\nrun:\n  quarters: 4\n");
        var errors = Fails(child).Errors;
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.EndsWith("badbase.yaml", e.File));
        Assert.Contains(errors, e => e is { KeyPath: "money.dealRegRate", Line: 2 });
        Assert.Contains(errors, e => e is { KeyPath: "money.bogus", Line: 3 });
    }

    [Fact]
    public void MalformedYaml_GivesLineAndColumn()
    {
        var path = Write("broken.yaml", "run:\n  quarters: 4\n  name: [unclosed\nmoney: {}\n");
        var e = Assert.Single(Fails(path).Errors);
        Assert.Equal(path, e.File);
        Assert.StartsWith("malformed YAML", e.Message);
        Assert.True(e.Line >= 3, e.ToString());
    }

    [Fact]
    public void SeveralErrors_AreReportedAtOnce()
    {
        var ex = Fails(Write("many.yaml", """
            run:
              quarters: 0
              launch: FY26Q9
            money:
              dealSizeUsd: { s: -1 }
              paymentLagQuarters: 9
            behaviour:
              pLeave: -0.1
              pact: { waiting: yes }
            population:
              topPartnersShare: 0.95
              topBookingsShare: 0.9
              employees:
                s: { min: 5, max: 2 }
            extra: 1
            """));
        var keys = ex.Errors.Select(e => e.KeyPath).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "run.quarters", "run.launch", "money.dealSizeUsd.s", "money.paymentLagQuarters", "behaviour.pLeave",
            "behaviour.pAct.waiting", "population.topBookingsShare", "population.employees.s", "extra",
        }, keys);
        Assert.Equal(ex.Errors.Count, ex.Message.Split('\n').Length);
    }

    [Fact]
    public void Roster_IsResolvedRelativeToTheScenarioFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        var path = Write(Path.Combine("sub", "roster.yaml"), "population:\n  roster: ../data/partners.csv\n  partners: 0\n");
        var o = ScenarioLoader.Load(path);
        Assert.Equal(Path.GetFullPath(Path.Combine(_dir, "data", "partners.csv")), o.Population.Roster);
    }

    [Fact]
    public void Catalog_ListsNameAndDescription_SortedByName()
    {
        Write("zeta.yaml", "name: alpha\ndescription: first by name\n");
        Write("alpha.yaml", "description: named after its file\n");
        var list = ScenarioCatalog.List(_dir);
        Assert.Equal(["alpha", "alpha"], list.Select(s => s.Name));
        Assert.Contains(list, s => s is { Description: "first by name" } && s.Path.EndsWith("zeta.yaml"));
        Assert.Contains(list, s => s is { Description: "named after its file" } && s.Path.EndsWith("alpha.yaml"));
    }

    [Fact]
    public void Schema_IsValidJson_WithClosedObjects()
    {
        var json = ScenarioSchema.Generate();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var props = root.GetProperty("properties");
        foreach (var top in new[] { "run", "rules", "money", "behaviour", "population", "extends", "name", "description" })
            Assert.True(props.TryGetProperty(top, out _), top);

        var land = props.GetProperty("money").GetProperty("properties").GetProperty("landRatePct");
        Assert.False(land.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal("number", land.GetProperty("properties").GetProperty("security").GetProperty("type").GetString());
        Assert.Contains("CPI land rebate", land.GetProperty("description").GetString());

        var cmp = props.GetProperty("rules").GetProperty("properties").GetProperty("thresholdComparator");
        Assert.Equal(["atLeast", "above", ">=", ">"], cmp.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var managed = props.GetProperty("population").GetProperty("properties").GetProperty("managed");
        Assert.Equal("array", managed.GetProperty("type").GetString());
        Assert.Equal("integer", props.GetProperty("run").GetProperty("properties").GetProperty("quarters").GetProperty("type").GetString());
    }

    [Fact]
    public void Schema_FileInRepo_IsCurrent()
    {
        // Regenerate scenarios/scenario.schema.json when the options change (this test writes it when missing).
        var dir = FindScenariosDir();
        if (dir is null) return;
        var path = Path.Combine(dir, ScenarioSchema.SchemaFileName);
        if (!File.Exists(path)) ScenarioSchema.Write(dir);
        Assert.True(ScenarioSchema.Generate() == File.ReadAllText(path),
            $"{path} is stale: delete it and rerun this test to regenerate it");
    }

    private static string? FindScenariosDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Simulation.sln")))
                return Path.Combine(d.FullName, "scenarios");
        return null;
    }
}
