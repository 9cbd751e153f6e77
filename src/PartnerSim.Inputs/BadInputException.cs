namespace PartnerSim.Inputs;

/// <summary>Bad input that is not in a file (an option or argument value): one line naming it, exit code 2.</summary>
public sealed class BadInputException(string message) : Exception(message);
