using PartnerSim.Model.Options;

namespace PartnerSim.Inputs.Scenarios;

/// <summary>The scenario format's dotted keys (<c>rules.grace.basis</c>) as the options types declare them.</summary>
public static class ScenarioKeys
{
    /// <summary>The type of the value a dotted key sets (nullable unwrapped), or null for a key the format lacks.</summary>
    public static Type? ValueType(string dottedKey)
    {
        Type type = typeof(ScenarioOptions);
        foreach (var name in dottedKey.Split('.'))
        {
            var prop = ScenarioBinder.OptionProperties(type)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (prop is null) return null;
            type = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
        }
        return type;
    }

    public static bool IsWholeNumber(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(ulong);

    public static bool IsNumber(Type type) => type == typeof(double) || IsWholeNumber(type);
}
