using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>The front door, as a visitor opens http://127.0.0.1:5080/: what this is, and where to go.</summary>
public class LandingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("es-ES", "es", "El directorio de asesorías partner")]
    [InlineData("en-GB", "en", "The directory of partner firms")]
    public async Task a_visitor_learns_what_this_is_and_follows_a_link_without_javascript(string locale, string lang, string directory)
    {
        var context = await app.Browser.NewContextAsync(new() { Locale = locale, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(app.Address, "/").ToString());
        response!.Status.ShouldBe(200);
        response.Headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(lang);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Holded Partners");
        (await page.Locator("main a[href='/docs']").CountAsync()).ShouldBe(1);
        (await page.Locator("main a[href='/audit']").CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, $"landing-{lang}.png"), FullPage = true });

        await Task.WhenAll(page.WaitForURLAsync(url => url.EndsWith("/directory")), page.ClickAsync($"text={directory}"));
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(lang);
    }
}
