using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Analytics.Figures;
using PartnerSim.Analytics.Statistics;
using PartnerSim.Inputs;
using PartnerSim.Inputs.Experiments;
using PartnerSim.Inputs.Scenarios;
using PartnerSim.Model.Engine;
using PartnerSim.Runs.Sweeps;

namespace PartnerSim.Runs.Experiments;

/// <summary>
/// An experiment ready to run: its setup (factors, design points, replicates, outputs), each design point's scenario
/// loaded and validated, and each output's query parsed. Everything is checked before the first run, and every problem
/// is told at its line of the experiment file (a design point's scenario error at the factor that caused it).
/// </summary>
public sealed class ExperimentPlan
{
    private ExperimentPlan(ExperimentSetup setup, IReadOnlyList<ScenarioInput> points, IReadOnlyList<FigureQuery> queries, QuarterTable table) =>
        (Setup, PointInputs, Queries, Table) = (setup, points, queries, table);

    public ExperimentSetup Setup { get; }

    /// <summary>Each design point's scenario, on the base scenario's seed (each run sets its replicate's).</summary>
    public IReadOnlyList<ScenarioInput> PointInputs { get; }

    /// <summary>Each output's query, in the order of <see cref="ExperimentSetup.Outputs"/>.</summary>
    public IReadOnlyList<FigureQuery> Queries { get; }

    public QuarterTable Table { get; }

    /// <summary>Loads and plans an experiment file (see <see cref="Prepare"/>).</summary>
    public static ExperimentPlan Load(string path, int? partners = null, int? sampleSize = null)
    {
        if (!File.Exists(path)) throw new BadInputException($"{path}: experiment file not found");
        return Prepare(ExperimentLoader.Load(path), partners, sampleSize);
    }

    /// <param name="partners">Overrides the base scenario's population size at every design point.</param>
    /// <param name="sampleSize">Overrides the design's <c>samples</c> (a quick look at a large design).</param>
    public static ExperimentPlan Prepare(ExperimentDefinition definition, int? partners = null, int? sampleSize = null)
    {
        if (sampleSize is < 2) throw new BadInputException($"--sample-size: must be at least 2 (got {sampleSize})");
        if (partners is not null && definition.Factors.Any(f => f.Key.Equals("population.partners", StringComparison.OrdinalIgnoreCase)))
            throw new BadInputException("--partners: population.partners is a factor of this experiment; drop --partners");
        var design = definition.Design with { Samples = sampleSize ?? definition.Design.Samples };
        if (design.Points(definition.Factors) * definition.Replicates > ExperimentLoader.MaxRuns)
            throw new BadInputException($"--sample-size {sampleSize}: more than {ExperimentLoader.MaxRuns:N0} runs");

        var baseInput = ScenarioInput.Load(definition.BaseScenario, partners);
        ulong master = definition.Seed ?? baseInput.Options.Run.Seed;
        var factors = definition.Factors.Select(Factor).ToList();
        var space = factors.Select(f => f.Factor).ToList();
        var points = design.Method switch
        {
            DesignMethod.Grid => ExperimentDesign.Grid(space, design.Samples),
            DesignMethod.Lhs => ExperimentDesign.LatinHypercube(space.Count, design.Samples, master),
            DesignMethod.Sobol => ExperimentDesign.Sobol(space.Count, design.Samples, master),
            _ => ExperimentDesign.MorrisScreening(space.Count, design.Samples, design.Levels, master),
        };

        var errors = new List<ScenarioError>();
        var table = QuarterTable.For(baseInput.Rules);
        var queries = new List<FigureQuery>();
        var outputs = new List<ExperimentOutput>();
        foreach (var output in definition.Outputs)
        {
            try
            {
                var query = FigureQuery.Parse(output.Query, table);
                queries.Add(query);
                outputs.Add(new ExperimentOutput(output.Name, output.Query, query.Unit(table)));
            }
            catch (FormatException e)
            {
                errors.Add(new ScenarioError(output.At.File, output.At.Line, output.At.Column, $"outputs.{output.Name}", e.Message));
            }
        }
        var inputs = LoadPoints(definition, factors, points, partners, errors);
        if (errors.Count > 0) throw new ScenarioException(errors.OrderBy(e => e.File != definition.File).ThenBy(e => e.Line).ThenBy(e => e.Column).ToList());

        var setup = new ExperimentSetup
        {
            Name = definition.Name,
            Description = definition.Description,
            BaseScenario = Path.GetFileName(definition.BaseScenario),
            Partners = baseInput.Roster?.Count ?? baseInput.Options.Population.Partners,
            Quarters = baseInput.Options.Run.Quarters,
            MasterSeed = master,
            Replicates = definition.Replicates,
            Factors = factors,
            Outputs = outputs,
            Design = points,
            Fingerprint = Fingerprint(definition, design, master, baseInput, partners),
        };
        return new ExperimentPlan(setup, inputs, queries, table);
    }

