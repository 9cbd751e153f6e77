namespace PartnerSim.Runs.Output;

/// <summary>
/// A run's output directory being written: files go into a temporary sibling directory, which moves into place only
/// on <see cref="Commit"/>. Disposed without a commit (a failure, a cancellation) it is deleted, so no partial output
/// is ever left where the output belongs; so it is when the process exits first (a second Ctrl+C exits at once).
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private readonly string _target;
    private readonly Lock _settling = new();
    private bool _settled;

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
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public static OutputDirectory Begin(string target) => new(target);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Moves the finished directory into place, replacing what was there.</summary>
    public void Commit()
    {
        lock (_settling)
        {
            if (_settled) throw new InvalidOperationException($"{_target}: already committed or abandoned");
            if (Directory.Exists(_target)) Directory.Delete(_target, recursive: true);
            Directory.Move(Path, _target);
            _settled = true;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Abandon();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try { Abandon(); }
        catch (IOException) { } // the process is going anyway; nothing more can be done
        catch (UnauthorizedAccessException) { }
    }

    private void Abandon()
    {
        lock (_settling)
        {
            if (_settled) return;
            _settled = true;
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
    }
}
