using System.Diagnostics;
using PartnerSim.Inputs;
using PartnerSim.Runs;
using PartnerSim.Runs.Experiments;
using PartnerSim.Tests.Integration;

namespace PartnerSim.Tests.Experiments;

/// <summary>An experiment run once without interruption, on one run at a time: what every resumed or parallel run must reproduce.</summary>
public sealed class UninterruptedExperiment : IAsyncLifetime
{
    public const int Partners = 500, Runs = 6 * 4;
    private readonly TempDir _tmp = new();

    public string File { get; private set; } = "";
    public string Reference => _tmp.File("reference");

    /// <summary>Every file of the results but the charts (their bytes are the renderer's business).</summary>
    public static readonly string[] ComparedFiles = ["experiment.parquet", "experiment.csv", "points.csv", "swings.csv", "replicates.csv", "summary.json"];

    public async Task InitializeAsync()
    {
        File = _tmp.Write("resume.yaml", $"""
            base: {RepoPaths.Scenario("cisco360-launch.yaml")}
            seed: 4242
            replicates: 4
            design: {"{"} method: lhs, samples: 6 {"}"}
            factors:
              rules.partnerThreshold: {"{"} low: 4, high: 6 {"}"}
              behaviour.pAware: {"{"} low: 0.02, high: 0.5, distribution: logUniform {"}"}
            outputs:
              fatMiddleShortfallAtLaunchUsd: fatMiddle.shortfallUsd@launch
              partnerPlusAtEnd: partnerPlus@end
            """);
        await Experiment.Run(Plan(), Reference, Inproc, parallel: 1);
    }

    public ExperimentPlan Plan() => ExperimentPlan.Load(File, Partners);

    public static readonly RunSettings Inproc = new() { Engine = EngineKind.Inproc };

    public void AssertSameResults(string outDir)
    {
        foreach (var name in ComparedFiles)
            Assert.True(System.IO.File.ReadAllBytes(Path.Combine(Reference, name)).SequenceEqual(System.IO.File.ReadAllBytes(Path.Combine(outDir, name))),
                $"{name} differs from the uninterrupted experiment's");
        Assert.False(Directory.Exists(outDir + ".partial"), "the progress record is removed once the results are written");
    }

    public Task DisposeAsync()
    {
        _tmp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// An interrupted experiment resumes with the same command: finished runs are not redone, and the results are the
/// same files, byte for byte, as an uninterrupted run's, however it was stopped and however many runs went at once.
/// </summary>
[Collection("Console")]
public sealed class ExperimentResumeTests(UninterruptedExperiment reference) : IClassFixture<UninterruptedExperiment>, IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Runs the experiment in this process and cancels it once <paramref name="runs"/> runs are recorded.</summary>
    private async Task StopAfter(string outDir, int runs)
    {
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Experiment.Run(reference.Plan(), outDir,
            UninterruptedExperiment.Inproc, parallel: 1, p => { if (p.Done >= runs) cancel.Cancel(); }, cancel.Token));
    }

    private static string[] RecordedLines(string outDir) =>
        File.ReadAllLines(Path.Combine(ProgressRecord.DirectoryFor(outDir), "runs.jsonl"));

    [Fact]
    public async Task CancelledAfterFiveRuns_ThenResumed_WritesTheUninterruptedFiles_WithoutRedoingRuns()
    {
        var outDir = _tmp.File("out");
        await StopAfter(outDir, 5);
        Assert.False(Directory.Exists(outDir));
        Assert.Equal(5, RecordedLines(outDir).Length);

        // A crash mid-append leaves half a line: it is dropped and its run done again.
        File.AppendAllText(Path.Combine(ProgressRecord.DirectoryFor(outDir), "runs.jsonl"), "{\"point\":5,\"replicate\":1,\"se");

        int firstRun = -1;
        var outcome = await Experiment.Run(reference.Plan(), outDir, UninterruptedExperiment.Inproc, parallel: 1,
            p => { if (firstRun < 0) firstRun = p.Done; });
        Assert.Equal((5, UninterruptedExperiment.Runs - 5), (outcome.Resumed, outcome.Ran));
        Assert.Equal(5, firstRun);
        reference.AssertSameResults(outDir);
    }

    [Fact]
    public async Task ThreeRunsAtOnce_WriteTheSameFilesAsOne()
    {
        var outDir = _tmp.File("parallel");
        await Experiment.Run(reference.Plan(), outDir, UninterruptedExperiment.Inproc, parallel: 3);
        reference.AssertSameResults(outDir);
    }

