using PartnerSim.Model.Figures;

namespace PartnerSim.Analytics.Experiments;

/// <summary>An output of an experiment: its name (a column), its figure query and the query's unit.</summary>
public sealed record ExperimentOutput(string Name, string Query, FigureUnit Unit);
