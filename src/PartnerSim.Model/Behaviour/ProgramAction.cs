namespace PartnerSim.Model.Behaviour;

/// <summary>The paid actions of §6.2, in the table's order (ties in gain per cost go to the earlier one).</summary>
public enum ProgramAction : byte
{
    PreSalesAap,
    BlackBeltTraining,
    CareerCertifications,
    ValidateCspmBasic,
    ValidateMspmBasic,
    CspmIntermediate,
    MspmIntermediate,
    CspmExpert,
    MspmExpert,
}
