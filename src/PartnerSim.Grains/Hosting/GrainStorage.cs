namespace PartnerSim.Grains;

/// <summary>Names of the storage providers the grains use.</summary>
public static class GrainStorage
{
    public const string Partners = "partners";
}
