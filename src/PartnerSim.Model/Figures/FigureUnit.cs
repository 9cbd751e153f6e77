namespace PartnerSim.Model.Figures;

/// <summary>What a figure counts or sums, and so how its stored integers are written out.</summary>
public enum FigureUnit
{
    /// <summary>A number of partners.</summary>
    Partners,
    /// <summary>A number of deals.</summary>
    Deals,
    /// <summary>Money, stored in exact cents and written in dollars.</summary>
    Usd,
    /// <summary>A PVI, stored × 100 and written with two decimals.</summary>
    Pvi,
    /// <summary>A share or ratio, written with four decimals.</summary>
    Ratio,
}

public static class FigureUnits
{
    /// <summary>A stored integer in the unit's written form (cents to dollars, PVI × 100 to PVI, always two decimals).</summary>
    public static decimal Written(this FigureUnit unit, long stored) => unit switch
    {
        FigureUnit.Usd or FigureUnit.Pvi => stored * 0.01m,
        _ => stored,
    };

    /// <summary>A value in stored units (a sketch quantile, a mean) in written form, rounded to the unit's precision.</summary>
    public static decimal Written(this FigureUnit unit, double stored) => unit switch
    {
        FigureUnit.Usd or FigureUnit.Pvi => Math.Round((decimal)stored / 100m, 2, MidpointRounding.AwayFromZero),
        _ => Math.Round((decimal)stored, 4, MidpointRounding.AwayFromZero),
    };
}
