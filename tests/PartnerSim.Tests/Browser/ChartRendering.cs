using System.Text.Json;

namespace PartnerSim.Tests.Browser;

/// <summary>
/// Whether a loaded page's charts were drawn: every &lt;img&gt; finished loading and decoded to a picture
/// (naturalWidth &gt; 0, which a broken or undecodable data URI never reaches), and every outermost inline &lt;svg&gt;
/// takes up room on the page. <see cref="NotRendered"/> names each that was not.
/// </summary>
public sealed record ChartRendering(int Images, int Svgs, IReadOnlyList<string> NotRendered)
{
    private const string Check = """
        (() => {
          const short = s => s.length > 80 ? s.slice(0, 80) + '…' : s;
          const images = [...document.images];
          const svgs = [...document.querySelectorAll('svg')].filter(s => !s.parentElement?.closest('svg'));
          const notRendered = [];
          images.forEach((img, i) => {
            if (!img.complete || img.naturalWidth === 0)
              notRendered.push(`img ${i + 1} (${short(img.getAttribute('src') ?? '')}): not decoded, naturalWidth ${img.naturalWidth}`);
          });
          svgs.forEach((svg, i) => {
            const box = svg.getBoundingClientRect();
            if (!(box.width > 0 && box.height > 0))
              notRendered.push(`svg ${i + 1}${svg.id ? ' #' + svg.id : ''}: bounding box ${box.width}x${box.height}`);
          });
          return { images: images.length, svgs: svgs.length, notRendered };
        })()
        """;

    public bool AllRendered => NotRendered.Count == 0;

    public static async Task<ChartRendering> OfAsync(LoadedPage page)
    {
        var result = await page.EvaluateAsync(Check);
        return new ChartRendering(
            result.GetProperty("images").GetInt32(),
            result.GetProperty("svgs").GetInt32(),
            [.. result.GetProperty("notRendered").EnumerateArray().Select(e => e.GetString()!)]);
    }

    public override string ToString() =>
        $"{Images} images, {Svgs} svgs" + (AllRendered ? ", all rendered" : ": " + string.Join("; ", NotRendered));
}
