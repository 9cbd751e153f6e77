using System.Runtime.CompilerServices;
using PartnerSim.Model.Options;

namespace PartnerSim.Model.Scoring;

/// <summary>A <see cref="StepScale"/> option compiled for scoring: its fields held inline in <see cref="ScoringRules"/>.</summary>
public readonly struct SteppedScale(StepScale scale)
{
    private readonly double _start = scale.Start, _width = scale.StepWidth;
    private readonly int _steps = scale.Steps, _indexPerStep = scale.IndexPerStep;

    /// <summary>IndexAchieved of <paramref name="value"/>: indexPerStep × the steps above start it reaches into, at most steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(double value) => _indexPerStep * IndexScales.Steps(value - _start, _width, _steps);
}
