using Holded.Partners.Collaboration.PendingWork;
using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

/// <summary>Step 10 in the browser: a client's pending tasks as the firm member may see them, "Ir a …" and "Completar".</summary>
[Collection(BrowserCollection.Name)]
public class PendingWorkPageTests(BrowserApp app)
{
    private readonly Api _api = new(app);
    private static readonly Actor Erp = Actor.Service("partners.pending-work.write");

    [Fact]
    public async Task the_firm_sees_only_what_is_shared_and_allowed_goes_to_the_erp_and_completes_an_item_without_javascript()
    {
        var (collaboration, firmAdmin, business, owner) = await Collaborating();
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }); // payroll: none
        (await _api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting", "payroll", "invoicing" } })).ShouldBe(HttpStatusCode.OK);
        await Report(business, "accounting", ("je-1", "Asiento 1042 sin cuadrar"), ("je-2", "Asiento 1043 por revisar"));
        await Report(business, "payroll", ("pr-1", "Nómina de marzo"));
        await Report(business, "banking", ("bk-1", "Movimiento sin conciliar")); // not shared

        var page = await app.SignedIn(firmAdmin.Email, $"/collaborations/{collaboration}/work", javaScript: false);
        (await page.TitleAsync()).ShouldBe("Tareas pendientes — Holded Partners");
        (await page.Locator("main section[id^=section-]").EvaluateAllAsync<string[]>("s => s.map(x => x.id)")).ShouldBe(["section-invoicing", "section-accounting"]);
        (await page.Locator("#section-accounting .count").InnerTextAsync()).ShouldBe("(2)");
        var goTo = page.Locator("#section-accounting a.goto");
        (await goTo.InnerTextAsync()).ShouldBe("Ir a libro diario");
        (await goTo.GetAttributeAsync("href")).ShouldBe($"/erp-standin/accounting/daily-ledger?account={business}");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("Nómina de marzo"); // not greyed: absent
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "pending-work-es.png"), FullPage = true });

        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("done=completed")), page.ClickAsync("li[data-item=je-1] button[type=submit]"));
        (await page.Locator("[role=status]").InnerTextAsync()).ShouldBe("Tarea completada.");
        (await page.Locator("#section-accounting .count").InnerTextAsync()).ShouldBe("(1)");
        var work = await _api.GetAs<CollaborationPendingWork>($"/api/v1/collaborations/{collaboration}/pending-work", firmAdmin);
        work.Sections.Single(s => s.Section == "accounting").Items.Select(i => i.Id).ShouldBe(["je-2"]);

        // Where the member may only read, there is nothing to complete; the deep link opens the ERP (its stand-in here).
        (await page.Locator("#section-invoicing button").CountAsync()).ShouldBe(0);
        await Task.WhenAll(page.WaitForURLAsync(url => url.Contains("/erp-standin/")), goTo.ClickAsync());
        (await page.Locator("#deep-link").InnerTextAsync()).ShouldContain("/accounting/daily-ledger");
    }

    [Fact]
    public async Task the_client_and_strangers_get_what_the_api_answers_and_the_page_speaks_english()
    {
        var (collaboration, firmAdmin, business, owner) = await Collaborating();
        await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });
        await _api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting" } });
        await Report(business, "accounting", ("je-1", "Asiento 1042"));

        var page = await app.SignedIn(firmAdmin.Email, $"/collaborations/{collaboration}/work", locale: "en-GB");
        (await page.TitleAsync()).ShouldBe("Pending tasks — Holded Partners");
        (await page.Locator("#section-accounting a.goto").InnerTextAsync()).ShouldBe("Go to the daily ledger");
        (await page.Locator("#section-accounting button").CountAsync()).ShouldBe(0); // read only: no Completar
        await page.ShouldBeAccessibleAsync();
        // A completion the API refuses (read only) is refused here in its words.
        var api = (await _api.Post($"/api/v1/collaborations/{collaboration}/pending-work/accounting/items/je-1/complete", firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", await page.Locator("header form[action='/signout'] input[type=hidden]").GetAttributeAsync("value") ?? "");
        var forced = await page.APIRequest.PostAsync(new Uri(app.Address, $"/collaborations/{collaboration}/work/accounting/items/je-1/complete").ToString(), new() { Form = form });
        forced.Status.ShouldBe(403);
        (await forced.TextAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(api["detail"].GetValue<string>()).Replace("&#39;", "'"));

        // The client reads its pending work in the ERP: the API answers 403 and so does the page; a stranger gets 404.
        (await _api.Get($"/api/v1/collaborations/{collaboration}/pending-work", owner)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var client = await app.SignedIn(owner.Email, "/settings/notifications");
        (await client.GotoAsync(new Uri(app.Address, $"/collaborations/{collaboration}/work").ToString()))!.Status.ShouldBe(403);
        var stranger = await app.SignedIn("stranger.work@example.es", "/portal");
        (await stranger.GotoAsync(new Uri(app.Address, $"/collaborations/{collaboration}/work").ToString()))!.Status.ShouldBe(404);
    }

    private Task Report(Guid business, string section, params (string Id, string Title)[] items) =>
        _api.Put($"/api/v1/clients/{business}/pending-work/{section}", Erp,
            new { items = items.Select(i => new { id = i.Id, title = i.Title, link = $"/{section}/items/{i.Id}" }).ToArray() });

    private async Task<(Guid Collaboration, Actor FirmAdmin, Guid Business, Actor Owner)> Collaborating()
    {
        var owner = BrowserApp.AsSignedIn(Actor.Person("Lucia"));
        var firmAdmin = BrowserApp.AsSignedIn(Actor.Person("Marta"));
        var partner = await _api.PublishedPartner(firmAdmin);
        var business = await _api.RegisterBusiness(owner);
        var conversation = await _api.OpenConversation(owner, business, partner);
        await _api.RequestCollaboration(owner, conversation);
        return (await _api.AcceptRequest(firmAdmin, conversation), firmAdmin, business, owner);
    }
}
