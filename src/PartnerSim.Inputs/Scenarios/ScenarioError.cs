namespace PartnerSim.Inputs.Scenarios;

/// <summary>
/// One problem in a scenario file, located at the line and column where it appears (1-based).
/// <see cref="KeyPath"/> is the dotted camelCase path of the offending key, e.g. <c>money.landRatePct.networking</c>;
/// it is empty for YAML syntax errors.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string KeyPath, string Message)
{
    public override string ToString()
    {
        var message = Message.Replace('\r', ' ').Replace('\n', ' ');
        return KeyPath.Length == 0
            ? $"{File}:{Line}:{Column}: {message}"
            : $"{File}:{Line}:{Column}: {KeyPath}: {message}";
    }
}

/// <summary>Thrown by <see cref="ScenarioLoader"/> with every error found in a scenario (and the files it extends).</summary>
public sealed class ScenarioException : Exception
{
    public IReadOnlyList<ScenarioError> Errors { get; }

    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }
}
