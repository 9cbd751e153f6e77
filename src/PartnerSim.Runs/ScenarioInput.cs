using PartnerSim.Inputs;
using PartnerSim.Inputs.Csv;
using PartnerSim.Inputs.Rosters;
using PartnerSim.Model.Engine;
using PartnerSim.Model.Options;
using PartnerSim.Model.Partners;
using PartnerSim.Model.Population;
using PartnerSim.Inputs.Scenarios;

namespace PartnerSim.Runs;

/// <summary>A scenario as a command takes it: loaded, validated, with command-line overrides applied, and its roster read.</summary>
/// <param name="SkippedRows">Bad roster rows passed over (only when asked to skip them).</param>
public sealed record ScenarioInput(ScenarioOptions Options, RuleBook Rules, List<PartnerState>? Roster,
    IReadOnlyList<CsvInputException> SkippedRows)
{
    public static ScenarioInput Load(string path, int? partners = null, int? quarters = null, ulong? seed = null,
        bool skipBadRows = false)
    {
        if (!File.Exists(path)) throw new BadInputException($"{path}: scenario file not found");
        return From(ScenarioLoader.Load(path), partners, quarters, seed, skipBadRows);
    }

    /// <summary>
    /// Applies command-line overrides to loaded options, checks them as a scenario file's values are checked
    /// (ranges, the work limit) and reads the roster, if any.
    /// </summary>
    public static ScenarioInput From(ScenarioOptions o, int? partners, int? quarters, ulong? seed, bool skipBadRows)
    {
        o = o with
        {
            Run = o.Run with { Quarters = quarters ?? o.Run.Quarters, Seed = seed ?? o.Run.Seed },
            Population = o.Population with { Partners = partners ?? o.Population.Partners },
        };
        var (keyPath, message) = ScenarioValidator.Validate(o).FirstOrDefault();
        if (keyPath is not null)
        {
            // Name the flag when a value came from the command line, else the scenario key.
            var flag = keyPath switch
            {
                "population.partners" when partners is not null => "--partners",
                "run.quarters" when quarters is not null => "--quarters",
                "run.maxPartnerQuarters" when partners is not null && quarters is not null => "--partners x --quarters",
                "run.maxPartnerQuarters" when partners is not null => "--partners",
                "run.maxPartnerQuarters" when quarters is not null => "--quarters",
                _ => keyPath,
            };
            throw new BadInputException($"{flag}: {message}");
        }
        var rules = new RuleBook(o);
        List<PartnerState>? roster = null;
        var skipped = new List<CsvInputException>();
        if (o.Population.Roster is { } rosterPath)
        {
            using var rows = CsvRows.Open(rosterPath);
            roster = RosterReader.Read(rows, rules, skipBadRows, skipped);
            if (roster.Count == 0) throw new CsvInputException(rosterPath, 2, "row", "the roster has no partners");
            if (!WorkLimit.Allows(roster.Count, o.Run.Quarters, o.Run.MaxPartnerQuarters))
                throw new BadInputException($"{rosterPath}: {WorkLimit.Refusal(roster.Count, o.Run.Quarters, o.Run.MaxPartnerQuarters)}");
        }
        return new ScenarioInput(o, rules, roster, skipped);
    }

    /// <summary>The same scenario on another seed (a roster is read again: its missing columns are seeded draws).</summary>
    public ScenarioInput WithSeed(ulong seed) =>
        seed == Options.Run.Seed ? this : From(Options, partners: null, quarters: null, seed, skipBadRows: false);

    private double[]? _initialBookings;

    /// <summary>Every partner's annual bookings at run start, drawn once (tier cuts and the calibration use them).</summary>
    public double[] InitialBookings => _initialBookings ??= Roster is not null
        ? Roster.Select(p => p.AnnualBookingsUsd).ToArray()
        : new PopulationGenerator(Rules).DrawAllBookings();

    public double TopBookingsShare => PopulationGenerator.TopShare(InitialBookings, Options.Population.TopPartnersShare);

    public IPartnerSource Source
    {
        get
        {
            if (Roster is not null) return new ListedPartners(Roster);
            var generator = new PopulationGenerator(Rules);
            return new GeneratedPartners(generator, generator.ComputeTierCuts(InitialBookings));
        }
    }
}
