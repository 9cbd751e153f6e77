namespace PartnerSim.Model.Options;

/// <summary>Where a default value comes from (rule book, top): published, seed documents, or an assumption.</summary>
public enum Provenance { Pub, Seed, Asm }

/// <summary>
/// Tags an option with its provenance and says, in one line, what it is. The run report lists every
/// Seed and Asm value a run used, read off these attributes, so a new parameter is reported by being declared.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamAttribute(Provenance tag, string description) : Attribute
{
    public Provenance Tag { get; } = tag;
    public string Description { get; } = description;
}
