namespace PartnerSim.Runs.Output;

/// <summary>
/// A run's output directory being written: files go into a temporary sibling directory, which moves into place only
/// on <see cref="Commit"/>. Disposed without a commit (a failure, a cancellation) it is deleted, so no partial output
/// is ever left where the output belongs.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly string _target;
    private bool _committed;

    /// <summary>Where the files are written until the commit.</summary>
    public string Path { get; }

    private OutputDirectory(string target)
    {
        _target = System.IO.Path.GetFullPath(target);
        var parent = System.IO.Path.GetDirectoryName(_target)!;
        Directory.CreateDirectory(parent);
        Path = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(_target)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(Path);
    }

    public static OutputDirectory Begin(string target) => new(target);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Moves the finished directory into place, replacing what was there.</summary>
    public void Commit()
    {
        if (Directory.Exists(_target)) Directory.Delete(_target, recursive: true);
        Directory.Move(Path, _target);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
