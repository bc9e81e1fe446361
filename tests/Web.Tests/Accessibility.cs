using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>axe-core on the page as it is: no violation of serious or critical impact, each one named when there is.</summary>
public static class Accessibility
{
    private static readonly string Axe = new BundledAxeScriptProvider().GetScript();
    private static readonly ConditionalWeakTable<IBrowser, Checker> Checkers = new();

    // axe's own runner for Playwright goes through runPartial and a page of its own to finish (about two seconds a page
    // here); one axe.run in one page kept for the purpose answers the same for pages without frames in a fraction.
    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(' | ')}`);
        }
        """;

    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        var serious = await Checkers.GetValue(page.Context.Browser!, browser => new Checker(browser)).ViolationsAsync(await page.ContentAsync());
        serious.ShouldBeEmpty(string.Join("\n", serious) + $"\n(at {page.Url})");
    }

    /// <summary>
    /// axe is a script, and most pages are looked at with JavaScript off (where axe never answers): the page's HTML as
    /// the browser holds it is checked in a page of the checker's own with scripts on. Styles are inline, so it looks the same.
    /// </summary>
    private sealed class Checker(IBrowser browser)
    {
        private readonly SemaphoreSlim _one = new(1, 1);
        private IPage? _page;

        public async Task<string[]> ViolationsAsync(string html)
        {
            await _one.WaitAsync();
            try
            {
                _page ??= await (await browser.NewContextAsync(new() { JavaScriptEnabled = true })).NewPageAsync();
                await _page.SetContentAsync(html);
                // The window outlives document.open, so axe is loaded once; a page's own script could still replace it.
                if (!await _page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
                    await _page.AddScriptTagAsync(new() { Content = Axe });
                return await _page.EvaluateAsync<string[]>(Run);
            }
            finally
            {
                _one.Release();
            }
        }
    }
}
