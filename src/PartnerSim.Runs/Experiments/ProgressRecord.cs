using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerSim.Analytics.Experiments;
using PartnerSim.Inputs;

namespace PartnerSim.Runs.Experiments;

/// <summary>
/// The durable record of an experiment under way, in <c>DIR.partial/</c> beside its output directory:
/// <c>experiment.json</c> (the experiment's fingerprint) and <c>runs.jsonl</c>, one line per finished run, appended
/// as each run ends. A rerun of the same command reads it back and skips those runs. A line cut
/// short by a crash is dropped (its run is done again); a record of another experiment is refused, never mixed in.
/// </summary>
public sealed class ProgressRecord : IDisposable
{
    private const string ExperimentFile = "experiment.json", RunsFile = "runs.jsonl", LockFile = "lock";
    private readonly FileStream _runs, _lock;
    private readonly Lock _appending = new();

    private ProgressRecord(string directory, FileStream runs, FileStream held, IReadOnlyList<ExperimentRun> finished) =>
        (Directory, _runs, _lock, Finished) = (directory, runs, held, finished);

    /// <summary>The record's directory, <c>DIR.partial</c>.</summary>
    public string Directory { get; }

    /// <summary>The runs recorded before this session, in the order they finished.</summary>
    public IReadOnlyList<ExperimentRun> Finished { get; }

    public static string DirectoryFor(string outputDirectory) =>
        Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".partial";

    /// <summary>Opens the record of <paramref name="setup"/>'s experiment for <paramref name="outputDirectory"/>, resuming it if there is one.</summary>
    public static ProgressRecord Open(string outputDirectory, ExperimentSetup setup)
    {
        var dir = DirectoryFor(outputDirectory);
        var experimentPath = Path.Combine(dir, ExperimentFile);
        var runsPath = Path.Combine(dir, RunsFile);
        if (File.Exists(experimentPath))
        {
            var recorded = ReadFingerprint(experimentPath);
            if (recorded != setup.Fingerprint)
                throw new BadInputException($"{dir}: holds an unfinished experiment that differs from this one (another experiment " +
                    "file, base scenario, --partners or --sample-size, or another build of the rule engine); delete it to start " +
                    "this one, or give another --out");
        }
        else
        {
            System.IO.Directory.CreateDirectory(dir);
            var text = new JsonObject { ["experiment"] = setup.Name, ["fingerprint"] = setup.Fingerprint, ["runs"] = setup.Runs }.ToJsonString();
            File.WriteAllText(experimentPath + ".tmp", text + "\n");
            File.Move(experimentPath + ".tmp", experimentPath, overwrite: true);
        }
        // One process at a time: the lock file is held open exclusively (the runs file stays readable to others).
        FileStream held;
        try { held = new FileStream(Path.Combine(dir, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException)
        {
            throw new BadInputException($"{dir}: another process is running this experiment; wait for it, or stop it and run the command again");
        }
        var stream = new FileStream(runsPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var finished = ReadRuns(stream, setup, out long validLength);
        stream.SetLength(validLength); // a line cut short by a crash goes; appends continue after the last whole line
        stream.Seek(validLength, SeekOrigin.Begin);
        return new ProgressRecord(dir, stream, held, finished);
    }

    /// <summary>
    /// Appends a finished run and hands it to the operating system before returning, so a killed process loses nothing
    /// recorded. It is not forced to the disk (an fsync per run cost more than a small run): after a power cut the
    /// last lines may be missing or garbled, and those runs are simply done again.
    /// </summary>
    public void Append(ExperimentRun run)
    {
        var line = new JsonObject
        {
            ["point"] = run.Point,
            ["replicate"] = run.Replicate,
            ["seed"] = run.Seed.ToString(CultureInfo.InvariantCulture),
            ["digest"] = run.Digest,
            ["outputs"] = new JsonArray(run.Outputs.Select(v => v is { } d ? JsonValue.Create(d) : null).ToArray<JsonNode?>()),
        }.ToJsonString() + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_appending)
        {
            _runs.Write(bytes);
            _runs.Flush();
        }
    }

    /// <summary>Removes the record, once the experiment's outputs are in place.</summary>
    public void Delete()
    {
        Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public void Dispose()
    {
        _runs.Dispose();
        _lock.Dispose();
    }

    private static string? ReadFingerprint(string path)
    {
        try { return JsonNode.Parse(File.ReadAllText(path))?["fingerprint"]?.GetValue<string>(); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IOException) { return null; }
    }

    /// <summary>The whole, valid lines from the start; <paramref name="validLength"/> is where the first other one begins.</summary>
    private static List<ExperimentRun> ReadRuns(Stream stream, ExperimentSetup setup, out long validLength)
    {
        var runs = new List<ExperimentRun>();
        var done = new HashSet<int>();
        validLength = 0;
        stream.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        int start = 0;
        for (int end; (end = Array.IndexOf(bytes, (byte)'\n', start)) >= 0; start = end + 1)
        {
            var run = Parse(Encoding.UTF8.GetString(bytes, start, end - start), setup);
            if (run is null || !done.Add(setup.RunIndex(run.Point, run.Replicate))) break;
            runs.Add(run);
            validLength = end + 1;
        }
        return runs;
    }

    private static ExperimentRun? Parse(string line, ExperimentSetup setup)
    {
        try
        {
            var o = JsonNode.Parse(line)!.AsObject();
            int point = o["point"]!.GetValue<int>(), replicate = o["replicate"]!.GetValue<int>();
            var seed = ulong.Parse(o["seed"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var outputs = o["outputs"]!.AsArray().Select(v => v?.GetValue<decimal>()).ToArray();
            if (point < 0 || point >= setup.Points || replicate < 0 || replicate >= setup.Replicates
                || seed != setup.ReplicateSeeds[replicate] || outputs.Length != setup.Outputs.Count)
                return null;
            return new ExperimentRun(point, replicate, seed, o["digest"]!.GetValue<string>(), outputs);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or NullReferenceException)
        {
            return null;
        }
    }
}
