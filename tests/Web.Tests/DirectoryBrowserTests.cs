using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

[Collection(BrowserCollection.Name)]
public class DirectoryBrowserTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    private Task<IPage> NewPage(string locale) => app.NewPageAsync(locale);

    [Fact]
    public async Task a_visitor_filters_by_province_and_service_and_opens_a_partner_without_javascript()
    {
        // Other tests publish partners in the same directory: this one's three share a word no other has.
        var mark = string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        await _api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile($"Nóminas Sevilla {mark}",
            "Nóminas y seguros sociales para la hostelería sevillana desde hace veinte años.", services: ["payroll"], provinces: ["sevilla"]));
        await _api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile($"Auditores de Madrid {mark}",
            "Auditoría de cuentas y contabilidad para medianas empresas madrileñas.", services: ["audit"], provinces: ["madrid"]));
        await _api.PublishedPartner(Actor.Person(), Scenarios.CompleteProfile($"Nóminas Madrid {mark}",
            "Gestión de nóminas para pymes y autónomos de la Comunidad de Madrid.", services: ["payroll"], provinces: ["madrid"]));

        var page = await NewPage("es-ES");
        await page.GotoAsync(new Uri(app.Address, "/directory").ToString());

        (await page.TitleAsync()).ShouldBe("Directorio de partners de Holded");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        await page.ShouldBeAccessibleAsync();
        await page.FillAsync("main input[name=q]", mark);
        // Words alone, with "Cualquiera" left in both lists (the form sends them empty).
        var words = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"), r => r.Url.Contains($"q={mark}"));
        words.Status.ShouldBe(200);
        page.Url.ShouldContain($"q={mark}");
        (await page.Locator("li.partner").CountAsync()).ShouldBe(3);

        await page.SelectOptionAsync("select[name=province]", "madrid");
        await page.SelectOptionAsync("select[name=service]", "payroll");
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("province=madrid") && url.Contains("service=payroll")),
            page.ClickAsync("main button[type=submit]"));
        var names = await page.Locator("li.partner h2").AllInnerTextsAsync();
        names.ShouldBe([$"Nóminas Madrid {mark}"]);

        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/directory/nominas-madrid-")),
            page.ClickAsync("li.partner h2 a"));
        (await page.TitleAsync()).ShouldBe($"Nóminas Madrid {mark} — Directorio de partners de Holded");
        (await page.Locator("meta[name=description]").GetAttributeAsync("content")).ShouldStartWith("Gestión de nóminas para pymes");
        var text = await page.Locator("body").InnerTextAsync();
        text.ShouldContain("Nóminas");
        text.ShouldNotContain("hola@gestorialopez.es");
        text.ShouldNotContain("910 000 000");
        (await page.ContentAsync()).ShouldNotContain("hola@gestorialopez.es");
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task the_directory_answers_in_english_when_the_browser_asks()
    {
        var page = await NewPage("en-GB");
        await page.GotoAsync(new Uri(app.Address, "/directory").ToString());
        (await page.TitleAsync()).ShouldBe("Holded partner directory");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await page.Locator("main button[type=submit]").InnerTextAsync()).ShouldBe("Search");
    }

    [Fact]
    public async Task an_unknown_partner_is_a_404_page()
    {
        var page = await NewPage("es-ES");
        var response = await page.GotoAsync(new Uri(app.Address, "/directory/nadie-000000").ToString());
        response!.Status.ShouldBe(404);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Partner no encontrado");
    }
}
