namespace PartnerSim.Inputs.Csv;

/// <summary>
/// Hands text to the CSV parser but refuses to feed one row past a limit. An unclosed quote makes the rest of
/// the file a single row, and a file with no line breaks (or a device such as <c>/dev/zero</c>) is one endless
/// row; the parser would hold all of it. The count restarts at every row the parser returns, so it measures
/// the row being read plus at most one read-ahead chunk.
/// </summary>
internal sealed class RowBoundedReader(TextReader inner, int maxChars, Func<Exception> tooLong) : TextReader
{
    private long _sinceRow;

    public void RowReturned() => _sinceRow = 0;

    public override int Read(Span<char> buffer) => Count(inner.Read(buffer));

    public override int Read(char[] buffer, int index, int count) => Count(inner.Read(buffer, index, count));

    public override int Read()
    {
        int c = inner.Read();
        if (c >= 0) Count(1);
        return c;
    }

    public override int Peek() => inner.Peek();

    private int Count(int read)
    {
        _sinceRow += read;
        if (_sinceRow > maxChars) throw tooLong();
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
