using Microsoft.Playwright;

namespace Holded.Partners.Web.Tests;

[Collection(BrowserCollection.Name)]
public class ProcessingRecordPageTests(BrowserApp app)
{
    private readonly Api _api = new(app);

    [Fact]
    public async Task a_firm_administrator_reaches_the_record_from_the_navigation_chooses_a_date_and_downloads_the_pdf()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Alba Registro"));
        var firm = await _api.PublishedPartner(admin);
        var owner = Actor.Person("Olga Cliente");
        var (business, conversation) = await _api.RequestedCollaboration(owner, firm);
        var collaboration = await _api.AcceptRequest(admin, conversation);
        await _api.Settled(async () => (await _api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK));

        // A member not assigned to the client, with just-in-time access asked for and approved.
        var member = await _api.AddMember(firm, admin, "account_manager");
        var request = await _api.Settled(async () => (await _api.Post($"/api/v1/collaborations/{collaboration}/just-in-time", member,
            new { reason = "Cierre trimestral: revisar el IVA del T3.", sections = new[] { "accounting" }, hours = 4 })).ShouldBe(HttpStatusCode.Created).Id);
        (await _api.Post($"/api/v1/just-in-time/{request}/approve", admin)).ShouldBe(HttpStatusCode.OK);

        var page = await app.SignedIn(admin, $"/firms/{firm}/clients");
        await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Registro RGPD" }).ClickAsync(),
            r => r.Url.Contains("/processing-record"));
        new Uri(page.Url).AbsolutePath.ShouldBe($"/firms/{firm}/processing-record");
        (await page.TitleAsync()).ShouldBe("Registro de tratamiento (RGPD) — Holded Partners");
        (await page.Locator("nav a[aria-current=page]").InnerTextAsync()).ShouldBe("Registro RGPD");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Registro de las actividades de tratamiento (art. 30.2 RGPD)");
        var client = page.Locator($"article[data-client='{business}']");
        (await client.Locator("h3").InnerTextAsync()).ShouldBe("Panadería Sol SL");
        (await client.Locator("table.categories tr[data-role=accountant]").InnerTextAsync()).ShouldContain("Contabilidad: Ver y editar");
        (await client.Locator($"table.people tr[data-user='{admin.UserId}']").InnerTextAsync()).ShouldContain("administrador de la asesoría");
        var temporary = client.Locator($"table.people tr[data-user='{member.UserId}'][data-basis=just_in_time][data-open=true]");
        (await temporary.InnerTextAsync()).ShouldSatisfyAllConditions(
            t => t.ShouldContain("acceso temporal pedido y aprobado"), t => t.ShouldContain("Cierre trimestral: revisar el IVA del T3."),
            t => t.ShouldContain("secciones: Contabilidad"), t => t.ShouldContain("en vigor"));
        (await page.Locator("#safeguards + ul li").CountAsync()).ShouldBeGreaterThan(5);
        await page.ShouldBeAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Screenshots, "processing-record-es.png"), FullPage = true });

        // The PDF of the same date, for the signed-in person.
        var pdf = await page.APIRequest.GetAsync(new Uri(app.Address, (await page.Locator("#pdf").GetAttributeAsync("href"))!).ToString());
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]).ShouldBe("%PDF-");

        // As of the day before the collaboration began: nobody served yet (a GET form, no JavaScript).
        await page.FillAsync("#asOf", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form[role=search] button[type=submit]"), r => r.Url.Contains("asOf="));
        (await page.Locator("#no-controllers").CountAsync()).ShouldBe(1);
        (await page.Locator("#pdf").GetAttributeAsync("href")).ShouldContain("asOf=");
        await page.ShouldBeAccessibleAsync();
    }

    [Fact]
    public async Task it_speaks_english_and_a_member_who_is_not_an_administrator_is_told_why_not()
    {
        var admin = BrowserApp.AsSignedIn(Actor.Person("Alba Registro"));
        var firm = await _api.PublishedPartner(admin);
        var english = await app.SignedIn(admin, $"/firms/{firm}/processing-record", "en-GB");
        (await english.TitleAsync()).ShouldBe("Processing record (GDPR) — Holded Partners");
        (await english.Locator("#no-controllers").InnerTextAsync()).ShouldBe("None at this date.");
        (await english.Locator("#pdf").InnerTextAsync()).ShouldBe("Download as PDF");
        await english.ShouldBeAccessibleAsync();

        var manager = BrowserApp.AsSignedIn(Actor.Person("Marta Gestora"));
        await _api.Settled(async () =>
        {
            var invitation = (await _api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = manager.Email, role = "account_manager" })).ShouldBe(HttpStatusCode.Created).Id;
            (await _api.Post($"/api/v1/invitations/{invitation}/accept", manager)).ShouldBe(HttpStatusCode.OK);
        });
        var refused = await app.SignedIn(manager, $"/firms/{firm}/clients");
        (await refused.GetByRole(AriaRole.Link, new() { Name = "Registro RGPD" }).CountAsync()).ShouldBe(0);
        var response = await refused.GotoAsync(new Uri(app.Address, $"/firms/{firm}/processing-record").ToString());
        response!.Status.ShouldBe(403);
        (await refused.Locator("#refusal").InnerTextAsync()).ShouldContain("administrators");

        var bad = await english.GotoAsync(new Uri(app.Address, $"/firms/{firm}/processing-record?asOf=30-06-2026").ToString());
        bad!.Status.ShouldBe(400);
        (await english.Locator("#asOf-error").InnerTextAsync()).ShouldContain("2026-06-30");
        await english.ShouldBeAccessibleAsync();
    }
}
