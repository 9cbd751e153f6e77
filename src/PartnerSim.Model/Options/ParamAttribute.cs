namespace PartnerSim.Model.Options;

/// <summary>
/// Where a default value comes from (rule book, top): published, seed documents, an assumption, or a seed
/// claim whose value is assumed (SeedAsm, the rule book's "seed+asm").
/// </summary>
public enum Provenance { Pub, Seed, Asm, SeedAsm }

public static class ProvenanceTags
{
    /// <summary>The rule book's tag: pub, seed, asm or seed+asm.</summary>
    public static string Tag(this Provenance p) => p switch
    {
        Provenance.Pub => "pub",
        Provenance.Seed => "seed",
        Provenance.Asm => "asm",
        _ => "seed+asm",
    };
}

/// <summary>
/// Tags an option with its provenance and says, in one line, what it is. The run report lists every
/// Seed, Asm and SeedAsm value a run used, read off these attributes, so a new parameter is reported by being declared.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamAttribute(Provenance tag, string description) : Attribute
{
    public Provenance Tag { get; } = tag;
    public string Description { get; } = description;
}
