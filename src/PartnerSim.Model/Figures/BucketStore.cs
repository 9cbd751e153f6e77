namespace PartnerSim.Model.Figures;

/// <summary>
/// Counts by integer key, for a <see cref="QuantileSketch"/> (32-bit: a quarter counts at most the population, which the
/// scenario limits keep far below 2³¹). A store starts sparse (sorted keys beside their
/// counts) and turns dense (one slot per key from the lowest) once it holds more than <see cref="SparseLimit"/> keys.
/// Most stores of a quarter are small: a segment cell of a 2,048-partner leaf holds a handful of partners spread over
/// a thousand keys, which a dense array would hold in kilobytes of zeros; the few large ones (whole tiers, a worker's
/// share of the population) are dense, where adding is an array increment.
/// </summary>
internal sealed class BucketStore
{
    public const int SparseLimit = 48;

    // Sparse: _keys[0.._n) ascending with _counts beside them. Dense (_keys is null): _counts[k - _first].
    private int[]? _keys = new int[4];
    private int[] _counts = new int[4];
    private int _n, _first;

    public bool IsDense => _keys is null;

    public void Add(int key, int count)
    {
        if (_keys is null) { AddDense(key, count); return; }
        // A handful of sorted keys: a vectorised scan finds a key faster than a binary search does.
        var keys = _keys.AsSpan(0, _n);
        int i = keys.IndexOf(key);
        if (i >= 0) { _counts[i] += count; return; }
        if (_n == SparseLimit) { ToDense(); AddDense(key, count); return; }
        i = keys.IndexOfAnyInRange(key, int.MaxValue);
        if (i < 0) i = _n;
        if (_n == _keys.Length)
        {
            Array.Resize(ref _keys, _n * 2);
            Array.Resize(ref _counts, _n * 2);
        }
        Array.Copy(_keys, i, _keys, i + 1, _n - i);
        Array.Copy(_counts, i, _counts, i + 1, _n - i);
        _keys[i] = key;
        _counts[i] = count;
        _n++;
    }

    public void Merge(BucketStore other)
    {
        if (other._keys is not null)
        {
            for (int i = 0; i < other._n; i++) Add(other._keys[i], other._counts[i]);
            return;
        }
        if (other._counts.Length == 0) return;
        // Dense into dense: sized once to the other's span, then added slot by slot (a cohort's result is merged this
        // way on every call).
        if (_keys is not null) ToDense();
        Cover(other._first, other._first + other._counts.Length);
        var into = _counts.AsSpan(other._first - _first, other._counts.Length);
        for (int i = 0; i < into.Length; i++) into[i] += other._counts[i];
    }

    /// <summary>The non-empty buckets (key, count), ascending by key.</summary>
    public IEnumerable<(int Key, int Count)> Buckets()
    {
        if (_keys is not null)
        {
            for (int i = 0; i < _n; i++) yield return (_keys[i], _counts[i]);
            yield break;
        }
        for (int i = 0; i < _counts.Length; i++)
            if (_counts[i] != 0) yield return (_first + i, _counts[i]);
    }

    public int BucketCount => _keys is not null ? _n : _counts.Count(c => c != 0);

    private void ToDense()
    {
        var (keys, counts, n) = (_keys!, _counts, _n);
        (_keys, _counts, _first) = (null, [], 0);
        if (n == 0) return;
        Cover(keys[0], keys[n - 1] + 1);
        for (int i = 0; i < n; i++) _counts[keys[i] - _first] = counts[i];
    }

    private void AddDense(int key, int count)
    {
        // Grown by doubling towards the new key, so a run of adds reallocates a few times at most.
        int end = _first + _counts.Length;
        if (_counts.Length == 0) Cover(key - 32, key + 32);
        else if (key < _first) Cover(Math.Min(key, end - 2 * _counts.Length), end);
        else if (key >= end) Cover(_first, Math.Max(key + 1, _first + 2 * _counts.Length));
        _counts[key - _first] += count;
    }

    /// <summary>Dense: makes room for keys in [first, end) in one step.</summary>
    private void Cover(int first, int end)
    {
        if (_counts.Length == 0) { (_counts, _first) = (new int[end - first], first); return; }
        int from = Math.Min(first, _first), to = Math.Max(end, _first + _counts.Length);
        if (from == _first && to == _first + _counts.Length) return;
        var counts = new int[to - from];
        Array.Copy(_counts, 0, counts, _first - from, _counts.Length);
        (_counts, _first) = (counts, from);
    }
}
