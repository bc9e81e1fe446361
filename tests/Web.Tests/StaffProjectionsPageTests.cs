namespace Holded.Partners.Web.Tests;

/// <summary>/staff/projections: operators watch each read model's lag and rebuild an asynchronous one through a confirmation.</summary>
[Collection(BrowserCollection.Name)]
public class StaffProjectionsPageTests(BrowserApp app)
{
    private string Url(string path) => new Uri(app.Address, path).ToString();

    [Fact]
    public async Task an_operator_reads_the_lag_rebuilds_an_asynchronous_projection_after_confirming_and_is_told_an_inline_one_is_rebuilt_offline()
    {
        var page = await app.SignedIn("operadora.proyecciones@holded.example", "/staff/projections", platformRole: "operator", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Proyecciones — Holded Partners");
        (await page.Locator("#projections tr[data-projection=ConversationResponse] td").Nth(0).InnerTextAsync()).ShouldBe("Asíncrona");
        (await page.Locator("#projections tr[data-projection=Grant] td").Nth(0).InnerTextAsync()).ShouldBe("Síncrona");
        (await page.Locator("#projections tr[data-projection=Grant] a.offline").InnerTextAsync()).ShouldBe("Sin servicio");
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "staff-projections-es.png"), FullPage = true });

        await Task.WhenAll(page.WaitForURLAsync(u => u.EndsWith("/ConversationResponse/rebuild")),
            page.ClickAsync("#projections tr[data-projection=ConversationResponse] a"));
        (await page.Locator("#consequences").InnerTextAsync()).ShouldContain("Los eventos no cambian");
        await page.ShouldBeAccessibleAsync();
        await Task.WhenAll(page.WaitForURLAsync(u => u.Contains("done=rebuilt")), page.ClickAsync("main button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldStartWith("ConversationResponse reconstruida desde los eventos");
        (await page.Locator("#projections tr[data-projection=ConversationResponse]").CountAsync()).ShouldBe(1);

        // An inline one: the confirmation says how it is rebuilt instead; a forged POST gets the API's 409 in its words.
        await page.GotoAsync(Url("/staff/projections/Grant/rebuild"));
        (await page.Locator("#offline").InnerTextAsync()).ShouldContain("projections rebuild -p Grant");
        (await page.Locator("main form").CountAsync()).ShouldBe(0);
        await page.ShouldBeAccessibleAsync();
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", await page.Locator("header form[action='/signout'] input[type=hidden]").GetAttributeAsync("value") ?? "");
        var forced = await page.APIRequest.PostAsync(Url("/staff/projections/Grant/rebuild"), new() { Form = form });
        forced.Status.ShouldBe(409);
        (await forced.TextAsync()).ShouldContain("is an inline projection");

        (await page.GotoAsync(Url("/staff/projections/Nothing/rebuild")))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task a_reviewer_gets_the_apis_403_and_a_visitor_is_sent_to_sign_in()
    {
        var page = await app.SignedIn("revisor.proyecciones@holded.example", "/staff/projections", locale: "en-GB", platformRole: "reviewer", javaScript: false);
        (await page.GotoAsync(Url("/staff/projections")))!.Status.ShouldBe(403);
        (await page.Locator("#refusal").InnerTextAsync()).ShouldContain("Projections are the platform operators' to watch and rebuild.");
        await page.ShouldBeAccessibleAsync();

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        (await visitor.GetAsync("/staff/projections")).Headers.Location!.ToString().ShouldStartWith("/signin?returnUrl=");
    }
}
