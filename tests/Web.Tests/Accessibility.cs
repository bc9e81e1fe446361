using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>axe-core in the page as it is: no violation of serious or critical impact, each one named when there is.</summary>
public static class Accessibility
{
    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")) + $"\n(at {page.Url})");
    }
}
