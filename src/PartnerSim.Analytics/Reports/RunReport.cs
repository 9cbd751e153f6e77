using PartnerSim.Analytics.Detail;
using PartnerSim.Analytics.Figures;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Reports;

/// <summary>A finished run with what reporting needs to describe it.</summary>
/// <param name="TopBookingsShare">Share of run-start bookings held by the top <c>topPartnersShare</c> of partners.</param>
public sealed record RunReport(RuleBook Rules, RunResult Result, string Engine, double ElapsedSeconds, double TopBookingsShare)
{
    private QuarterTable? _table;

    /// <summary>What the run recorded partner by partner; null when it wrote no detail file.</summary>
    public DetailRecord? Detail { get; init; }

    /// <summary>Failures met and recovered from on the grains; null for the in-process engine.</summary>
    public RunFaults? Faults { get; init; }

    public long PartnerQuarters => (long)Result.Partners * Rules.Quarters;

    public string QuarterLabel(int q) => Rules.QuarterAt(q).ToString();

    /// <summary>The quarter's figures as named columns, for queries and tables.</summary>
    public QuarterTable Table => _table ??= QuarterTable.For(Rules);

    public IReadOnlyList<QuarterStats> Quarters => Result.PerQuarter;

    public QuarterStats? LaunchQuarter => Result.PerQuarter.FirstOrDefault(s => s.Quarter == Rules.Launch);

    /// <summary>A run figure by query (see <see cref="FigureQuery"/>), e.g. <c>fatMiddle.losing@launch</c>.</summary>
    public decimal? Figure(string query) => FigureQuery.Parse(query, Table).Evaluate(Table, Rules, Quarters);

    public IReadOnlyList<RunFigureValue> Headline => RunFigures.Evaluate(RunFigures.Headline, Table, Rules, Quarters);

    public Calibration Calibration => Calibration.Measure(this, TopBookingsShare);

    /// <summary>"cisco360", "legacy": which rules paid in the quarter.</summary>
    public string Regime(int q) => Rules.IsLaunched(q) ? "cisco360" : "legacy";
}
