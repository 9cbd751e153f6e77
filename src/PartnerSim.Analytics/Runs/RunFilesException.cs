namespace PartnerSim.Analytics.Runs;

/// <summary>A run directory that cannot be read: the message names the file and what is wrong with it.</summary>
public sealed class RunFilesException(string message, Exception? inner = null) : Exception(message, inner);
