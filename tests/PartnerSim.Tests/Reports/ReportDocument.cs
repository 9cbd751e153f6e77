using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PartnerSim.Tests.Reports;

/// <summary>A report file parsed as a browser parses it (AngleSharp), with the checks every report must pass.</summary>
internal static class ReportDocument
{
    public static IDocument Parse(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path));

    /// <summary>
    /// Every reference that would leave the file: a src or srcset that is not a data: URI, an href that is not an
    /// #anchor to an element of the page, any stylesheet link, script source, frame, object or CSS url()/@import.
    /// </summary>
    public static IReadOnlyList<string> OutsideReferences(IDocument document)
    {
        var outside = new List<string>();
        foreach (var element in document.All)
        {
            foreach (var name in new[] { "src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href" })
                if (element.GetAttribute(name) is { } value && !value.StartsWith("data:", StringComparison.Ordinal))
                    outside.Add($"<{element.LocalName} {name}=\"{value}\">");
            if (element.GetAttribute("href") is { } href && !(href.StartsWith('#') && document.GetElementById(href[1..]) is not null))
                outside.Add($"<{element.LocalName} href=\"{href}\">");
            if (element.LocalName is "link" or "script" or "iframe" or "frame" or "object" or "embed" or "base")
                outside.Add($"<{element.LocalName}>");
            if (element.GetAttribute("style") is { } style && style.Contains("url(", StringComparison.OrdinalIgnoreCase))
                outside.Add($"<{element.LocalName} style=\"{style}\">");
        }
        foreach (var style in document.QuerySelectorAll("style"))
            if (style.TextContent.Contains("url(", StringComparison.OrdinalIgnoreCase) || style.TextContent.Contains("@import", StringComparison.OrdinalIgnoreCase))
                outside.Add("<style> with url() or @import");
        return outside;
    }

    /// <summary>The rows of a table as cell texts.</summary>
    public static List<string[]> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray())];
}
