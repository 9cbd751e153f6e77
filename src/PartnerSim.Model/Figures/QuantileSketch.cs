namespace PartnerSim.Model.Figures;

/// <summary>How a <see cref="QuantileSketch"/> maps values to buckets (one instance per mapping, compared by reference).</summary>
public sealed class SketchMapping
{
    /// <summary>One bucket per integer: quantiles are exact. For small integer domains such as PVI × 100.</summary>
    public static readonly SketchMapping Exact = new(0);

    /// <summary>
    /// Logarithmic buckets (DDSketch, Masson et al., VLDB 2019): a reported quantile is within 0.5% of a true value of
    /// that rank. The fat middle's median shortfall has always been read this way.
    /// </summary>
    public static readonly SketchMapping Relative = new(0.005);

    /// <summary>
    /// Logarithmic buckets within 1%: half the buckets of <see cref="Relative"/>, for the many segment cells' money
    /// quantiles, whose dense stores would otherwise crowd the processor's caches on every partner-quarter.
    /// </summary>
    public static readonly SketchMapping RelativeOnePercent = new(0.01);

    private readonly double _gamma, _logGamma;

    private SketchMapping(double relativeAccuracy)
    {
        RelativeAccuracy = relativeAccuracy;
        _gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _logGamma = Math.Log(_gamma);
    }

    /// <summary>0 for exact buckets; otherwise the bound on a quantile's relative error.</summary>
    public double RelativeAccuracy { get; }

    internal int KeyOf(long magnitude) =>
        RelativeAccuracy == 0 ? checked((int)magnitude) : (int)Math.Ceiling(Math.Log(magnitude) / _logGamma);

    /// <summary>The value a bucket stands for: the key itself when exact, else the bucket's relative midpoint.</summary>
    internal double ValueOf(int key) => RelativeAccuracy == 0 ? key : 2 * Math.Pow(_gamma, key) / (_gamma + 1);
}

/// <summary>
/// A mergeable quantile sketch over signed integer values. Buckets hold integer counts, so merging is exact,
/// associative and commutative: a quantile reduced through any tree of cohort grains, or any split of the partners
/// between threads, is the same number.
/// </summary>
public sealed class QuantileSketch(SketchMapping? mapping = null)
{
    /// <summary>The accuracy of the default mapping, <see cref="SketchMapping.Relative"/>.</summary>
    public const double RelativeAccuracy = 0.005;

    // Positive values by key, negative values by the key of their magnitude.
    private readonly BucketStore _positive = new(), _negative = new();

    public SketchMapping Mapping { get; } = mapping ?? SketchMapping.Relative;
    public long ZeroCount { get; private set; }
    public long Count { get; private set; }

    public void Add(long value)
    {
        Count++;
        if (value == 0) ZeroCount++;
        else if (value > 0) _positive.Add(KeyOf(value), 1);
        else _negative.Add(KeyOf(-value), 1);
    }

    private int KeyOf(long magnitude) => Mapping.KeyOf(magnitude);

    private double ValueOf(int key) => Mapping.ValueOf(key);

    public void Merge(QuantileSketch other)
    {
        if (other.Mapping != Mapping) throw new ArgumentException("sketches of different mappings do not merge", nameof(other));
        Count += other.Count;
        ZeroCount += other.ZeroCount;
        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
    }

    /// <summary>The value at rank floor(q × (n − 1)) (the lower median for q = 0.5); null when empty.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0) return null;
        long rank = (long)Math.Floor(q * (Count - 1));
        foreach (var (value, count) in Ascending())
        {
            if (rank < count) return value;
            rank -= count;
        }
        throw new InvalidOperationException("sketch counts do not add up");
    }

    /// <summary>Every bucket as (value it stands for, count), from the most negative value to the largest.</summary>
    public IEnumerable<(double Value, long Count)> Ascending()
    {
        foreach (var (k, c) in _negative.Buckets().Reverse()) yield return (-ValueOf(k), c);
        if (ZeroCount > 0) yield return (0, ZeroCount);
        foreach (var (k, c) in _positive.Buckets()) yield return (ValueOf(k), c);
    }

    /// <summary>The non-empty buckets of positive values (key, count), in key order.</summary>
    public IEnumerable<KeyValuePair<int, long>> Buckets => _positive.Buckets().Select(b => new KeyValuePair<int, long>(b.Key, b.Count));

    public void WriteTo(BinaryWriter w)
    {
        w.Write(ZeroCount);
        Write(w, _positive);
        Write(w, _negative);
    }

    private static void Write(BinaryWriter w, BucketStore store)
    {
        w.Write(store.BucketCount);
        foreach (var (k, c) in store.Buckets()) { w.Write(k); w.Write(c); }
    }

    public static QuantileSketch ReadFrom(BinaryReader r, SketchMapping mapping)
    {
        var s = new QuantileSketch(mapping);
        s.ZeroCount = s.Count = r.ReadInt64();
        s.Count += Read(r, s._positive) + Read(r, s._negative);
        return s;
    }

    private static long Read(BinaryReader r, BucketStore store)
    {
        long total = 0;
        for (int i = r.ReadInt32(); i > 0; i--)
        {
            int key = r.ReadInt32();
            int count = r.ReadInt32();
            store.Add(key, count);
            total += count;
        }
        return total;
    }
}
