using System.Net;
using System.Text;
using PartnerSim.Analytics.Plots;
using SkiaSharp;

namespace PartnerSim.Analytics.Reports.Html;

/// <summary>
/// A self-contained HTML report: one file with its stylesheet inline and its charts embedded as PNG data URIs, no
/// script and no reference to anything outside itself, so it reads the same offline, attached to a mail or archived.
/// Every text is HTML-encoded; sections get ids so the contents can link to them with #anchors.
/// </summary>
public sealed class HtmlPage(string title)
{
    private const string Style = """
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222; margin: 0 auto; max-width: 1100px; padding: 1.5em 2em 4em; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; margin-top: 2.2em; border-bottom: 2px solid #ddd; padding-bottom: 0.2em; }
        h3 { font-size: 1.08em; margin-top: 1.6em; }
        p.headline { font-size: 1.25em; font-weight: 600; background: #fff6e5; border-left: 5px solid #ff7f0e; padding: 0.6em 0.9em; }
        p.meta, p.note, figcaption { color: #555; font-size: 0.92em; }
        nav ul { columns: 2; padding-left: 1.2em; }
        figure { margin: 1.6em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
        div.table { overflow-x: auto; margin: 0.6em 0 0.4em; }
        table { border-collapse: collapse; font-size: 0.9em; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
        th, td { border-bottom: 1px solid #e2e2e2; padding: 0.25em 0.6em; vertical-align: top; }
        th { background: #f3f3f3; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr:hover td { background: #fafafa; }
        .ok { color: #1a7f37; } .miss { color: #c62828; }
        code { font-size: 0.92em; }
        """;

    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Title)> _sections = [];

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public void Heading(string text, string? subtitle = null)
    {
        _body.Append("<h1>").Append(E(text)).Append("</h1>\n");
        if (!string.IsNullOrEmpty(subtitle)) Paragraph(subtitle, "meta");
    }

    /// <summary>A section heading listed in the contents.</summary>
    public void Section(string id, string text)
    {
        _sections.Add((id, text));
        _body.Append($"<h2 id=\"{E(id)}\">").Append(E(text)).Append("</h2>\n");
    }

    public void Subheading(string text) => _body.Append("<h3>").Append(E(text)).Append("</h3>\n");

    public void Paragraph(string text, string? cssClass = null) =>
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{E(cssClass)}\">").Append(E(text)).Append("</p>\n");

    public void List(IEnumerable<string> items)
    {
        _body.Append("<ul>\n");
        foreach (var item in items) _body.Append("<li>").Append(E(item)).Append("</li>\n");
        _body.Append("</ul>\n");
    }

    /// <summary>A chart at the size it was drawn, its caption naming its files (FOLDER/ID.png, .svg).</summary>
    public void Figure(DrawnChart chart)
    {
        var size = SKBitmap.DecodeBounds(chart.Png);
        var folder = Path.GetFileName(Path.GetDirectoryName(chart.PngPath));
        _body.Append($"<figure id=\"chart-{E(chart.Id)}\">\n")
            .Append($"<img src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\" alt=\"{E(chart.Title)}\" ")
            .Append($"width=\"{size.Width}\" height=\"{size.Height}\">\n")
            .Append("<figcaption>").Append(E(chart.Caption)).Append($" ({E(folder ?? "")}/{E(chart.Id)}.png, .svg)</figcaption>\n</figure>\n");
    }

    public void Table(HtmlTable table, string? id = null)
    {
        _body.Append("<div class=\"table\">").Append(id is null ? "<table>" : $"<table id=\"{E(id)}\">").Append("\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var h in table.Headers) _body.Append("<th>").Append(E(h)).Append("</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            _body.Append("<tr>");
            foreach (var (text, numeric) in row) _body.Append(numeric ? "<td class=\"n\">" : "<td>").Append(E(text)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody>\n</table>\n</div>\n");
        if (table.Note is not null) Paragraph(table.Note, "note");
    }

    /// <summary>The whole document; the contents list every section in order.</summary>
    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        int contents = _body.ToString().IndexOf("<h2", StringComparison.Ordinal);
        var body = _body.ToString();
        if (contents < 0) contents = body.Length;
        html.Append(body[..contents]);
        if (_sections.Count > 0)
        {
            html.Append("<nav>\n<ul>\n");
            foreach (var (id, text) in _sections) html.Append($"<li><a href=\"#{E(id)}\">").Append(E(text)).Append("</a></li>\n");
            html.Append("</ul>\n</nav>\n");
        }
        html.Append(body[contents..]).Append("</body>\n</html>\n");
        return html.ToString();
    }
}
