using System.Globalization;
using PartnerSim.Grains.Faults;

namespace PartnerSim.Silo.Faults;

/// <summary>
/// Kills this process (SIGKILL: no graceful shutdown, no membership update) when it has stepped its k-th leaf of a given
/// quarter, before that leaf answers: the leaf's partners have applied and written the quarter, the quarter itself is
/// not complete. Tests and the failure drill lose a silo that way at a known point half-way through a quarter. Set by
/// <c>PARTNERSIM_KILL_AT_LEAF_STEP=quarter=Q,step=K[,once=FILE]</c>: with <c>once</c>, only the first process to create
/// FILE dies, so the same setting can be given to every silo of a cluster and exactly one of them is lost.
/// </summary>
public sealed class KillAtLeafStep(int atQuarter, int atStep, string? once) : ILeafStepFault
{
    public const string Variable = "PARTNERSIM_KILL_AT_LEAF_STEP";

    private int _seen;

    public void Stepped(int quarter)
    {
        if (quarter != atQuarter || Interlocked.Increment(ref _seen) != atStep) return;
        if (once is not null && !Claim(once)) return;
        Console.Error.WriteLine($"{Variable}: killing this silo (process {Environment.ProcessId}) at leaf step {atStep} of quarter {atQuarter}");
        Console.Error.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }

    private static bool Claim(string file)
    {
        try
        {
            using var _ = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException) { return false; } // another silo claimed it
    }

    /// <summary>The fault the environment asks for; null when <see cref="Variable"/> is not set.</summary>
    /// <exception cref="ArgumentException">The setting is malformed (named in the message).</exception>
    public static KillAtLeafStep? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text ? Parse(text) : null;

    public static KillAtLeafStep Parse(string text)
    {
        int? quarter = null, step = null;
        string? once = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=') is var eq and > 0 ? (part[..eq], part[(eq + 1)..]) : (part, "");
            switch (key)
            {
                case "quarter": quarter = Number(key, value, min: 0); break;
                case "step": step = Number(key, value, min: 1); break;
                case "once": once = value.Length > 0 ? value : throw new ArgumentException($"{Variable}: once needs a file path"); break;
                default: throw new ArgumentException($"{Variable}: unknown key '{key}' (expected quarter=Q,step=K[,once=FILE])");
            }
        }
        return new KillAtLeafStep(quarter ?? throw new ArgumentException($"{Variable}: quarter=Q is missing"), step ?? 1, once);
    }

    private static int Number(string key, string value, int min) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min
            ? n : throw new ArgumentException($"{Variable}: {key}: '{value}' is not a whole number of at least {min}");
}
