using System.Text.Json;
using PartnerSim.Analytics.Bench;
using PartnerSim.Cli.Commands;

namespace PartnerSim.Tests.Bench;

/// <summary>
/// The bench's code path with tiny numbers: every figure is there and positive, and the ratios are the quotients
/// of the figures. No time or speed is asserted. In the "Console" collection (run alone), because the heap
/// figure is a whole-process GC measurement that other tests running alongside would disturb.
/// </summary>
[Collection("Console")]
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Bench_OnTinyPopulation_GivesPositiveFigures_And_RatiosOfThem()
    {
        var labels = new List<string>();
        var settings = new BenchCommand.Settings(Partners: 1024, Quarters: 2, Repetitions: 1);
        var r = await BenchCommand.Measure(settings, (label, _) => labels.Add(label));

        Assert.Equal((1024, 2, 1), (r.Partners, r.Quarters, r.Repetitions));
        Assert.Equal(settings.Steps, labels.Count);
        Assert.Equal(Environment.ProcessorCount, r.Machine.ProcessorCount);
        Assert.False(string.IsNullOrEmpty(r.Machine.Os));
        Assert.False(string.IsNullOrEmpty(r.Machine.Runtime));

        Assert.All(new[]
        {
            r.EngineLoop.PartnerQuartersPerSecond, r.EngineLoop.WallSeconds,
            r.EngineLoopDetail.PartnerQuartersPerSecond, r.EngineLoopDetail.WallSeconds,
            r.OrleansPing.CallsPerSecond, r.OrleansPing.ActivationSeconds,
            r.Simulation.SteadyPartnerQuartersPerSecond, r.Simulation.ActivationSeconds, r.Simulation.WallSeconds,
            r.SimulationCheckpointed.SteadyPartnerQuartersPerSecond, r.SimulationCheckpointed.ActivationSeconds,
            r.SimulationCheckpointed.WallSeconds,
            r.Memory.HeapBytesPerPartner, r.Memory.PeakWorkingSetBytes,
        }, figure => Assert.True(figure > 0 && double.IsFinite(figure), $"figure {figure} should be positive"));
        // Every call allocates something (a message at least); pauses are a share of the phase's wall time.
        Assert.All(new[] { r.OrleansPing.Gc, r.Simulation.Gc, r.SimulationCheckpointed.Gc }, gc =>
        {
            Assert.True(gc.AllocatedBytesPerCall > 0, $"allocated {gc.AllocatedBytesPerCall} bytes per call");
            Assert.InRange(gc.PauseShare, 0, 1);
        });
        Assert.Equal(0, r.Simulation.CheckpointEvery);
        Assert.Equal(1, r.SimulationCheckpointed.CheckpointEvery);

        Assert.Equal(r.Simulation.SteadyPartnerQuartersPerSecond / r.OrleansPing.CallsPerSecond, r.SimVsPing);
        Assert.Equal(r.Simulation.SteadyPartnerQuartersPerSecond / r.EngineLoop.PartnerQuartersPerSecond, r.SimVsEngine);
        Assert.Equal(1 - r.EngineLoopDetail.PartnerQuartersPerSecond / r.EngineLoop.PartnerQuartersPerSecond, r.DetailCost);

        // The JSON carries the same figures, and its ratios are the quotients of its own figures.
        using var stream = new MemoryStream();
        r.WriteJson(stream);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        double sim = root.GetProperty("simulation").GetProperty("steadyPartnerQuartersPerSecond").GetDouble();
        double ping = root.GetProperty("orleansPing").GetProperty("callsPerSecond").GetDouble();
        double engine = root.GetProperty("engineLoop").GetProperty("partnerQuartersPerSecond").GetDouble();
        Assert.Equal(r.Simulation.SteadyPartnerQuartersPerSecond, sim);
        Assert.Equal(sim / ping, root.GetProperty("simVsPing").GetDouble(), 12);
        Assert.Equal(sim / engine, root.GetProperty("simVsEngine").GetDouble(), 12);
        double detail = root.GetProperty("engineLoopDetail").GetProperty("partnerQuartersPerSecond").GetDouble();
        Assert.Equal(1 - detail / engine, root.GetProperty("detailCost").GetDouble(), 12);
        Assert.Equal(1024, root.GetProperty("partners").GetInt32());
        Assert.True(root.GetProperty("memory").GetProperty("heapBytesPerPartner").GetDouble() > 0);
        Assert.Equal(r.Simulation.Gc.PauseShare, root.GetProperty("simulation").GetProperty("gc").GetProperty("pauseShare").GetDouble());
        Assert.Equal(r.OrleansPing.Gc.AllocatedBytesPerCall, root.GetProperty("orleansPing").GetProperty("gc").GetProperty("allocatedBytesPerCall").GetDouble());
    }

    [Fact]
    public void Median_IsTheMiddleSample_OrTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(2.0, BenchReport.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, BenchReport.Median([4.0, 1.0, 2.0, 3.0]));
        Assert.Equal(7.0, BenchReport.Median([7.0]));
    }
}
