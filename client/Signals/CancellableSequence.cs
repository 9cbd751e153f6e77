namespace PartnerSim.Cli.Signals;

public static class CancellableSequence
{
    /// <summary>The items, one by one, as long as <paramref name="cancel"/> is not cancelled: a long stream of rows
    /// (a roster read or written) stops at the next row.</summary>
    public static IEnumerable<T> Until<T>(this IEnumerable<T> items, CancellationToken cancel)
    {
        foreach (var item in items)
        {
            cancel.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
