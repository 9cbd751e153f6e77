using PartnerSim.Model.Csv;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Model.Scenarios;

namespace PartnerSim.Cli.Commands;

/// <summary>A scenario as a command takes it: loaded, validated, with command-line overrides applied, and its roster read.</summary>
public sealed record ScenarioInput(ScenarioOptions Options, RuleBook Rules, List<PartnerState>? Roster)
{
    public static ScenarioInput Load(string path, int? partners = null, int? quarters = null, ulong? seed = null)
    {
        if (!File.Exists(path)) throw new BadInputException($"{path}: scenario file not found");
        var o = ScenarioLoader.Load(path);
        if (partners is < 1) throw new BadInputException($"--partners: must be at least 1 (got {partners})");
        if (quarters is < 1) throw new BadInputException($"--quarters: must be at least 1 (got {quarters})");
        o = o with
        {
            Run = o.Run with { Quarters = quarters ?? o.Run.Quarters, Seed = seed ?? o.Run.Seed },
            Population = o.Population with { Partners = partners ?? o.Population.Partners },
        };
        var rules = new RuleBook(o);
        List<PartnerState>? roster = null;
        if (o.Population.Roster is { } rosterPath)
        {
            using var rows = CsvRows.Open(rosterPath);
            roster = RosterReader.Read(rows, rules);
            if (roster.Count == 0) throw new CsvInputException(rosterPath, 2, "row", "the roster has no partners");
        }
        return new ScenarioInput(o, rules, roster);
    }

    public IPartnerSource Source => Roster is not null
        ? new ListedPartners(Roster)
        : new GeneratedPartners(new PopulationGenerator(Rules), new PopulationGenerator(Rules).ComputeTierCuts());
}