    private static ExperimentFactor Factor(FactorDefinition f) =>
        f.Levels is { } levels ? ExperimentFactor.Levels(f.Key, levels)
        : f.WholeNumbers ? ExperimentFactor.WholeNumbers(f.Key, (long)f.Low, (long)f.High)
        : ExperimentFactor.Range(f.Key, f.Low, f.High, f.LogUniform ? FactorScale.LogUniform : FactorScale.Uniform);

    /// <summary>
    /// Each design point's scenario: the base with the point's factor values set, loaded like a scenario file. A value
    /// the scenario refuses is told once per problem, at the factor's line, with the first point that has it.
    /// </summary>
    private static List<ScenarioInput> LoadPoints(ExperimentDefinition definition, IReadOnlyList<ExperimentFactor> factors,
        ExperimentDesign design, int? partners, List<ScenarioError> errors)
    {
        var grid = new SweepGrid(definition.BaseScenario, factors.Select(f => new Axis(f.Key, [])).ToList());
        var inputs = new List<ScenarioInput>(design.Points.Count);
        var seen = new Dictionary<(string, string), (ScenarioError Error, int Count)>();
        for (int p = 0; p < design.Points.Count; p++)
        {
            var values = factors.Select((f, j) => f.Text(design.Points[p][j])).ToArray();
            try
            {
                inputs.Add(grid.Load(values, partners, quarters: null, origin: $"{Path.GetFileName(definition.File)} point {p}:"));
            }
            catch (ScenarioException e)
            {
                foreach (var error in e.Errors)
                {
                    var key = (error.KeyPath, error.Message);
                    if (seen.TryGetValue(key, out var s)) { seen[key] = s with { Count = s.Count + 1 }; continue; }
                    seen[key] = (Relocate(definition, factors, values, p, error), 1);
                }
            }
        }
        foreach (var (error, count) in seen.Values)
            errors.Add(count == 1 ? error : error with { Message = $"{error.Message} (and at {count - 1} more design points)" });
        return inputs;
    }

    /// <summary>A design point's scenario error, moved to the factor whose value caused it (or to <c>factors</c>).</summary>
    private static ScenarioError Relocate(ExperimentDefinition definition, IReadOnlyList<ExperimentFactor> factors, string[] values,
        int point, ScenarioError error)
    {
        if (!error.File.Contains($"{Path.GetFileName(definition.File)} point ", StringComparison.Ordinal)) return error; // the base scenario's own
        var setting = string.Join(", ", factors.Select((f, j) => $"{f.Key}={values[j]}"));
        var factor = definition.Factors.FirstOrDefault(f => f.Key.Equals(error.KeyPath, StringComparison.OrdinalIgnoreCase));
        var at = factor?.At ?? definition.FactorsAt;
        return new ScenarioError(at.File, at.Line, at.Column, factor is null ? $"factors ({error.KeyPath})" : $"factors.{factor.Key}",
            $"{error.Message} at design point {point} ({setting})");
    }

    /// <summary>
    /// SHA-256 of everything a run's outcome depends on: the experiment as planned, the base scenario as loaded (and its
    /// roster's bytes), the overrides, and the rule engine's build. A resumed experiment must match it.
    /// </summary>
    private static string Fingerprint(ExperimentDefinition definition, DesignDefinition design, ulong master, ScenarioInput baseInput, int? partners)
    {
        var plan = new
        {
            definition.Name,
            definition.Description,
            Design = new { design.Method, design.Samples, design.Levels },
            definition.Replicates,
            MasterSeed = master,
            Factors = definition.Factors.Select(f => new { f.Key, f.Levels, f.Low, f.High, f.LogUniform, f.WholeNumbers }),
            Outputs = definition.Outputs.Select(o => new { o.Name, o.Query }),
            Partners = partners,
            Base = baseInput.Options,
            Roster = baseInput.Options.Population.Roster is { } roster ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(roster))) : null,
            Engine = typeof(EngineLoop).Assembly.ManifestModule.ModuleVersionId,
        };
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(plan)))).ToLowerInvariant();
    }
}
