using PartnerSim.Analytics.Tables;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Experiments;

/// <summary>
/// An experiment's results as tables: one row per run (<c>experiment.parquet</c>), and one per design point, per
/// factor's swing, per Sobol index, per Morris effect and per output's replicate advice (CSV).
/// </summary>
public static class ExperimentTables
{
    /// <summary>One row per run, in run order: its design point and replicate, the factors' values, seed, digest and outputs.</summary>
    public static Table Runs(ExperimentResults results)
    {
        var setup = results.Setup;
        var table = new Table();
        var run = table.Integer("run", "run number: design point × replicates + replicate");
        var point = table.Integer("point", "design point (0 is the first)");
        var replicate = table.Integer("replicate", "replicate: the same seed at every design point");
        var factors = FactorColumns(table, setup);
        var seed = table.Text("seed", "random seed of the run (from the master seed and the replicate)");
        var digest = table.Text("digest", "SHA-256 of every partner's final state");
        var outputs = setup.Outputs.Select(o => table.Figure(o.Name, FigureUnit.Ratio, $"{o.Query} ({o.Unit})")).ToList();
        for (int k = 0; k < results.Runs.Count; k++)
        {
            var r = results.Runs[k];
            run.Add(k);
            point.Add(r.Point);
            replicate.Add(r.Replicate);
            factors(r.Point);
            seed.Add(r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            digest.Add(r.Digest);
            for (int o = 0; o < outputs.Count; o++) outputs[o].Add(r.Outputs[o]);
            table.EndRow();
        }
        return table;
    }

    /// <summary>One row per design point: the factors' values and, per output, the replicates' mean, 95% interval and count.</summary>
    public static Table Points(ExperimentResults results)
    {
        var setup = results.Setup;
        var table = new Table();
        var point = table.Integer("point", "design point (0 is the first)");
        var factors = FactorColumns(table, setup);
        var columns = setup.Outputs.Select(o => (
            Mean: table.Real($"{o.Name}_mean", $"mean of {o.Query} across replicates"),
            Lower: table.Real($"{o.Name}_lower", "95% interval, lower end (Student t)"),
            Upper: table.Real($"{o.Name}_upper", "95% interval, upper end (Student t)"),
            Count: table.Integer($"{o.Name}_replicates", "replicates where the output is defined"))).ToList();
        for (int p = 0; p < setup.Points; p++)
        {
            point.Add(p);
            factors(p);
            for (int o = 0; o < columns.Count; o++)
            {
                var outcome = results.Outputs[o].Points[p];
                columns[o].Mean.Add(Finite(outcome.Mean));
                columns[o].Lower.Add(outcome.Interval?.Lower);
                columns[o].Upper.Add(outcome.Interval?.Upper);
                columns[o].Count.Add(outcome.Count);
            }
            table.EndRow();
        }
        return table;
    }

    /// <summary>Each factor's swing on each output (the tornado's bars).</summary>
    public static Table Swings(ExperimentResults results) => ByFactor(results, o => o.Swings, s => s.Factor,
        ("low_mean", "mean output where the factor is lowest (first level or bottom quarter of its range)", s => s.LowMean),
        ("high_mean", "mean output where the factor is highest (last level or top quarter of its range)", s => s.HighMean),
        ("swing", "high_mean − low_mean", s => s.Swing));

    /// <summary>First-order and total Sobol indices with their bootstrap intervals; null unless the design is sobol.</summary>
    public static Table? Sobol(ExperimentResults results) => results.Setup.Design.Saltelli is null ? null : ByFactor(results, o => o.Sobol, s => s.Factor,
        ("first", "first-order index: share of the output's variance the factor explains alone", s => s.First),
        ("first_lower", "95% bootstrap interval, lower end", s => s.FirstInterval.Lower),
        ("first_upper", "95% bootstrap interval, upper end", s => s.FirstInterval.Upper),
        ("total", "total index: share of the variance the factor takes part in, interactions included", s => s.Total),
        ("total_lower", "95% bootstrap interval, lower end", s => s.TotalInterval.Lower),
        ("total_upper", "95% bootstrap interval, upper end", s => s.TotalInterval.Upper));

    /// <summary>Morris μ, μ* and σ of each factor's elementary effects; null unless the design is morris.</summary>
    public static Table? Morris(ExperimentResults results) => results.Setup.Design.Morris is null ? null : ByFactor(results, o => o.Morris, e => e.Factor,
        ("mu", "mean elementary effect (output per unit of the factor's coordinate)", e => e.Mu),
        ("mu_star", "mean absolute elementary effect: the factor's importance", e => e.MuStar),
        ("sigma", "standard deviation of the elementary effects: curvature and interactions", e => e.Sigma));

    /// <summary>One row per output and factor: the output's name, the factor's key and the given numbers (empty where undefined).</summary>
    private static Table ByFactor<T>(ExperimentResults results, Func<OutputResults, IReadOnlyList<T>?> entries, Func<T, int> factorOf,
        params (string Name, string Description, Func<T, double> Value)[] numbers)
    {
        var table = new Table();
        var (output, factor) = (table.Text("output", "output name"), table.Text("factor", "scenario key"));
        var columns = numbers.Select(n => (Column: table.Real(n.Name, n.Description), n.Value)).ToList();
        foreach (var o in results.Outputs)
            foreach (var entry in entries(o) ?? [])
            {
                output.Add(o.Output.Name);
                factor.Add(results.Setup.Factors[factorOf(entry)].Key);
                foreach (var (column, value) in columns) column.Add(Finite(value(entry)));
                table.EndRow();
            }
        return table;
    }

    /// <summary>Per output, the replicates that would bring every point's interval within 5% of its mean; null with one replicate.</summary>
    public static Table? Replicates(ExperimentResults results)
    {
        if (results.Setup.Replicates < 2) return null;
        var table = new Table();
        var output = table.Text("output", "output name");
        var pilot = table.Integer("pilot_replicates", "replicates run (the pilot)");
        var needed = table.Real("replicates_needed", "replicates for every point's 95% interval to be within 5% of its mean (empty: unreachable, a mean of 0)");
        var hardest = table.Real("hardest_point", "the design point that needs the most");
        var @short = table.Integer("points_short", "design points whose pilot falls short");
        foreach (var o in results.Outputs)
        {
            var a = o.Advice!;
            output.Add(o.Output.Name);
            pilot.Add(a.Pilot);
            needed.Add(a.Needed);
            hardest.Add(a.HardestPoint);
            @short.Add(a.PointsShort);
            table.EndRow();
        }
        return table;
    }

    /// <summary>Adds a column per factor (its number, or its text for word levels) and returns the filler for a design point.</summary>
    private static Action<int> FactorColumns(Table table, ExperimentSetup setup)
    {
        var fillers = setup.Factors.Select((f, j) =>
        {
            if (f.IsText)
            {
                var text = table.Text(f.Key, "factor: the value this run set");
                return (Action<int>)(p => text.Add(f.Text(setup.Design.Points[p][j])));
            }
            var number = table.Real(f.Key, "factor: the value this run set");
            return p => number.Add(f.Number(setup.Design.Points[p][j]));
        }).ToList();
        return p => fillers.ForEach(fill => fill(p));
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

}
