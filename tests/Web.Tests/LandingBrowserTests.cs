using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>The front door, as a visitor opens http://127.0.0.1:5080/: what this is, and where to go.</summary>
[Collection(BrowserCollection.Name)]
public class LandingBrowserTests(BrowserApp app)
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
        await page.ShouldBeAccessibleAsync();

        await Task.WhenAll(page.WaitForURLAsync(url => url.EndsWith("/directory")), page.ClickAsync($"text={directory}"));
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(lang);
    }

    [Fact]
    public async Task a_developer_signs_in_as_one_of_the_demo_identities_with_one_click_and_lands_in_the_portal()
    {
        var context = await app.Browser.NewContextAsync(new() { Locale = "es-ES", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Address, "/").ToString());
        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin"), page.ClickAsync("text=Entrar con una identidad de demostración"));
        var demo = page.Locator("#demo-identities li");
        (await demo.CountAsync()).ShouldBe(Holded.Partners.Host.Demo.DemoData.Identities.Count);
        (await demo.First.InnerTextAsync()).ShouldContain("admin@garcia-asesores.es");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "signin-es.png"), FullPage = true });

        await Task.WhenAll(page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal"), demo.Filter(new() { HasText = "demo-reviewer@holded.com" }).Locator("button").ClickAsync());
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Hola, Revisora Demo");
        (await page.Locator("section[aria-labelledby=staff]").InnerTextAsync()).ShouldContain("Solicitudes de partner por revisar");
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task the_language_switch_keeps_the_choice_over_the_browsers_and_returns_to_the_same_page()
    {
        var context = await app.Browser.NewContextAsync(new() { Locale = "es-ES", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.Address, "/directory?province=madrid").ToString());
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/directory?province=madrid")), page.ClickAsync("header a[hreflang=en]"));
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await page.TitleAsync()).ShouldBe("Holded partner directory");
        await page.GotoAsync(new Uri(app.Address, "/").ToString()); // the choice stays, though the browser asks for Spanish
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");

        // Only a path of this site, and only a language the product speaks.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        (await client.GetAsync("/language/en?returnUrl=https%3A%2F%2Fevil.example%2F")).Headers.Location!.ToString().ShouldBe("/");
        (await client.GetAsync("/language/fr")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
