using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// Step 7 in the browser, and the example of a page running the API's own use case: what the page saves is what the
/// API answers next, and what the API refuses the page refuses, with the same words.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NotificationSettingsPageTests(BrowserApp app)
{
    private const string Path = "/settings/notifications";
    private readonly Api _api = new(app);

    [Fact]
    public async Task a_firm_member_chooses_the_kpis_and_email_without_javascript_and_the_api_answers_the_same()
    {
        var member = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var page = await app.SignedIn(member.Email, Path, javaScript: false);
        (await page.TitleAsync()).ShouldBe("Notificaciones — Holded Partners");
        (await page.Locator("input[name=kpis]:checked").CountAsync()).ShouldBe(Holded.Partners.Kernel.Catalogs.Kpis.Count); // until chosen, all

        await page.Locator("input[value=stock_alerts]").UncheckAsync();
        await page.Locator("input[name=email]").CheckAsync();
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("saved=true")), page.ClickAsync("main button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Guardado.");
        (await page.Locator("input[value=stock_alerts]").IsCheckedAsync()).ShouldBeFalse();
        await page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(BrowserApp.Screenshots, "notification-settings-es.png"), FullPage = true });
        await page.ShouldBeAccessibleAsync();

        var settings = (await _api.Get("/api/v1/notification-settings", member)).ShouldBe(HttpStatusCode.OK).Json!;
        settings["email"]!.GetValue<bool>().ShouldBeTrue();
        settings["kpis"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(Holded.Partners.Kernel.Catalogs.Kpis.Where(k => k != "stock_alerts"));
    }

    [Fact]
    public async Task what_the_api_refuses_the_page_refuses_with_the_same_words_in_english_when_asked()
    {
        var member = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var api = (await _api.Put("/api/v1/notification-settings", member, new { email = false, kpis = new[] { "made_up" }, clients = Array.Empty<object>() }))
            .ShouldBeInvalid("kpis");

        var page = await app.SignedIn(member.Email, Path, locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Notifications — Holded Partners");
        await page.EvalOnSelectorAsync("input[name=kpis]", "e => { e.value = 'made_up'; e.checked = true; }"); // a form tampered with
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Request.Method == "POST");
        answer.Status.ShouldBe(400);
        var said = await page.Locator("#refusal li").AllInnerTextsAsync();
        said.ShouldContain($"kpis: {api.Json!["errors"]!["kpis"]![0]!.GetValue<string>()}");
        (await _api.Get("/api/v1/notification-settings", member)).Json!["kpis"]!.AsArray().Count.ShouldBe(Holded.Partners.Kernel.Catalogs.Kpis.Count); // nothing stored
    }

    [Fact]
    public async Task a_visitor_is_sent_to_sign_in_and_a_form_without_its_antiforgery_token_changes_nothing()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var get = await client.GetAsync(Path);
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");

        var member = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var page = await app.SignedIn(member.Email, Path);
        var forged = await page.APIRequest.PostAsync(new Uri(app.Address, Path).ToString(), new() { Form = FormWithoutToken(page) });
        forged.Status.ShouldBe(403);
        (await _api.Get("/api/v1/notification-settings", member)).Json!["email"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static IFormData FormWithoutToken(IPage page)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("email", "true");
        form.Set("kpis", "pending_invoices");
        return form;
    }
}
