namespace PartnerSim.Model.Engine;

/// <summary>
/// A mergeable quantile sketch with relative error (DDSketch, Masson et al., VLDB 2019) over positive
/// amounts in cents. Buckets are integer counts, so merging is exact, associative and commutative: a median
/// reduced through any tree of cohort grains is the same number. A quantile it reports is within
/// <see cref="RelativeAccuracy"/> of a true sample value of that rank.
/// </summary>
public sealed class QuantileSketch
{
    public const double RelativeAccuracy = 0.005;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private readonly SortedDictionary<int, long> _buckets = new();

    /// <summary>Values ≤ 0 (counted, reported as 0).</summary>
    public long ZeroCount { get; private set; }
    public long Count { get; private set; }

    public void Add(long cents) => Add(cents, 1);

    private void Add(long cents, long count)
    {
        Count += count;
        if (cents <= 0) { ZeroCount += count; return; }
        AddBucket((int)Math.Ceiling(Math.Log(cents) / LogGamma), count);
    }

    private void AddBucket(int key, long count)
    {
        _buckets.TryGetValue(key, out var c);
        _buckets[key] = c + count;
    }

    public void Merge(QuantileSketch other)
    {
        Count += other.Count;
        ZeroCount += other.ZeroCount;
        foreach (var (k, c) in other._buckets) AddBucket(k, c);
    }

    /// <summary>The value at rank floor(q × (n − 1)) in cents (the lower median for q = 0.5); null when empty.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0) return null;
        long rank = (long)Math.Floor(q * (Count - 1));
        if (rank < ZeroCount) return 0;
        long seen = ZeroCount;
        foreach (var (k, c) in _buckets)
        {
            seen += c;
            if (seen > rank) return 2 * Math.Pow(Gamma, k) / (Gamma + 1);
        }
        return 2 * Math.Pow(Gamma, _buckets.Keys.Last()) / (Gamma + 1);
    }

    public IEnumerable<KeyValuePair<int, long>> Buckets => _buckets;

    public void WriteTo(BinaryWriter w)
    {
        w.Write(ZeroCount);
        w.Write(_buckets.Count);
        foreach (var (k, c) in _buckets) { w.Write(k); w.Write(c); }
    }

    public static QuantileSketch ReadFrom(BinaryReader r)
    {
        var s = new QuantileSketch();
        long zeros = r.ReadInt64();
        s.ZeroCount = zeros; s.Count = zeros;
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            int k = r.ReadInt32(); long c = r.ReadInt64();
            s.AddBucket(k, c);
            s.Count += c;
        }
        return s;
    }
}
