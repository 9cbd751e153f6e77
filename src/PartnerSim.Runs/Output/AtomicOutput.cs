namespace PartnerSim.Runs.Output;

/// <summary>
/// Writes a run's files into a temporary sibling directory and moves it into place only when everything was
/// written, so a failed or interrupted run never leaves partial output behind.
/// </summary>
public static class AtomicOutput
{
    public static void WriteDirectory(string target, Action<string> write)
    {
        using var output = OutputDirectory.Begin(target);
        write(output.Path);
        output.Commit();
    }

    public static void WriteFile(string target, Action<Stream> write)
    {
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".tmp-{Environment.ProcessId}";
        // Also when the process exits first (a second Ctrl+C exits at once).
        EventHandler removeTemp = (_, _) => File.Delete(temp);
        AppDomain.CurrentDomain.ProcessExit += removeTemp;
        try
        {
            using (var stream = File.Create(temp)) write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= removeTemp;
        }
    }
}
