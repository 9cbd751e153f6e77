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

    // Bucket counts by key, dense from _firstKey: adding is an array increment (the sketch is updated for every
    // losing partner in every quarter). Shortfalls span a few thousand keys at most ($0.01 to $10¹⁰).
    private long[] _counts = [];
    private int _firstKey;

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
        // Grown by doubling towards the new key, so a run of adds reallocates a few times at most.
        int end = _firstKey + _counts.Length;
        if (_counts.Length == 0) Cover(key - 32, key + 32);
        else if (key < _firstKey) Cover(Math.Min(key, end - 2 * _counts.Length), end);
        else if (key >= end) Cover(_firstKey, Math.Max(key + 1, _firstKey + 2 * _counts.Length));
        _counts[key - _firstKey] += count;
    }

    /// <summary>Makes room for keys in [first, end) in one step.</summary>
    private void Cover(int first, int end)
    {
        if (_counts.Length == 0) { _counts = new long[end - first]; _firstKey = first; return; }
        int from = Math.Min(first, _firstKey), to = Math.Max(end, _firstKey + _counts.Length);
        if (from == _firstKey && to == _firstKey + _counts.Length) return;
        var counts = new long[to - from];
        Array.Copy(_counts, 0, counts, _firstKey - from, _counts.Length);
        (_counts, _firstKey) = (counts, from);
    }

    public void Merge(QuantileSketch other)
    {
        if (other._counts.Length > 0) Cover(other._firstKey, other._firstKey + other._counts.Length);
        Count += other.Count;
        ZeroCount += other.ZeroCount;
        foreach (var (k, c) in other.Buckets) AddBucket(k, c);
    }

    /// <summary>The value at rank floor(q × (n − 1)) in cents (the lower median for q = 0.5); null when empty.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0) return null;
        long rank = (long)Math.Floor(q * (Count - 1));
        if (rank < ZeroCount) return 0;
        long seen = ZeroCount;
        int last = 0;
        foreach (var (k, c) in Buckets)
        {
            seen += c;
            if (seen > rank) return 2 * Math.Pow(Gamma, k) / (Gamma + 1);
            last = k;
        }
        return 2 * Math.Pow(Gamma, last) / (Gamma + 1);
    }

    /// <summary>The non-empty buckets (key, count), in key order.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets
    {
        get
        {
            for (int i = 0; i < _counts.Length; i++)
                if (_counts[i] != 0) yield return new(_firstKey + i, _counts[i]);
        }
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(ZeroCount);
        w.Write(_counts.Count(c => c != 0));
        foreach (var (k, c) in Buckets) { w.Write(k); w.Write(c); }
    }

    public static QuantileSketch ReadFrom(BinaryReader r)
    {
        var s = new QuantileSketch();
        long zeros = r.ReadInt64();
        s.ZeroCount = zeros; s.Count = zeros;
        int n = r.ReadInt32();
        var buckets = new (int Key, long Count)[n];
        for (int i = 0; i < n; i++) buckets[i] = (r.ReadInt32(), r.ReadInt64());
        // Sized once to the keys present (they come in key order), not grown bucket by bucket: a cohort's
        // result is copied this way on every call.
        if (n > 0) s.Cover(buckets[0].Key, buckets[^1].Key + 1);
        foreach (var (k, c) in buckets)
        {
            s.AddBucket(k, c);
            s.Count += c;
        }
        return s;
    }
}