    [Fact]
    public async Task KilledProcess_ThenTheSameCommand_WritesTheUninterruptedFiles()
    {
        var outDir = _tmp.File("killed");
        using (var child = await Child.StartAndWait(reference.File, outDir, 3))
        {
            child.Process.Kill(); // SIGKILL: no handler runs, whatever was being written stays as it was
            await child.Process.WaitForExitAsync();
        }
        Assert.False(Directory.Exists(outDir));
        int recorded = RecordedLines(outDir).Length;
        Assert.InRange(recorded, 3, UninterruptedExperiment.Runs - 1);

        var r = await CliRunner.Run("experiment", reference.File, "--partners", UninterruptedExperiment.Partners.ToString(), "--out", outDir);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains($"{UninterruptedExperiment.Runs} runs (", r.Out);
        Assert.Contains(" recorded earlier)", r.Out);
        reference.AssertSameResults(outDir);
    }

    [Fact]
    public async Task CtrlC_StopsWithinSeconds_ExitCode130_AndTheRecordResumes()
    {
        var outDir = _tmp.File("interrupted");
        using (var child = await Child.StartAndWait(reference.File, outDir, 2))
        {
            using (var kill = Process.Start("kill", ["-INT", child.Process.Id.ToString()])) await kill.WaitForExitAsync();
            var clock = Stopwatch.StartNew();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await child.Process.WaitForExitAsync(limit.Token);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(130, child.Process.ExitCode);
            Assert.Contains("cancelled after ", await child.Err);
            Assert.Contains("the same command resumes", await child.Err);
        }
        Assert.False(Directory.Exists(outDir));

        await Experiment.Run(reference.Plan(), outDir, UninterruptedExperiment.Inproc, parallel: 2);
        reference.AssertSameResults(outDir);
    }

    [Fact]
    public async Task AnotherExperimentOnTheSameRecord_IsRefused_AndTheRecordKept()
    {
        var outDir = _tmp.File("changed");
        await StopAfter(outDir, 2);

        // The same file on more partners is another experiment.
        var r = await CliRunner.Run("experiment", reference.File, "--partners", "1000", "--quiet", "--out", outDir);
        Assert.Equal(2, r.Code);
        Assert.Contains("holds an unfinished experiment that differs from this one", r.Err);
        Assert.Equal(2, RecordedLines(outDir).Length);

        await Assert.ThrowsAsync<BadInputException>(() => Experiment.Run(ExperimentPlan.Load(reference.File, 1000), outDir,
            UninterruptedExperiment.Inproc, parallel: 1));
    }

    [Fact]
    public void ASecondProcessOnTheSameRecord_IsRefused()
    {
        var outDir = _tmp.File("twice");
        using var first = ProgressRecord.Open(outDir, reference.Plan().Setup);
        var e = Assert.Throws<BadInputException>(() => ProgressRecord.Open(outDir, reference.Plan().Setup));
        Assert.Contains("another process is running this experiment", e.Message);
    }

    [Fact]
    public async Task FinishedExperiment_IsNotRunAgain()
    {
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(reference.Reference, "experiment.parquet"));
        var outcome = await Experiment.Run(reference.Plan(), reference.Reference, UninterruptedExperiment.Inproc, parallel: 1);
        Assert.True(outcome.AlreadyDone);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(reference.Reference, "experiment.parquet")));
    }

    /// <summary>The partnersim CLI in a process of its own, running the experiment quietly.</summary>
    private sealed record Child(Process Process, Task<string> Err) : IDisposable
    {
        /// <summary>Starts the child and returns once it has recorded at least <paramref name="runs"/> runs; fails if it ends first.</summary>
        public static async Task<Child> StartAndWait(string file, string outDir, int runs)
        {
            var child = Start(file, outDir);
            var record = Path.Combine(ProgressRecord.DirectoryFor(outDir), "runs.jsonl");
            var clock = Stopwatch.StartNew();
            try
            {
                while (!(File.Exists(record) && Lines(record) >= runs))
                {
                    if (child.Process.HasExited)
                        Assert.Fail($"the child ended (exit {child.Process.ExitCode}) before recording {runs} runs: {await child.Err}");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "no runs recorded within 60 s");
                    await Task.Delay(20);
                }
                return child;
            }
            catch
            {
                child.Dispose();
                throw;
            }
        }

        private static Child Start(string file, string outDir)
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
            var psi = new ProcessStartInfo(host) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "partnersim.dll"), "experiment", file,
                         "--partners", UninterruptedExperiment.Partners.ToString(), "--quiet", "--out", outDir])
                psi.ArgumentList.Add(a);
            var process = Process.Start(psi)!;
            _ = process.StandardOutput.ReadToEndAsync();
            return new Child(process, process.StandardError.ReadToEndAsync());
        }

        private static int Lines(string path)
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            int n = 0;
            for (int b; (b = s.ReadByte()) >= 0;) if (b == '\n') n++;
            return n;
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill();
            Process.Dispose();
        }
    }
}
