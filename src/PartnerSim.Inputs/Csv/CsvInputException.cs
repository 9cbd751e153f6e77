namespace PartnerSim.Inputs.Csv;

/// <summary>A bad input row: names the file, line and column so the message alone locates the problem.</summary>
public sealed class CsvInputException(string file, int line, string column, string message)
    : Exception($"{file}:{line}: {column}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Column { get; } = column;
}
