using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>axe-core on the page as it is: no violation of serious or critical impact, each one named when there is.</summary>
public static class Accessibility
{
    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        // axe runs as a script, and most pages are looked at with JavaScript off (where axe never answers): the page's
        // HTML as the browser holds it is checked in a page of its own with scripts on. Styles are inline, so it looks the same.
        var html = await page.ContentAsync();
        var context = await page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = true });
        try
        {
            var copy = await context.NewPageAsync();
            await copy.SetContentAsync(html);
            var result = await copy.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
                $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")) + $"\n(at {page.Url})");
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
