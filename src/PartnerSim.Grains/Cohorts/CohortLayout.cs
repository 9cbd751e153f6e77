using PartnerSim.Grains.Runs;

namespace PartnerSim.Grains.Cohorts;

/// <summary>
/// The fixed tree of cohort grains over partner positions 0…N−1 (ascending id): leaves own
/// <see cref="CohortShape.LeafSize"/> consecutive partners, inner nodes up to FanOut children, keys numbered
/// heap-style (root 0, children of k at k·FanOut + 1 …). Leaves hold whole digest blocks, so each leaf can
/// hash its own partners.
/// </summary>
public sealed class CohortLayout
{
    public int Partners { get; }
    public int LeafSize { get; }
    public int FanOut { get; }
    public int LeafCount { get; }

    public CohortLayout(int partners, CohortShape shape)
    {
        if (shape.Problem is { } problem) throw new ArgumentException(problem);
        Partners = partners;
        LeafSize = shape.LeafSize;
        FanOut = shape.FanOut;
        LeafCount = Math.Max(1, (partners + LeafSize - 1) / LeafSize);
    }

    /// <summary>A node: the leaves it spans [FirstLeaf, EndLeaf) and, for a leaf, its partner positions.</summary>
    public readonly record struct Node(long Key, int FirstLeaf, int EndLeaf)
    {
        public bool IsLeaf => EndLeaf - FirstLeaf == 1;
    }

    public Node Root => new(0, 0, LeafCount);

    public IEnumerable<Node> Children(Node node)
    {
        if (node.IsLeaf) yield break;
        int span = node.EndLeaf - node.FirstLeaf;
        int per = (span + FanOut - 1) / FanOut;
        for (int i = 0, first = node.FirstLeaf; first < node.EndLeaf; i++, first += per)
            yield return new Node(node.Key * FanOut + 1 + i, first, Math.Min(node.EndLeaf, first + per));
    }

    /// <summary>Finds a node by key by walking down from the root.</summary>
    public Node Find(long key)
    {
        var path = new Stack<int>();
        for (long k = key; k > 0; k = (k - 1) / FanOut) path.Push((int)((k - 1) % FanOut));
        var node = Root;
        while (path.Count > 0) node = Children(node).ElementAt(path.Pop());
        return node;
    }

    public IEnumerable<Node> Leaves() => Leaves(Root);

    private IEnumerable<Node> Leaves(Node node) =>
        node.IsLeaf ? [node] : Children(node).SelectMany(Leaves);

    public (int Start, int End) Positions(Node leaf) =>
        (leaf.FirstLeaf * LeafSize, Math.Min(Partners, leaf.EndLeaf * LeafSize));
}
