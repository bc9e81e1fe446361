namespace Holded.Partners.Web.Tests;

/// <summary>The check every page goes through can fail: a page that breaks the rules is named, and the next one is looked at afresh.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityCheckTests(BrowserApp app)
{
    [Fact]
    public async Task a_page_without_alternative_text_or_a_named_button_fails_and_a_sound_page_after_it_passes()
    {
        var context = await app.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<html lang="es"><head><title>Mal</title></head><body><main><img src="x.png"><button></button></main></body></html>""");

        string? failure = null;
        try { await page.ShouldBeAccessibleAsync(); }
        catch (ShouldAssertException e) { failure = e.Message; } // Shouldly's Should.Throw passes its own failures on
        failure.ShouldNotBeNull().ShouldContain("image-alt");
        failure.ShouldContain("button-name");

        await page.SetContentAsync("""<html lang="es"><head><title>Bien</title></head><body><main><h1>Bien</h1><img src="x.png" alt="Logo"><button>Enviar</button></main></body></html>""");
        await page.ShouldBeAccessibleAsync();
        await context.CloseAsync();
    }
}
